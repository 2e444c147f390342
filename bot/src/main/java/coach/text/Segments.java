package coach.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sentences and clauses of analysed text, as token ranges with their character spans. One pass over
 * the tokens, linear in the length of the text.
 *
 * <p>A sentence ends after {@code . ! ? … ;} (a run of them: «?!», «...») or at a line break; a
 * clause ends at {@code , ; : ( )} or a dash set off by spaces. Separators belong to no clause.
 */
public final class Segments {
    private static final Set<String> SENTENCE_END = Set.of(".", "!", "?", "…", ";");
    private static final Set<String> CLAUSE_MARK = Set.of(",", ":", "(", ")", ";");

    private Segments() {
    }

    /**
     * A stretch of tokens [fromToken, toToken) and its characters [start, end): for a sentence, from its
     * first token to the end of its closing punctuation.
     */
    public record Segment(int fromToken, int toToken, int start, int end) {
        public boolean contains(int tokenIndex) {
            return tokenIndex >= fromToken && tokenIndex < toToken;
        }

        public int size() {
            return toToken - fromToken;
        }
    }

    /** The sentences of a text, in order; every token belongs to exactly one. */
    public static List<Segment> sentences(String text, List<Token> tokens) {
        List<Segment> out = new ArrayList<>();
        int from = 0;
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            boolean end = t.kind() == Token.Kind.PUNCT && SENTENCE_END.contains(t.norm()) && !inNumber(tokens, i) && !inAddress(tokens, i)
                    && !afterAbbreviation(tokens, i) && !glued(tokens, i);
            if (end) {
                // a run of closing marks and closing quotes/brackets stays with its sentence: «?!», «...», «».»
                while (i + 1 < n && (SENTENCE_END.contains(tokens.get(i + 1).norm()) || isCloser(tokens.get(i + 1).norm()))
                        && tokens.get(i + 1).start() == tokens.get(i).end()) {
                    i++;
                }
            } else if (i + 1 < n && lineBreakBetween(text, t, tokens.get(i + 1))) {
                end = true;
            }
            if (end || i == n - 1) {
                out.add(new Segment(from, i + 1, tokens.get(from).start(), tokens.get(i).end()));
                from = i + 1;
            }
        }
        return out;
    }

    /** Abbreviations whose dot does not end a sentence («ул. Ленина», «5 тыс. руб. в месяц», «т.к. вы …»). */
    private static final Set<String> ABBREVIATIONS = Set.of("г", "гг", "ул", "д", "кв", "руб", "тыс", "млн", "млрд", "коп", "т", "к", "е",
            "п", "пп", "см", "стр", "им", "пр", "просп", "пер", "обл", "р", "ч", "мин", "сек", "вкл", "др", "напр", "тел",
            "e.g", "i.e", "mr", "mrs", "ms", "dr", "no", "vs", "etc");

    /**
     * A dot inside a web or mail address: no space around it, a Latin word or number before it and a Latin word after
     * («example-shop.com», «info@dom.ru», «v2.app»). «бункера.твари» (a missing space between Russian sentences) ends one.
     */
    private static boolean inAddress(List<Token> tokens, int k) {
        if (k == 0 || k + 1 >= tokens.size() || !tokens.get(k).norm().equals(".")) {
            return false;
        }
        Token a = tokens.get(k - 1);
        Token t = tokens.get(k);
        Token b = tokens.get(k + 1);
        return a.end() == t.start() && t.end() == b.start() && b.isWord() && latin(b.text())
                && (a.kind() == Token.Kind.NUMBER || a.isWord() && latin(a.text()));
    }

    private static boolean latin(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c) && !(c < 0x250)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A dot after a short word with a lower-case Cyrillic word right after it and no space: an abbreviation («от
     * фин.отдела», «т.е.вы»). «бункера.твари» (a missing space after a whole word) still ends a sentence.
     */
    private static boolean glued(List<Token> tokens, int k) {
        if (k == 0 || k + 1 >= tokens.size() || !tokens.get(k).norm().equals(".")) {
            return false;
        }
        Token a = tokens.get(k - 1);
        Token b = tokens.get(k + 1);
        return a.isWord() && a.text().length() <= 4 && b.isWord() && a.end() == tokens.get(k).start() && tokens.get(k).end() == b.start()
                && Character.isLowerCase(b.text().charAt(0)) && coach.text.Lang.isCyrillic(b.text().charAt(0));
    }

    /** A mark between two digits with no space around it: «12.05», «2,5», «12:30». */
    private static boolean inNumber(List<Token> tokens, int k) {
        if (k == 0 || k + 1 >= tokens.size()) {
            return false;
        }
        Token a = tokens.get(k - 1);
        Token t = tokens.get(k);
        Token b = tokens.get(k + 1);
        return a.kind() == Token.Kind.NUMBER && b.kind() == Token.Kind.NUMBER && a.end() == t.start() && t.end() == b.start();
    }

    private static boolean afterAbbreviation(List<Token> tokens, int k) {
        if (k == 0 || !tokens.get(k).norm().equals(".") || k + 1 >= tokens.size()) {
            return false;
        }
        Token a = tokens.get(k - 1);
        if (a.end() != tokens.get(k).start()) {
            return false;
        }
        Token b = tokens.get(k + 1);
        if (UNITS.contains(a.norm()) && k >= 2 && tokens.get(k - 2).kind() == Token.Kind.NUMBER
                && b.isWord() && Character.isUpperCase(b.text().charAt(0))) {
            return false; // «…, 38 450 руб. Обсуждать…»: a unit after its number, then a capital, ends the sentence
        }
        return ABBREVIATIONS.contains(a.norm()) || initial(tokens, k);
    }

    /** Abbreviated units a sentence may end with after a number. */
    private static final Set<String> UNITS = Set.of("руб", "коп", "тыс", "млн", "млрд", "р", "мин", "сек", "см");

    /**
     * Whether the dot at k closes an initial: one capital letter, then another initial or a capitalised word that ends
     * its sentence or line («А. С. Пушкин», «Regards, K. Haddad»). «…в корпус Б. Там вас встретят» ends a sentence.
     */
    private static boolean initial(List<Token> tokens, int k) {
        Token a = tokens.get(k - 1);
        String w = a.text();
        if (w.length() != 1 || !Character.isUpperCase(w.charAt(0)) || !a.isWord()) {
            return false;
        }
        Token b = tokens.get(k + 1);
        if (b.isWord() && Character.isLowerCase(b.text().charAt(0))) {
            return true; // «для Сидоровой А.В. сделан верно»: an initial before a lower-case word goes on
        }
        if (!b.isWord() || !Character.isUpperCase(b.text().charAt(0))) {
            return false;
        }
        if (b.text().length() == 1) {
            return k + 2 < tokens.size() && tokens.get(k + 2).norm().equals(".") && tokens.get(k + 2).start() == b.end();
        }
        return k + 2 >= tokens.size() || !tokens.get(k + 2).isWord();
    }

    private static boolean isCloser(String norm) {
        return norm.equals("»") || norm.equals("\"") || norm.equals(")") || norm.equals("”");
    }

    private static boolean lineBreakBetween(String text, Token a, Token b) {
        for (int i = a.end(); i < b.start(); i++) {
            if (text.charAt(i) == '\n') {
                return true;
            }
        }
        return false;
    }

    /** The clauses of one sentence (separators and the sentence's closing marks excluded), in order. */
    public static List<Segment> clauses(List<Token> tokens, Segment sentence) {
        List<Segment> out = new ArrayList<>();
        int from = sentence.fromToken();
        for (int i = sentence.fromToken(); i <= sentence.toToken(); i++) {
            boolean sep = i == sentence.toToken() || isClauseMark(tokens, i)
                    || (SENTENCE_END.contains(tokens.get(i).norm()) && !afterAbbreviation(tokens, i)); // «Mr. Green» is one clause
            if (sep) {
                if (i > from) {
                    out.add(new Segment(from, i, tokens.get(from).start(), tokens.get(i - 1).end()));
                }
                from = i + 1;
            }
        }
        return out;
    }

    /** Whether token k separates clauses: , : ; ( ) or a dash with a space before it. */
    public static boolean isClauseMark(List<Token> tokens, int k) {
        Token t = tokens.get(k);
        if (CLAUSE_MARK.contains(t.norm())) {
            return !inNumber(tokens, k);
        }
        return t.norm().equals("-") && k > 0 && tokens.get(k - 1).end() < t.start();
    }
}
