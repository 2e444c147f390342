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
 */
public record Token(String text, int start, int end, String norm, String stem, Kind kind) {

    public enum Kind { WORD, NUMBER, PUNCT }

    public boolean isWord() {
        return kind == Kind.WORD;
    }
}
