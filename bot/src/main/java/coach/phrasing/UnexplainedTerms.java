package coach.phrasing;

import coach.kb.ContentSource;
import coach.kb.ContentException;
import coach.text.Lang;
import coach.text.Normalizer;
import coach.text.Token;
import coach.text.morph.Morphology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Terms a Russian client may not understand that a suggestion would still carry unexplained: a word neither the
 * morphology nor the lexicon knows («редлайн», «индемнити»), a Latin word written in lower case or in capitals inside
 * Russian text («Governing law», «MAC-клаузу»), and a Cyrillic abbreviation in capitals («БД», «ОМС») that the message
 * does not expand in brackets. Names are not terms: a capitalised word (Анна, Kia, Ozon), a code with digits
 * (INC-4402, 6-НДФЛ) and the abbreviations and Latin words clients know ({@value #FILE}: НДС, ООО, PDF, e-mail) are left alone.
 *
 * <p>A suggestion that keeps such a term is not one to send as it stands: the engine withholds it and names the
 * terms for the writer to explain. Immutable and thread-safe.
 */
final class UnexplainedTerms {
    /** Abbreviations and Latin words a client knows, one a line (comments start with #). */
    static final String FILE = "morphology/ru-known-terms.txt";
    /** The English abbreviations a client knows (VAT, PDF, CEO). */
    static final String FILE_EN = "morphology/en-known-terms.txt";

    private final Set<String> known;
    private final Set<String> knownEn;

    private UnexplainedTerms(Set<String> known, Set<String> knownEn) {
        this.known = known;
        this.knownEn = knownEn;
    }

    /** The lists of {@value #FILE} and {@value #FILE_EN} in {@code source}; none when a file is absent. */
    static UnexplainedTerms load(ContentSource source) {
        Set<String> ru = source.exists(FILE) ? words(FILE, source.read(FILE)) : Set.of();
        Set<String> en = source.exists(FILE_EN) ? words(FILE_EN, source.read(FILE_EN)) : Set.of();
        return new UnexplainedTerms(ru, en);
    }

    /** The Russian list given as the file's text; a line of more than one word stops with the file and line. */
    static UnexplainedTerms of(String file, String text) {
        return new UnexplainedTerms(words(file, text), Set.of());
    }

    private static Set<String> words(String file, String text) {
        Set<String> known = new HashSet<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.chars().anyMatch(Character::isWhitespace)) {
                throw new ContentException(file, i + 1, "one term a line, got '" + l + "'");
            }
            known.add(key(l));
        }
        return Set.copyOf(known);
    }

    /**
     * The unexplained abbreviations of an English text: words of two to six capitals (TTL, CNAME, FCL) that {@value #FILE_EN}
     * does not list and the text does not expand in brackets; codes (L2, PO-118, «SU 1402») and addresses aside.
     */
    List<Term> findEnglish(List<Token> tokens) {
        Set<String> expanded = expanded(tokens);
        Map<String, Term> out = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String w = t.text();
            if (!t.isWord() || !allCaps(w) || w.length() > 6 || !isLatin(w) || hasDigit(w) || knownEn.contains(key(t))
                    || expanded.contains(key(t)) || out.containsKey(key(t))) {
                continue;
            }
            boolean joined = (i + 1 < tokens.size() && touches(t, tokens.get(i + 1)) && tokens.get(i + 1).norm().equals("-"))
                    || (i > 0 && touches(tokens.get(i - 1), t) && tokens.get(i - 1).norm().equals("-"));
            boolean code = i + 1 < tokens.size() && tokens.get(i + 1).kind() == Token.Kind.NUMBER;
            if (joined || code || address(tokens, i, i)) {
                continue;
            }
            out.put(key(t), new Term(w, t.start(), t.end()));
        }
        return List.copyOf(out.values());
    }

    private static String key(String w) {
        return Normalizer.norm(w).toLowerCase(Locale.ROOT);
    }

    /** {@link #key(String)} of a token's text: its normalised form lower-cased, remembered with the word form. */
    private static String key(Token t) {
        return t.word().get(KEY);
    }

    private static final coach.text.Word.Derived<String> KEY = new coach.text.Word.Derived<>(w -> w.norm().toLowerCase(Locale.ROOT));

    /** One word as written, hyphenated parts joined («MAC-клаузу»), with its offsets in the text. */
    record Term(String text, int start, int end) {
    }

    /**
     * The unexplained terms among {@code tokens} (of a Russian text), each form once, in text order. {@code whole} is the
     * message the tokens belong to: an abbreviation it expands in brackets anywhere («ОСВ (оборотно-сальдовая
     * ведомость)», «Международная классификация болезней (МКБ)») counts as explained. {@code unknownWords}: whether a
     * lower-case Cyrillic word the morphology does not know counts too (in a message with jargon; elsewhere such a word
     * is more often one the dictionary lacks, «акционных», than a term).
     */
    List<Term> find(List<Token> tokens, List<Token> whole, boolean unknownWords) {
        Set<String> expanded = expanded(whole);
        Map<String, Term> out = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.isWord() && t.kind() != Token.Kind.NUMBER) {
                continue;
            }
            // a hyphenated compound is one word: «MAC-клаузу», «кросс-дефолт», «INC-4402»
            int j = i;
            boolean digits = t.kind() == Token.Kind.NUMBER;
            while (j + 2 < tokens.size() && tokens.get(j + 1).norm().equals("-") && tokens.get(j + 1).start() == tokens.get(j).end()
                    && tokens.get(j + 2).start() == tokens.get(j + 1).end() && tokens.get(j + 2).kind() != Token.Kind.PUNCT) {
                j += 2;
                digits |= tokens.get(j).kind() == Token.Kind.NUMBER;
            }
            Token last = tokens.get(j);
            String text = tokens.get(i).text();
            List<Token> parts = new ArrayList<>();
            for (int k = i; k <= j; k += 2) {
                parts.add(tokens.get(k));
            }
            int start = t.start();
            int end = last.end();
            int first = i;
            i = j;
            boolean code = j + 1 < tokens.size() && tokens.get(j + 1).kind() == Token.Kind.NUMBER && allCaps(last.text());
            if (digits || code || hasDigit(text) || address(tokens, first, j)) {
                continue; // a code or a number (INC-4402, 6-НДФЛ, A4, рейс SU 1402), an e-mail or web address
            }
            String word = joined(parts);
            String wordKey = key(word);
            if (known.contains(wordKey) || out.containsKey(wordKey)) {
                continue;
            }
            if (unexplained(word, parts, expanded, unknownWords)) {
                // a Latin phrase is named whole: «Governing law», not «law»
                for (int k = first - 1; k >= 0 && isLatin(word) && tokens.get(k).isWord() && isLatin(tokens.get(k).text())
                        && tokens.get(k).end() + 1 == start; k--) {
                    word = tokens.get(k).text() + " " + word;
                    start = tokens.get(k).start();
                }
                out.put(key(word), new Term(word, start, end));
            }
        }
        return List.copyOf(out.values());
    }

    private boolean unexplained(String word, List<Token> parts, Set<String> expanded, boolean unknownWords) {
        for (Token p : parts) {
            String w = p.text();
            if (w.length() < 2 || known.contains(key(p))) {
                continue;
            }
            boolean latin = isLatin(w);
            boolean caps = allCaps(w);
            if (caps && expanded.contains(key(p))) {
                continue;
            }
            if (latin) {
                // a capitalised Latin word is a name or a brand (Kia, Ozon, iPhone aside); lower case or capitals: a term
                if (caps || !Character.isUpperCase(w.charAt(0))) {
                    return true;
                }
                continue;
            }
            if (!Lang.hasCyrillic(w)) {
                continue;
            }
            if (caps) {
                return true; // «БД», «ОМС»: an abbreviation the message does not expand
            }
            if (Character.isUpperCase(w.charAt(0))) {
                continue; // a name, a town, a brand the dictionary lacks
            }
        }
        // a lower-case Cyrillic word (or compound) that neither the dictionary nor the lexicon knows
        String lower = word.toLowerCase(Locale.ROOT);
        if (!unknownWords || !Lang.hasCyrillic(lower) || Character.isUpperCase(word.charAt(0)) || isLatin(word.substring(0, 1))) {
            return false;
        }
        Morphology m = Morphology.russian();
        if (m.isKnown(lower)) {
            return false;
        }
        for (Token p : parts) {
            if (!m.isKnown(p.text().toLowerCase(Locale.ROOT)) && !known.contains(key(p))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The abbreviations a text expands: written inside brackets, or right before an opening one with the abbreviations
     * joined to it («АЛТ и АСТ (ферменты печени)»).
     */
    private static Set<String> expanded(List<Token> tokens) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.isWord() || !allCaps(t.text())) {
                continue;
            }
            boolean inside = i > 0 && tokens.get(i - 1).norm().equals("(") && i + 1 < tokens.size() && tokens.get(i + 1).norm().equals(")");
            int k = i + 1;
            while (k + 1 < tokens.size() && JOINERS.contains(tokens.get(k).norm()) && tokens.get(k + 1).isWord() && allCaps(tokens.get(k + 1).text())) {
                k += 2;
            }
            boolean before = k < tokens.size() && tokens.get(k).norm().equals("(");
            if (before || inside) {
                out.add(key(t));
            }
        }
        return out;
    }

    private static final Set<String> JOINERS = Set.of("и", ",", "/", "или");

    /** Marks that make the word they touch part of an address or of markup: «info@firm», «shop/price», «<b>». */
    private static final Set<String> ADDRESS_MARKS = Set.of("@", "/", "//", "\\", "_", "<", ">", "</", "/>", "=", "#", "&", "%", "(");
    /** Marks that do so only between two words: «firm.ru», «https://». */
    private static final Set<String> JOINING_MARKS = Set.of(".", ":");

    /** Whether the word from token {@code from} to {@code to} is part of an address or of markup: «info@firm.ru», «<b>». */
    private static boolean address(List<Token> tokens, int from, int to) {
        if (from >= 1 && touches(tokens.get(from - 1), tokens.get(from))) {
            String m = tokens.get(from - 1).norm();
            if (ADDRESS_MARKS.contains(m) || (JOINING_MARKS.contains(m) && from >= 2 && touches(tokens.get(from - 2), tokens.get(from - 1)))) {
                return true;
            }
        }
        if (to + 1 < tokens.size() && touches(tokens.get(to), tokens.get(to + 1))) {
            String m = tokens.get(to + 1).norm();
            return ADDRESS_MARKS.contains(m) || (JOINING_MARKS.contains(m) && to + 2 < tokens.size() && touches(tokens.get(to + 1), tokens.get(to + 2))
                    && tokens.get(to + 2).kind() != Token.Kind.PUNCT);
        }
        return false;
    }

    private static boolean touches(Token a, Token b) {
        return a.end() == b.start();
    }

    private static String joined(List<Token> parts) {
        StringBuilder b = new StringBuilder();
        for (Token p : parts) {
            b.append(b.length() == 0 ? "" : "-").append(p.text());
        }
        return b.toString();
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLatin(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c) && !(c < 128)) {
                return false;
            }
        }
        return true;
    }

    /** Two letters or more, every one a capital. */
    static boolean allCaps(String s) {
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }
}
