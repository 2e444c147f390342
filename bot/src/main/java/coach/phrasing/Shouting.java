package coach.phrasing;

import coach.text.Lang;
import coach.text.Segments.Segment;
import coach.text.Token;
import coach.text.morph.Morphology;
import coach.text.morph.Reading;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shouting: words written in capitals («ВЫ ДО СИХ ПОР НЕ ОПЛАТИЛИ», «НИКОГДА») and runs of «!!!». A shouting sentence
 * is rewritten by calming it: every capitalised ordinary word in lower case (names capitalised, abbreviations such as
 * НДС, ООО, ЭДО, PDF kept), the sentence in sentence case, «!!!» and «?!» reduced to one mark.
 */
final class Shouting {
    private Shouting() {
    }

    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['’]\\p{L}+)*"); // «DIDN'T» is one word
    private static final String VOWELS = "аеёиоуыэюяaeiouy";
    /** Short English words that are no abbreviations when written in capitals. */
    private static final Set<String> EN_SHORT = Set.of("a", "i", "an", "the", "you", "and", "not", "for", "was", "our", "are", "has",
            "can", "now", "we", "on", "in", "at", "to", "of", "is", "it", "by", "or", "no", "do", "be", "me", "my", "us", "so", "if",
            "up", "all", "get", "put", "set", "any", "had", "him", "her", "his", "she", "who", "why", "how", "yet", "out", "off", "too",
            "day", "way", "one", "two", "but", "did", "yes", "see", "ask", "pay", "let", "new", "old", "end", "due", "say", "ago",
            "am", "as", "he", "go", "ok", "its", "got", "own", "per", "via", "far", "few", "big", "bad", "try", "use", "won", "don",
            "didn", "isn", "wasn", "can't", "won't");
    private static final Set<String> EN_CAPITALISED = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
            "december", "i");

    /**
     * Whether a sentence shouts: two ordinary words in capitals, one of them of five letters or more or together half
     * the sentence's words («ВЫ ДО СИХ ПОР НЕ ОПЛАТИЛИ», «Оплатите СЕГОДНЯ, это ВАЖНО»), or one with «!!». Abbreviations
     * (НДС, ООО, PDF), single letters and short capitalised words that are no clear dictionary words (УУ, ЕМ, СТОА in
     * «калькуляцию по ЕМ и направление на СТОА») do not count: a message full of abbreviations does not shout.
     */
    static boolean shouts(List<Token> tokens, Segment sentence, Lang lang) {
        int caps = 0;
        int longCaps = 0;
        int words = 0;
        for (int i = sentence.fromToken(); i < sentence.toToken(); i++) {
            Token t = tokens.get(i);
            words += t.isWord() ? 1 : 0;
            if (countsAsCaps(tokens, sentence, i, lang)) {
                caps++;
                // an English word in capitals is clearly emphasis only when it is a common word («AGAIN», «TODAY»):
                // «the IBAN and the SWIFT code» names two codes, it does not shout
                longCaps += isCyrillic(t.text().charAt(0)) ? (letters(t.text()) >= 5 ? 1 : 0)
                        : EN_EMPHASIS.contains(t.text().toLowerCase(Locale.ROOT)) ? 1 : 0;
            }
        }
        return (caps >= 2 && (longCaps >= 1 || 2 * caps >= words)) || (caps >= 1 && exclaims(tokens, sentence))
                || (lang == Lang.RU && demandsWithThreeMarks(tokens, sentence));
    }

    private static int letters(String w) {
        int n = 0;
        for (int i = 0; i < w.length(); i++) {
            n += Character.isLetter(w.charAt(i)) ? 1 : 0;
        }
        return n;
    }

    /** Parts of speech of short words that are clearly ordinary words in capitals: «ВЫ», «НЕ», «УЖЕ», «ДО», «ВАШ». */
    private static final Set<String> FUNCTION_POS = Set.of("PNN", "PREP", "CONJ", "PARTICLE", "ADV", "PRDC");

    /**
     * Whether a capitalised Cyrillic word is clearly an ordinary dictionary word: five letters or more (and no
     * abbreviation, see {@link #keepsCapitals}), or a short function word (pronoun, preposition, particle, adverb) by
     * every reading. «ЕМ», «УУ», «СТОА» are not: they may be abbreviations.
     */
    static boolean clearlyOrdinary(String w) {
        if (letters(w) >= 5) {
            return true;
        }
        List<Reading> rs = Morphology.russian().analyze(w.toLowerCase(Locale.ROOT).replace('ё', 'е'));
        if (rs.isEmpty()) {
            return false;
        }
        for (Reading r : rs) {
            if (!(FUNCTION_POS.contains(r.pos()) || r.isPronominalAdjective())) {
                return false;
            }
        }
        return true;
    }

    private static boolean countsAsCaps(List<Token> tokens, Segment sentence, int i, Lang lang) {
        Token t = tokens.get(i);
        boolean label = i + 1 < tokens.size() && tokens.get(i + 1).norm().equals(":") && i == sentence.fromToken();
        if (!t.isWord() || !allCaps(t.text()) || t.text().length() < 2 || keepsCapitals(t.text(), lang) || quoted(tokens, i) || label) {
            return false;
        }
        return !isCyrillic(t.text().charAt(0)) || clearlyOrdinary(t.text());
    }

    /** A demand with «!!!» or more: «Срочно пришлите документы!!!» shouts without a word in capitals. */
    private static boolean demandsWithThreeMarks(List<Token> tokens, Segment sentence) {
        int run = 0;
        boolean three = false;
        for (int i = sentence.fromToken(); i < sentence.toToken(); i++) {
            run = tokens.get(i).norm().equals("!") ? run + 1 : 0;
            three |= run >= 3;
        }
        if (!three) {
            return false;
        }
        for (int i = sentence.fromToken(); i < sentence.toToken(); i++) {
            Token t = tokens.get(i);
            if (t.isWord() && Lang.isCyrillic(t.norm().charAt(0))) {
                for (Reading r : Morphology.russian().analyze(t.norm())) {
                    if (r.isVerb() && r.has("IMP")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Ordinary words in capitals in the sentence («ОПЛАТИТЕ», «СЕГОДНЯ»); abbreviations, words that may be ones
     * (see {@link #clearlyOrdinary}), names in quotes and a label before a colon («ВАЖНО: …») do not count.
     */
    static int capsWords(List<Token> tokens, Segment sentence, Lang lang) {
        int caps = 0;
        for (int i = sentence.fromToken(); i < sentence.toToken(); i++) {
            caps += countsAsCaps(tokens, sentence, i, lang) ? 1 : 0;
        }
        return caps;
    }

    /**
     * English words people put in capitals for emphasis («loaded the wrong crate AGAIN», «it WILL arrive»): without a
     * dictionary, a longer English word in capitals may as well be an abbreviation or a brand (EBITDA, IBAN, IKEA).
     */
    private static final Set<String> EN_EMPHASIS = Set.of("again", "will", "not", "never", "always", "now", "today", "tonight",
            "tomorrow", "must", "only", "still", "every", "already", "really", "immediately", "before", "after", "twice",
            "three", "times", "everything", "nothing", "anything", "ever", "urgent", "urgently", "important", "please",
            "stop", "wrong", "cannot", "can't", "won't", "don't", "didn't", "doesn't", "isn't", "aren't", "wasn't", "need", "you",
            "your", "all", "any", "yes", "too", "late");

    /**
     * The index of the first ordinary word in capitals of the sentence, or -1: a Russian word the dictionary knows
     * (see {@link #capsWords}), an English word of {@link #EN_EMPHASIS} (not «IT», «US», «AM»).
     */
    static int firstCapsWord(List<Token> tokens, Segment sentence, Lang lang) {
        for (int i = sentence.fromToken(); i < sentence.toToken(); i++) {
            String w = tokens.get(i).text();
            boolean latin = !w.isEmpty() && w.charAt(0) < 128;
            if (latin && w.length() > 1 && allCaps(w) && !quoted(tokens, i)) {
                String lower = w.toLowerCase(Locale.ROOT);
                if (lang == Lang.EN && EN_EMPHASIS.contains(lower)) {
                    return i;
                }
                continue;
            }
            if (!latin && countsAsCaps(tokens, sentence, i, lang)) {
                return i;
            }
        }
        return -1;
    }

    /** «!!» or more in the sentence. */
    static boolean exclaims(List<Token> tokens, Segment sentence) {
        for (int i = sentence.fromToken(); i + 1 < sentence.toToken(); i++) {
            if (tokens.get(i).norm().equals("!") && tokens.get(i + 1).norm().equals("!")) {
                return true;
            }
        }
        return false;
    }

    /** A word right after an opening quote or before a closing one: a name («ВЕКТОР»), kept as written. */
    private static boolean quoted(List<Token> tokens, int i) {
        String before = i > 0 ? tokens.get(i - 1).norm() : "";
        String after = i + 1 < tokens.size() ? tokens.get(i + 1).norm() : "";
        return before.equals("«") || before.equals("\"") || after.equals("»") || after.equals("\"");
    }

    /** The text calmed: ordinary capitalised words in lower case, sentence case, one mark instead of «!!!» or «?!». */
    static String calm(String s, Lang lang) {
        // which capitalised Cyrillic words are lowered: the clearly ordinary ones, and the short others right beside
        // one that is lowered («ОПЛАТИТЕ СЧЁТ» — but «по ЕМ и», «на СТОА» stay: they may be abbreviations)
        List<int[]> spans = new java.util.ArrayList<>();
        Matcher all = WORD.matcher(s);
        while (all.find()) {
            spans.add(new int[] {all.start(), all.end()});
        }
        boolean[] lowered = new boolean[spans.size()];
        boolean[] doubt = new boolean[spans.size()];
        for (int k = 0; k < spans.size(); k++) {
            String w = s.substring(spans.get(k)[0], spans.get(k)[1]);
            if (w.length() >= 2 && allCaps(w) && isCyrillic(w.charAt(0)) && !keepsCapitals(w, lang)) {
                lowered[k] = clearlyOrdinary(w);
                doubt[k] = !lowered[k];
            }
        }
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int k = 0; k < spans.size(); k++) {
                if (doubt[k] && ((k > 0 && lowered[k - 1] && adjacent(s, spans.get(k - 1), spans.get(k)))
                        || (k + 1 < spans.size() && lowered[k + 1] && adjacent(s, spans.get(k), spans.get(k + 1))))) {
                    lowered[k] = true;
                    doubt[k] = false;
                    changed = true;
                }
            }
        }
        Matcher m = WORD.matcher(s);
        StringBuilder b = new StringBuilder(s.length());
        int at = 0;
        int quotes = 0;
        int k = -1;
        while (m.find()) {
            k++;
            String w = m.group();
            if (doubt[k]) {
                for (int i = at; i < m.start(); i++) {
                    char q = s.charAt(i);
                    quotes += q == '«' ? 1 : q == '»' ? -1 : q == '"' ? (quotes > 0 ? -1 : 1) : 0;
                }
                b.append(s, at, m.end());
                at = m.end();
                continue; // «ЕМ», «УУ»: may be an abbreviation — kept as written
            }
            for (int i = at; i < m.start(); i++) {
                char q = s.charAt(i);
                quotes += q == '«' ? 1 : q == '»' ? -1 : q == '"' ? (quotes > 0 ? -1 : 1) : 0;
            }
            b.append(s, at, m.start());
            at = m.end();
            if (w.length() == 1 && allCaps(w) && quotes == 0 && (isCyrillic(w.charAt(0)) || w.equals("A"))) {
                b.append(w.toLowerCase(Locale.ROOT)); // «В ПЯТНИЦУ» → «в пятницу»; the sentence's first letter is put back below
                continue;
            }
            if (w.length() < 2 || !allCaps(w) || keepsCapitals(w, lang) || quotes > 0) {
                b.append(w);
                continue;
            }
            String lower = w.toLowerCase(Locale.ROOT);
            b.append(capitalisedWord(lower, lang) ? Character.toUpperCase(lower.charAt(0)) + lower.substring(1) : lower);
        }
        b.append(s.substring(at));
        String t = b.toString();
        t = t.replaceAll("\\?[!?]+|![!?]*\\?[!?]*", "?").replaceAll("!{2,}", ".");
        return sentenceCase(t);
    }

    /** Whether two words stand side by side: only spaces between them. */
    private static boolean adjacent(String s, int[] a, int[] b) {
        return s.substring(a[1], b[0]).isBlank();
    }

    /** Whether the text has something to calm. */
    static boolean calmable(String s, Lang lang) {
        return !calm(s, lang).equals(s);
    }

    /** Upper-cases the first letter of the text and of each sentence after «.», «!», «?» (not after «руб.», «ул.», an initial). */
    private static String sentenceCase(String t) {
        StringBuilder b = new StringBuilder(t);
        boolean start = true;
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (Character.isLetter(c)) {
                if (start) {
                    b.setCharAt(i, Character.toUpperCase(c));
                }
                start = false;
            } else if (Character.isDigit(c)) {
                start = false;
            } else if (c == '!' || c == '?') {
                start = true;
            } else if (c == '.') {
                start = !coach.tone.Sentences.abbreviation(b, i);
            }
        }
        return b.toString();
    }

    private static boolean isCyrillic(char c) {
        return c >= 0x0400 && c <= 0x04FF;
    }

    /** Whether a word of two or more letters is written all in capitals. */
    static boolean allCapsWord(String w) {
        return w.length() >= 2 && allCaps(w);
    }

    private static boolean allCaps(String w) {
        boolean letter = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
                if (!Character.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return letter;
    }

    /** Abbreviations and other words that stay in capitals: ООО, НДС, ЭДО, СДЭК, PDF, CRM; unknown Cyrillic words too. */
    static boolean keepsCapitals(String w, Lang lang) {
        String lower = w.toLowerCase(Locale.ROOT);
        boolean vowel = false;
        for (int i = 0; i < lower.length(); i++) {
            vowel |= VOWELS.indexOf(lower.charAt(i)) >= 0;
        }
        if (!vowel || w.length() == 1) {
            return true;
        }
        char c = lower.charAt(0);
        boolean cyrillic = c >= 0x0400 && c <= 0x04FF;
        if (!cyrillic) {
            // English words in capitals: short ones are abbreviations unless they are common words (NDA, VAT, CEO)
            return lang == Lang.RU || (lower.length() <= 3 && !EN_SHORT.contains(lower));
        }
        List<Reading> rs = Morphology.russian().analyze(lower.replace('ё', 'е'));
        if (rs.isEmpty()) {
            return true;
        }
        boolean names = true;
        for (Reading r : rs) {
            if (r.pos().equals("ABR")) {
                return true;
            }
            names &= r.has("Name") || r.has("Fam") || r.has("Patr");
        }
        return names && lower.length() <= 3; // ИНН: an abbreviation the dictionary reads as a name
    }

    private static boolean capitalisedWord(String lower, Lang lang) {
        char c = lower.charAt(0);
        if (c < 0x0400 || c > 0x04FF) {
            return EN_CAPITALISED.contains(lower);
        }
        List<Reading> rs = Morphology.russian().analyze(lower.replace('ё', 'е'));
        if (rs.isEmpty()) {
            return false;
        }
        for (Reading r : rs) {
            if (!(r.has("Name") || r.has("Fam") || r.has("Patr") || r.has("Geo"))) {
                return false;
            }
        }
        return true;
    }
}
