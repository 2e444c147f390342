package coach.phrasing;

import coach.text.Lang;
import coach.text.Segments;
import coach.text.TextAnalyzer;
import coach.text.Token;
import coach.tone.Cues;
import coach.tone.ResidualRisk;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The last look at a version before it is offered: a rule fixes its own phrase, and the words around it that no rule
 * knows may still sound risky («Ключи раньше 12:00, к сожалению, не выдаём, и никаких исключений»). A version that
 * keeps a phrase of {@link ResidualRisk} anywhere, an ordinary word in capitals, or, for a message flagged for its
 * register or rudeness, keeps chat emoji (or a «!!» that {@link #calmMarks} did not reach), is withheld: the findings
 * stay and the report names the sentence to rephrase by hand. The engine calms a version's runs of marks first.
 */
final class LastGate {
    /**
     * What a version kept.
     *
     * @param sentence the sentence of the version that holds it
     * @param what     the listed phrase, the emoji or «!!»
     */
    record Kept(String sentence, String what) {
    }

    /** Emoji that carry information in a business message (a tick, a warning, a phone, a clip, a pin, a date, a clock, arrows). */
    private static final Set<Integer> MEANINGFUL = Set.of(0x2705, 0x2714, 0x2611, 0x2757, 0x2755, 0x26A0, 0x260E, 0x1F4DE, 0x1F4F1,
            0x1F4CE, 0x1F4CC, 0x1F4CD, 0x1F4C5, 0x1F4C6, 0x1F5D3, 0x1F4C4, 0x1F4C3, 0x1F4CB, 0x1F4DD, 0x1F4C1, 0x1F4C2, 0x1F4E7,
            0x2709, 0x1F4E6, 0x1F517, 0x23F0, 0x23F1, 0x231B, 0x23F3, 0x27A1, 0x2B05, 0x2B06, 0x2B07, 0x25B6, 0x274C, 0x2716,
            0x1F69A, 0x1F4B3);

    private LastGate() {
    }

    /**
     * The first thing {@code version} keeps that a sendable version must not, if any.
     *
     * @param register whether the draft was flagged for its register or rudeness (then emoji and «!!» count too)
     */
    static Optional<Kept> kept(String version, Lang lang, ResidualRisk residual, boolean register) {
        return kept(version, null, List.of(), lang, residual, register);
    }

    /**
     * The same, and with the draft at hand what a splice broke: a word doubled where the draft has it once («Хорошо,
     * хорошо»), a number the draft does not have («№ 88 000 ₽»), an abbreviation of the draft in small letters
     * («по ем»), two Latin words in a row in a Russian version that the draft does not have (a gloss spliced in).
     */
    static Optional<Kept> kept(String version, String draft, List<Token> draftTokens, Lang lang, ResidualRisk residual, boolean register) {
        List<Token> tokens = TextAnalyzer.analyze(version);
        List<Segments.Segment> sentences = Segments.sentences(version, tokens);
        Optional<Cues.Found> f = residual.first(tokens, lang);
        if (f.isPresent()) {
            Token first = tokens.get(f.get().from());
            Token last = tokens.get(f.get().to() - 1);
            return Optional.of(new Kept(sentenceAt(version, sentences, f.get().from()), version.substring(first.start(), last.end())));
        }
        if (draft != null) {
            int broken = splice(tokens, draftTokens, lang);
            if (broken >= 0) {
                return Optional.of(new Kept(sentenceAt(version, sentences, broken), tokens.get(broken).text()));
            }
        }
        for (Segments.Segment s : sentences) {
            // a word still in capitals shouts in a version to send («…loaded the wrong crate AGAIN»); the writer lowers it
            int caps = Shouting.firstCapsWord(tokens, s, lang);
            if (caps >= 0) {
                return Optional.of(new Kept(version.substring(s.start(), s.end()).strip(), tokens.get(caps).text()));
            }
        }
        if (!register) {
            return Optional.empty();
        }
        for (Segments.Segment s : sentences) {
            String text = version.substring(s.start(), s.end());
            String what = chatMark(text);
            if (what != null) {
                return Optional.of(new Kept(text.strip(), what));
            }
        }
        return Optional.empty();
    }

    /** A run of two or more marks with an exclamation among them: «!!», «!!!», «?!», «! !». */
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("[!?](?:\\s*[!?])+");

    /**
     * A version with every «!!», «!!!» or «?!» reduced to one calm mark: «?» where the run holds a question mark, «.»
     * otherwise («адрес был в письме!!» → «адрес был в письме.»). A version to send does not raise its voice, and the
     * run says nothing a full stop does not; a single «!» («Добрый день!») stays.
     */
    static String calmMarks(String version) {
        if (version.indexOf('!') < 0) {
            return version;
        }
        java.util.regex.Matcher m = MARKS.matcher(version);
        StringBuilder b = null;
        int at = 0;
        while (m.find()) {
            String run = m.group();
            if (run.indexOf('!') < 0) {
                continue; // «??» alone is a question asked twice, not shouting
            }
            if (b == null) {
                b = new StringBuilder(version.length());
            }
            b.append(version, at, m.start()).append(run.indexOf('?') >= 0 ? '?' : '.');
            at = m.end();
        }
        return b == null ? version : b.append(version, at, version.length()).toString();
    }

    /** The index of the first token of {@code tokens} a splice broke (see {@link #kept(String, String, List, Lang, ResidualRisk, boolean)}), or -1. */
    private static int splice(List<Token> tokens, List<Token> draft, Lang lang) {
        Set<String> words = new java.util.HashSet<>();
        Set<String> pairs = new java.util.HashSet<>();
        Set<String> numbers = new java.util.HashSet<>();
        Set<String> abbreviations = new java.util.HashSet<>();
        Token prev = null;
        for (int i = 0; i < draft.size(); i++) {
            Token t = draft.get(i);
            if (t.kind() == Token.Kind.NUMBER) {
                numbers.add(t.norm());
            }
            if (!t.isWord()) {
                continue;
            }
            words.add(t.norm());
            if (prev != null) {
                pairs.add(prev.norm() + " " + t.norm());
            }
            if (capitals(t) && !inCapitals(neighbour(draft, i, -1)) && !inCapitals(neighbour(draft, i, 1))) {
                abbreviations.add(t.norm()); // one word in capitals among ordinary ones: «ЕМ», «СТОА», not a shouted line
            }
            prev = t;
        }
        int p = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.NUMBER && !numbers.contains(t.norm()) && !thousands(tokens, i, numbers)) {
                return i;
            }
            if (!t.isWord()) {
                continue;
            }
            if (p >= 0 && tokens.get(p).norm().equals(t.norm()) && onlyCommas(tokens, p + 1, i) && !pairs.contains(t.norm() + " " + t.norm())) {
                return i;
            }
            if (abbreviations.contains(t.norm()) && !capitals(t)) {
                return i;
            }
            if (lang == Lang.RU && newLatin(t, words)) {
                // two new Latin words in a row are an English gloss spliced in («CMR consignment note»); one is a
                // name the rule spelled out («винду» → «Windows»)
                Token next = neighbour(tokens, i, 1);
                if (next != null && newLatin(next, words)) {
                    return i;
                }
            }
            p = i;
        }
        return -1;
    }

    /** «7 000» for the draft's «7к»: thousands after a number of the draft, but never after «№» («№ 88 000»). */
    private static boolean thousands(List<Token> tokens, int i, Set<String> numbers) {
        return tokens.get(i).norm().equals("000") && i > 0 && numbers.contains(tokens.get(i - 1).norm())
                && (i < 2 || !tokens.get(i - 2).norm().equals("№"));
    }

    private static boolean onlyCommas(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!tokens.get(k).norm().equals(",")) {
                return false;
            }
        }
        return true;
    }

    private static Token neighbour(List<Token> tokens, int i, int step) {
        for (int k = i + step; k >= 0 && k < tokens.size(); k += step) {
            if (tokens.get(k).isWord()) {
                return tokens.get(k);
            }
        }
        return null;
    }

    /** A word of two letters or more, all capitals, of any length: a neighbour in a shouted line («КОД ПРИХОДИТ В СМС»). */
    private static boolean inCapitals(Token t) {
        if (t == null || t.text().length() < 2) {
            return false;
        }
        for (int i = 0; i < t.text().length(); i++) {
            if (!Character.isUpperCase(t.text().charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A word of two to five letters, all capitals. */
    private static boolean capitals(Token t) {
        return inCapitals(t) && t.text().length() <= 5;
    }

    private static boolean newLatin(Token t, Set<String> draftWords) {
        return latin(t.text()) && !draftWords.contains(t.norm());
    }

    private static boolean latin(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 0x80 && Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    /** The first emoji other than a meaningful one, or «!!», in {@code text}; null when there is none. */
    static String chatMark(String text) {
        int excl = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp == '!') {
                if (++excl == 2) {
                    return "!!";
                }
            } else if (!Character.isWhitespace(cp)) {
                excl = 0;
            }
            if (emoji(cp) && !MEANINGFUL.contains(cp) && !(cp >= 0x1F550 && cp <= 0x1F567)) { // clock faces tell a time
                return new String(Character.toChars(cp));
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /** A pictograph: a symbol of the supplementary planes (modifiers aside) or of the arrows-to-dingbats blocks. */
    private static boolean emoji(int cp) {
        if (cp >= 0x1F3FB && cp <= 0x1F3FF) {
            return false; // a skin tone modifies the emoji before it
        }
        int type = Character.getType(cp);
        return cp >= 0x1F000 && cp <= 0x1FAFF || type == Character.OTHER_SYMBOL && cp >= 0x2190 && cp <= 0x2BFF;
    }

    private static String sentenceAt(String text, List<Segments.Segment> sentences, int token) {
        for (Segments.Segment s : sentences) {
            if (s.contains(token)) {
                return text.substring(s.start(), s.end()).strip();
            }
        }
        return text.strip();
    }
}
