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

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
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
     * Whether a sentence shouts: two ordinary words in capitals, or one of five letters or more («НИКОГДА»,
     * «СРОЧНО»). Abbreviations (НДС, ООО, PDF) and single letters do not count.
     */
    static boolean shouts(List<Token> tokens, Segment sentence, Lang lang) {
        int caps = capsWords(tokens, sentence, lang);
        return caps >= 2 || (caps == 1 && exclaims(tokens, sentence)) || (lang == Lang.RU && demandsWithThreeMarks(tokens, sentence));
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
     * Ordinary words in capitals in the sentence («ОПЛАТИТЕ», «СЕГОДНЯ»); abbreviations, names in quotes and a label
     * before a colon («ВАЖНО: …») do not count.
     */
    static int capsWords(List<Token> tokens, Segment sentence, Lang lang) {
        int caps = 0;
        for (int i = sentence.fromToken(); i < sentence.toToken(); i++) {
            Token t = tokens.get(i);
            boolean label = i + 1 < tokens.size() && tokens.get(i + 1).norm().equals(":") && i == sentence.fromToken();
            if (t.isWord() && allCaps(t.text()) && t.text().length() >= 2 && !keepsCapitals(t.text(), lang) && !quoted(tokens, i)
                    && !label) {
                caps++;
            }
        }
        return caps;
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
        Matcher m = WORD.matcher(s);
        StringBuilder b = new StringBuilder(s.length());
        int at = 0;
        int quotes = 0;
        while (m.find()) {
            String w = m.group();
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

    /** Whether the text has something to calm. */
    static boolean calmable(String s, Lang lang) {
        return !calm(s, lang).equals(s);
    }

    /** Upper-cases the first letter of the text and of each sentence after «.», «!», «?». */
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
            } else if (c == '.' || c == '!' || c == '?') {
                start = true;
            }
        }
        return b.toString();
    }

    private static boolean isCyrillic(char c) {
        return c >= 0x0400 && c <= 0x04FF;
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
