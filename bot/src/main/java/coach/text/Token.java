package coach.text;

/**
 * One token of analysed text.
 *
 * @param text  the token as written
 * @param start offset of the first UTF-16 unit in the source text
 * @param end   offset after the last UTF-16 unit
 * @param norm  lower-cased, ё folded to е
 * @param stem  the Snowball stem of {@code norm} (equal to norm for non-words)
 * @param kind  word, number or punctuation/symbol
 * @param word  the analysed word form (shared by every token written the same way): its vocabulary numbers;
 *              not part of equality
 */
public record Token(String text, int start, int end, String norm, String stem, Kind kind, Word word) {

    public enum Kind { WORD, NUMBER, PUNCT }

    /** A token whose word is analysed from {@code norm}, {@code stem} and {@code kind} as given. */
    public Token(String text, int start, int end, String norm, String stem, Kind kind) {
        this(text, start, end, norm, stem, kind, new Word(norm, stem, kind));
    }

    public boolean isWord() {
        return kind == Kind.WORD;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Token t && start == t.start && end == t.end && kind == t.kind && text.equals(t.text) && norm.equals(t.norm)
                && stem.equals(t.stem);
    }

    @Override
    public int hashCode() {
        // the record's own formula over its first six components
        int h = text.hashCode();
        h = h * 31 + Integer.hashCode(start);
        h = h * 31 + Integer.hashCode(end);
        h = h * 31 + norm.hashCode();
        h = h * 31 + stem.hashCode();
        return h * 31 + kind.hashCode();
    }

    @Override
    public String toString() {
        return "Token[text=" + text + ", start=" + start + ", end=" + end + ", norm=" + norm + ", stem=" + stem + ", kind=" + kind + "]";
    }
}
