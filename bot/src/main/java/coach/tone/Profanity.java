package coach.tone;

import coach.text.Normalizer;
import coach.kb.ContentException;
import coach.kb.ContentSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Obscene, coarse and insulting words in Russian and English, found in every form and through the
 * usual disguises: masks (х*й, г#вно, п@здец), Latin look-alike letters and digits (xуй, 3асранец),
 * letters split by spaces, dots or dashes (х у й, б.л.я), and repeated letters (хууууй). The roots
 * and forms are data ({@code knowledge-base/tone/profanity.tsv}, with examples checked at load).
 * Immutable and thread-safe.
 */
public final class Profanity {
    public static final String FILE = "tone/profanity.tsv";

    /** What a word is. */
    public enum Kind {
        /** мат, "fuck" */
        OBSCENE,
        /** говно, жопа, "crap" */
        COARSE,
        /** идиот, дебил, "moron" */
        INSULT;

        /** Whether the coach masks the word when it quotes it. */
        public boolean masked() {
            return this != INSULT;
        }
    }

    /**
     * One bad word in a text.
     *
     * @param start offset of its first character (masks and separators included)
     * @param end   offset after its last character
     * @param kind  obscene, coarse or insult
     * @param word  the word as the patterns saw it (disguise removed), e.g. {@code хуй} for {@code x*й}
     */
    public record Hit(int start, int end, Kind kind, String word) {
    }

    private static final String MASKS = "*#@$%";
    private static final String RU_LETTERS = "абвгдежзийклмнопрстуфхцчшщъыьэюя";
    private static final String EN_LETTERS = "abcdefghijklmnopqrstuvwxyz";
    /** Letters tried for a third mask: the ones masks usually hide. */
    private static final String RU_LIKELY = "уеиаоыяюйздхблц";
    private static final Pattern SPLIT = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{L}(?:[ .\\-_*]{1,3}\\p{L}){2,}(?![\\p{L}\\p{N}])");
    private static final int CACHE_LIMIT = 50_000;
    private static final String ONE_LETTER_WORDS = "свкуоаияi";
    /** No bad word is longer (after repeated letters are collapsed): longer runs are not looked at. */
    private static final int MAX_WORD = 40;
    /** Masked words one text may have filled in (each is up to a few thousand pattern matches). */
    static final int FILL_BUDGET = 24;

    private final Pattern ru;
    private final Pattern en;
    private final Map<String, Object> cache = new ConcurrentHashMap<>();
    private static final Object NONE = new Object();
    /** The neutral-word lines, in file order: the first whose pattern matches a word gives its neutral word. */
    private final List<NeutralLine> neutrals;

    private Profanity(Pattern ru, Pattern en, List<NeutralLine> neutrals) {
        this.ru = ru;
        this.en = en;
        this.neutrals = List.copyOf(neutrals);
    }

    /**
     * A neutral-word line: {@code =<TAB>lang<TAB>pattern<TAB>neutral[<TAB>model]}.
     *
     * @param model how to read a word the dictionary lacks: a stem of a dictionary word that inflects the same way, to
     *              which the word's ending (the pattern's group {@code end}) is added («долбоёбов»: {@code жлоб} +
     *              «ов» reads as «жлобов», genitive or accusative plural); {@code -} for a word that does not inflect
     *              (the neutral word is put as written); null to read the word itself with the dictionary
     */
    record NeutralLine(String lang, Pattern pattern, String neutral, String model, int line) {
    }

    /**
     * A neutral word in the form of a bad word it can replace.
     *
     * @param form the neutral word in lower case, in that form («человека» for «козла»)
     * @param like the reading of the bad word (or of its model form) the form follows; null for a word that does not inflect
     * @param as   a reading of {@code form} with the neutral lemma in that case and number (for words that agree with it); may be null
     */
    public record Neutral(String form, coach.text.morph.Reading like, coach.text.morph.Reading as) {
    }

    public static Profanity load(ContentSource source) {
        return parse(FILE, source.read(FILE), true);
    }

    /**
     * @param checkExamples whether to run the file's examples; a start whose content is exactly what
     *                      the build checked (the prebuilt model's fingerprint matched) may skip them
     */
    public static Profanity load(ContentSource source, boolean checkExamples) {
        return parse(FILE, source.read(FILE), checkExamples);
    }

    static Profanity parse(String file, String content) {
        return parse(file, content, true);
    }

    static Profanity parse(String file, String content, boolean checkExamples) {
        Map<String, Map<Kind, StringBuilder>> alts = Map.of("ru", new EnumMap<>(Kind.class), "en", new EnumMap<>(Kind.class));
        List<String[]> examples = new ArrayList<>();
        List<String[]> neutralExamples = new ArrayList<>();
        List<NeutralLine> neutrals = new ArrayList<>();
        int lineNo = 0;
        for (String line : content.split("\n", -1)) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f[0].equals("+") || f[0].equals("-")) {
                if (f.length != 2 || f[1].isBlank()) {
                    throw new ContentException(file, lineNo, "an example is '+<TAB>word' or '-<TAB>word'");
                }
                examples.add(new String[] {f[0], f[1].strip(), String.valueOf(lineNo)});
                continue;
            }
            if (f[0].equals("~")) {
                if (f.length != 3 || f[1].isBlank()) {
                    throw new ContentException(file, lineNo, "a neutral-word example is '~<TAB>word<TAB>neutral form' (or '~<TAB>word<TAB>' for none)");
                }
                neutralExamples.add(new String[] {f[1].strip(), f[2].strip(), String.valueOf(lineNo)});
                continue;
            }
            if (f[0].equals("=")) {
                if (f.length < 4 || f.length > 5 || f[2].isBlank() || f[3].isBlank()) {
                    throw new ContentException(file, lineNo, "a neutral word is '=<TAB>lang<TAB>pattern<TAB>neutral[<TAB>model stem or -]'");
                }
                String lang = f[1].strip();
                if (!lang.equals("ru") && !lang.equals("en")) {
                    throw new ContentException(file, lineNo, "lang must be ru or en, not '" + f[1] + "'");
                }
                Pattern np;
                try {
                    np = Pattern.compile(f[2].strip());
                } catch (PatternSyntaxException e) {
                    throw new ContentException(file, lineNo, "broken pattern: " + e.getDescription());
                }
                String model = f.length == 5 && !f[4].isBlank() ? f[4].strip() : null;
                if (model != null && !model.equals("-") && !f[2].contains("(?<end>")) {
                    throw new ContentException(file, lineNo, "a model stem needs the pattern's ending as the group (?<end>…)");
                }
                neutrals.add(new NeutralLine(lang, np, f[3].strip(), model, lineNo));
                continue;
            }
            if (f.length != 3) {
                throw new ContentException(file, lineNo, "expected 'kind<TAB>lang<TAB>pattern' (three fields), found " + f.length);
            }
            Kind kind;
            try {
                kind = Kind.valueOf(f[0].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ContentException(file, lineNo, "kind must be obscene, coarse or insult, not '" + f[0] + "'");
            }
            Map<Kind, StringBuilder> byKind = alts.get(f[1].strip());
            if (byKind == null) {
                throw new ContentException(file, lineNo, "lang must be ru or en, not '" + f[1] + "'");
            }
            String re = f[2].strip();
            try {
                Pattern.compile(re);
            } catch (PatternSyntaxException e) {
                throw new ContentException(file, lineNo, "broken pattern: " + e.getDescription());
            }
            StringBuilder b = byKind.computeIfAbsent(kind, k -> new StringBuilder());
            b.append(b.length() == 0 ? "" : "|").append("(?:").append(re).append(')');
        }
        Profanity p = new Profanity(combine(alts.get("ru")), combine(alts.get("en")), neutrals);
        for (String[] ex : checkExamples ? examples : List.<String[]>of()) {
            boolean found = !p.find(ex[1]).isEmpty();
            if (found != ex[0].equals("+")) {
                throw new ContentException(file, Integer.parseInt(ex[2]),
                        "example '" + ex[1] + "' is " + (found ? "found, but it is marked '-'" : "not found, but it is marked '+'"));
            }
        }
        for (String[] ex : checkExamples ? neutralExamples : List.<String[]>of()) {
            List<Neutral> got = p.neutral(ex[0]);
            java.util.Set<String> forms = new java.util.LinkedHashSet<>();
            got.forEach(n -> {
                if (!n.form().isEmpty()) {
                    forms.add(n.form());
                }
            });
            String want = ex[1];
            java.util.Set<String> wanted = new java.util.LinkedHashSet<>();
            for (String x : want.split("\\|")) {
                if (!x.isBlank()) {
                    wanted.add(Normalizer.fold(x.strip()));
                }
            }
            java.util.Set<String> folded = new java.util.LinkedHashSet<>();
            forms.forEach(x -> folded.add(Normalizer.fold(x)));
            boolean ok = folded.equals(wanted);
            if (!ok) {
                throw new ContentException(file, Integer.parseInt(ex[2]), "neutral word for '" + ex[0] + "' should be "
                        + (wanted.isEmpty() ? "none" : wanted.toString()) + ", the lines give " + (forms.isEmpty() ? "none" : forms));
            }
        }
        return p;
    }

    private static Pattern combine(Map<Kind, StringBuilder> byKind) {
        StringBuilder b = new StringBuilder();
        for (Kind k : Kind.values()) {
            StringBuilder alt = byKind.get(k);
            if (alt != null) {
                b.append(b.length() == 0 ? "" : "|").append("(?<").append(k.name().toLowerCase(Locale.ROOT)).append('>').append(alt).append(')');
            }
        }
        return Pattern.compile(b.length() == 0 ? "(?!)" : b.toString());
    }

    /** Every bad word of the text, in order, not overlapping. Never throws. */
    public List<Hit> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Hit> out = new ArrayList<>(0);
        int[] budget = {FILL_BUDGET};
        int n = text.length();
        int i = 0;
        boolean singles = false;
        while (i < n) {
            char c = text.charAt(i);
            if (!wordChar(c)) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && wordChar(text.charAt(j))) {
                j++;
            }
            int s = i;
            int e = j;
            while (s < e && MASKS.indexOf(text.charAt(s)) >= 0 && text.charAt(s) != '@') {
                s++;
            }
            while (e > s && MASKS.indexOf(text.charAt(e - 1)) >= 0) {
                e--;
            }
            if (e - s == 1) {
                singles = true;
            } else if (e - s > 1) {
                Hit h = word(text, s, e, budget);
                if (h != null) {
                    out.add(h);
                }
            }
            i = j;
        }
        if (singles && maySplit(text)) {
            Matcher m = SPLIT.matcher(text);
            while (m.find()) {
                split(text, m.start(), m.end(), out, budget);
            }
            out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        }
        return out;
    }

    /**
     * A run of single letters (х у й, б.л.я): the longest stretch of three or more of them that
     * spells a bad word ("и х у й с" holds "х у й").
     */
    private void split(String text, int from, int to, List<Hit> out, int[] budget) {
        List<Integer> at = new ArrayList<>();
        for (int k = from; k < to; k++) {
            if (Character.isLetter(text.charAt(k))) {
                at.add(k);
            }
        }
        int n = Math.min(at.size(), 16);
        for (int i = 0; i + 3 <= n; i++) {
            int best = 0;
            Kind bestKind = null;
            for (int len = 3; i + len <= n; len++) {
                StringBuilder letters = new StringBuilder(len);
                for (int k = i; k < i + len; k++) {
                    letters.append(text.charAt(at.get(k)));
                }
                Kind kind = classify(letters.toString(), budget);
                if (kind != null) {
                    best = len;
                    bestKind = kind;
                    // a following one-letter word («х у й с ним») is not part of it
                    if (i + len < n && ONE_LETTER_WORDS.indexOf(Character.toLowerCase(text.charAt(at.get(i + len)))) >= 0) {
                        break;
                    }
                }
            }
            if (bestKind != null) {
                int s = at.get(i);
                int e = at.get(i + best - 1) + 1;
                if (!overlaps(out, s, e)) {
                    StringBuilder letters = new StringBuilder(best);
                    for (int k = i; k < i + best; k++) {
                        letters.append(text.charAt(at.get(k)));
                    }
                    out.add(new Hit(s, e, bestKind, fold(letters.toString())));
                }
                return;
            }
        }
    }

    /**
     * Whether {@link #SPLIT} may match: some letter that no letter or digit precedes is followed by one to three of its
     * separators, a letter, one to three separators and a letter again (what every match starts with). A text with
     * one-letter words but no such run («я в офисе») is not searched.
     */
    static boolean maySplit(String text) {
        int n = text.length();
        for (int p = 0; p < n; ) {
            int cp = text.codePointAt(p);
            int next = p + Character.charCount(cp);
            // the expression looks one char back (a letter outside the BMP before the run does not stop it)
            if (Character.isLetter(cp) && (p == 0 || !Character.isLetterOrDigit(text.charAt(p - 1)))) {
                int q = letterAfterSeparators(text, next);
                if (q >= 0 && letterAfterSeparators(text, q + Character.charCount(text.codePointAt(q))) >= 0) {
                    return true;
                }
            }
            p = next;
        }
        return false;
    }

    /** The offset of the letter after one to three of {@link #SPLIT}'s separators at {@code from}, or -1. */
    private static int letterAfterSeparators(String text, int from) {
        int i = from;
        while (i < text.length() && i - from < 3 && " .-_*".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        if (i == from || i >= text.length() || !Character.isLetter(text.codePointAt(i))) {
            return -1;
        }
        return i;
    }

    private static boolean overlaps(List<Hit> hits, int start, int end) {
        for (Hit h : hits) {
            if (h.start() < end && start < h.end()) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || MASKS.indexOf(c) >= 0;
    }

    private Hit word(String text, int s, int e, int[] budget) {
        String raw = text.substring(s, e);
        Kind k = classify(raw, budget);
        return k == null ? null : new Hit(s, e, k, fold(raw));
    }

    /**
     * The kind of one word as written (masks, look-alikes and repeats allowed), or null when it is
     * clean. Filling in masks is a search, so one text gets at most {@link #FILL_BUDGET} of them and
     * time stays linear in the text's length.
     */
    Kind classify(String raw, int[] budget) {
        if (raw.length() > 1000) {
            return null;
        }
        Object cached = cache.get(raw);
        if (cached != null) {
            return cached == NONE ? null : (Kind) cached;
        }
        boolean masked = false;
        for (int i = 0; i < raw.length() && !masked; i++) {
            masked = MASKS.indexOf(raw.charAt(i)) >= 0;
        }
        if (masked && budget[0]-- <= 0) {
            return null;
        }
        Kind k = classifyUncached(raw);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(raw, k == null ? NONE : k);
        return k;
    }

    private Kind classifyUncached(String raw) {
        String w = Normalizer.fold(raw);
        if (w.length() > MAX_WORD) {
            w = collapse(w);
            if (w.length() > MAX_WORD) {
                return null;
            }
        }
        boolean cyr = false;
        boolean lat = false;
        boolean other = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= 'а' && c <= 'я') {
                cyr = true;
            } else if (c >= 'a' && c <= 'z') {
                lat = true;
            } else {
                other = true;
            }
        }
        if (!cyr && !lat || numberWithUnit(w) || code(w)) {
            return null;
        }
        if (cyr && !lat && !other) {
            return match(ru, w, RU_LETTERS);
        }
        if (lat && !cyr && !other) {
            Kind k = match(en, w, EN_LETTERS);
            return k != null ? k : mostlyLookAlikes(w) ? match(ru, toCyrillic(w), RU_LETTERS) : null;
        }
        // mixed scripts, digits or masks: a disguise ('@' and '$' may stand for a letter or hide one)
        if (cyr || mostlyLookAlikes(w)) {
            Kind k = match(ru, toCyrillic(w), RU_LETTERS);
            if (k == null && (w.indexOf('@') >= 0 || w.indexOf('$') >= 0)) {
                k = match(ru, toCyrillic(w.replace('@', '*').replace('$', '*')), RU_LETTERS);
            }
            if (k != null) {
                return k;
            }
        }
        return lat && !cyr ? match(en, toLatin(w), EN_LETTERS) : null;
    }

    /** «E2», «А4», «B12», «Ф101»: one or two letters and then only digits are a code (an error, a paper size, a form), no disguise. */
    private static boolean code(String w) {
        int letters = 0;
        while (letters < w.length() && Character.isLetter(w.charAt(letters))) {
            letters++;
        }
        if (letters == 0 || letters > 2 || letters == w.length() || (letters == 2 && !(w.charAt(0) < 128 && w.charAt(1) < 128))) {
            return false; // «бл9» stays a disguise
        }
        for (int i = letters; i < w.length(); i++) {
            if (!Character.isDigit(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** «18k», «5кг», «2м», «4g»: digits first and at most two letters after them are a number with its unit, no disguise. */
    private static boolean numberWithUnit(String w) {
        int digits = 0;
        while (digits < w.length() && Character.isDigit(w.charAt(digits))) {
            digits++;
        }
        if (digits == 0 || digits == w.length()) {
            return false;
        }
        for (int i = digits; i < w.length(); i++) {
            if (!Character.isLetter(w.charAt(i))) {
                return false;
            }
        }
        return w.length() - digits <= 2;
    }

    /** Whether an all-Latin word consists only of letters that look like Cyrillic ones (xyй, cyka). */
    private static boolean mostlyLookAlikes(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= 'a' && c <= 'z' && "aeopcxykmhtbnui".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String toCyrillic(String w) {
        StringBuilder b = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            int k = "aeopcxykmhtbnui3064@".indexOf(c);
            b.append(k >= 0 ? "аеорсхукмнтвпиизобча".charAt(k) : c);
        }
        return b.toString();
    }

    private static String toLatin(String w) {
        StringBuilder b = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            int k = "013457@$".indexOf(c);
            b.append(k >= 0 ? "oieastas".charAt(k) : c);
        }
        return b.toString();
    }

    /** Tries the word, then with repeated letters collapsed, then with its masks filled in. */
    private static Kind match(Pattern p, String w, String alphabet) {
        Kind k = kindOf(p, w);
        if (k != null) {
            return k;
        }
        String collapsed = collapse(w);
        if (!collapsed.equals(w) && (k = kindOf(p, collapsed)) != null) {
            return k;
        }
        int masks = 0;
        for (int i = 0; i < collapsed.length(); i++) {
            if (!Character.isLetter(collapsed.charAt(i))) {
                masks++;
            }
        }
        if (masks == 0 || masks > 3 || masks * 2 > collapsed.length() + 1) {
            return null;
        }
        return fill(p, collapsed.toCharArray(), 0, 0, alphabet);
    }

    private static Kind fill(Pattern p, char[] w, int from, int filled, String alphabet) {
        for (int i = from; i < w.length; i++) {
            if (!Character.isLetter(w[i])) {
                String letters = filled < 2 || !alphabet.equals(RU_LETTERS) ? alphabet : RU_LIKELY;
                char keep = w[i];
                for (int k = 0; k < letters.length(); k++) {
                    w[i] = letters.charAt(k);
                    Kind r = fill(p, w, i + 1, filled + 1, alphabet);
                    if (r != null) {
                        w[i] = keep;
                        return r;
                    }
                }
                w[i] = keep;
                return null;
            }
        }
        return kindOf(p, new String(w));
    }

    private static Kind kindOf(Pattern p, String w) {
        Matcher m = p.matcher(w);
        if (!m.matches()) {
            return null;
        }
        for (Kind k : Kind.values()) {
            try {
                if (m.group(k.name().toLowerCase(Locale.ROOT)) != null) {
                    return k;
                }
            } catch (IllegalArgumentException e) {
                // this language has no words of that kind
            }
        }
        return null;
    }

    /** Repeated letters collapsed to one (masks stay: each may hide another letter). */
    private static String collapse(String w) {
        StringBuilder b = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            if (i == 0 || w.charAt(i) != w.charAt(i - 1) || !Character.isLetter(w.charAt(i))) {
                b.append(w.charAt(i));
            }
        }
        return b.toString();
    }

    private static String fold(String w) {
        return Normalizer.fold(w);
    }

    /**
     * The neutral word that can take the place of a bad one, in the bad word's grammatical form: one entry per reading
     * of the word (readings that give the same form are kept apart, so a caller can tell them by the words around).
     * Empty when no neutral-word line matches, the word is disguised (a mask), or the dictionary cannot read it.
     * Never throws.
     */
    public List<Neutral> neutral(String raw) {
        return neutral(raw, false);
    }

    /** The word that marks an interjection line: the word is left out, unless a modifier before it makes it a noun. */
    public static final String LEAVE_OUT = "—";

    /**
     * {@link #neutral(String)}; an interjection line ({@value #LEAVE_OUT}) gives one entry with an empty form, or with
     * {@code nouns} is passed over for the next line that matches («эта сука» → «этот человек»).
     */
    public List<Neutral> neutral(String raw, boolean nouns) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_WORD) {
            return List.of();
        }
        String w = Normalizer.fold(raw);
        boolean cyr = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!Character.isLetter(c) && c != '-' && c != ' ') {
                return List.of(); // masked or mixed with digits: what it spells is a guess
            }
            cyr |= c >= 'а' && c <= 'я';
        }
        String lang = cyr ? "ru" : "en";
        List<Neutral> found = neutral(w, lang, nouns);
        if (found.isEmpty() && !collapse(w).equals(w)) {
            found = neutral(collapse(w), lang, nouns); // «бляяя», «сууука»
        }
        return found;
    }

    private List<Neutral> neutral(String w, String lang, boolean nouns) {
        for (NeutralLine n : neutrals) {
            if (!n.lang().equals(lang)) {
                continue;
            }
            Matcher m = n.pattern().matcher(w);
            if (!m.matches()) {
                continue;
            }
            if (n.neutral().equals(LEAVE_OUT)) {
                if (nouns) {
                    continue;
                }
                return List.of(new Neutral("", null, null));
            }
            try {
                return neutralForms(n, m, w);
            } catch (RuntimeException e) {
                return List.of();
            }
        }
        return List.of();
    }

    private static List<Neutral> neutralForms(NeutralLine n, Matcher m, String w) {
        if ("-".equals(n.model()) || n.lang().equals("en")) {
            return List.of(new Neutral(n.neutral(), null, null));
        }
        coach.text.morph.Morphology morph = coach.text.morph.Morphology.russian();
        String read = n.model() == null ? w : Normalizer.fold(n.model()) + m.group("end");
        String neutral = Normalizer.fold(n.neutral());
        List<coach.text.morph.Reading> own = morph.analyze(neutral).stream()
                .filter(x -> x.isNoun() && Normalizer.fold(x.lemma()).equals(neutral)).toList();
        boolean animate = !own.isEmpty() && own.stream().allMatch(x -> x.animacy() == coach.text.morph.Animacy.ANIM);
        java.util.Set<String> kinds = new java.util.HashSet<>();
        for (coach.text.morph.Reading x : morph.analyze(neutral)) {
            if (Normalizer.fold(x.lemma()).equals(neutral)) {
                kinds.add(x.pos());
            }
        }
        List<Neutral> out = new ArrayList<>();
        for (coach.text.morph.Reading r : morph.analyze(read)) {
            if (r.has("Fam") || r.has("Name") || r.has("Patr") || (animate && r.isNoun() && r.animacy() != coach.text.morph.Animacy.ANIM)) {
                continue; // «лоха» as a person, not the shrub
            }
            if (!kinds.isEmpty() && !kinds.contains(r.pos())) {
                continue; // «детская» the room is no model for an adjective
            }
            String lemma = Normalizer.fold(r.lemma());
            if (n.model() != null ? !lemma.startsWith(Normalizer.fold(n.model())) : !n.pattern().matcher(lemma).matches()) {
                continue; // «суки» is also the plural of «сук», «жлоба» is only «жлоб»
            }
            Optional<String> form;
            if (r.isNoun() || r.isVerb()) {
                form = morph.inflectLike(n.neutral(), r);
            } else if (r.isAdjective() && !r.has("MPR")) {
                List<String> fs = morph.synthesize(n.neutral(), r.tag());
                form = fs.isEmpty() ? Optional.empty() : Optional.of(fs.get(0));
            } else {
                continue;
            }
            if (form.isEmpty()) {
                continue;
            }
            if (neutral.equals("человек") && r.isNoun() && r.number() == coach.text.morph.GrammaticalNumber.PLUR && r.grammaticalCase() != null) {
                // the plural of «человек» is «люди» («человек» is the genitive only after a number, «человеками» is a joke)
                form = Optional.of(switch (r.grammaticalCase().base()) {
                    case GEN, ACC -> "людей";
                    case DAT -> "людям";
                    case INS -> "людьми";
                    case LOC, LOC2 -> "людях";
                    default -> "люди";
                });
            }
            String f = Normalizer.fold(form.get());
            coach.text.morph.Reading as = null;
            if (r.isNoun()) {
                for (coach.text.morph.Reading x : morph.analyze(f)) {
                    if (x.isNoun() && x.grammaticalCase() != null && r.grammaticalCase() != null
                            && x.grammaticalCase().base() == r.grammaticalCase().base() && x.number() == r.number()
                            && (as == null || x.animacy() == r.animacy())) {
                        as = x; // the same animacy when the neutral word has both readings («лицо»)
                    }
                }
            }
            out.add(new Neutral(form.get(), r, as));
        }
        return out;
    }

    /** The word with its inner letters masked, as the coach quotes it: {@code пиздец} → {@code п****ц}. */
    public static String mask(String word) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetterOrDigit(word.charAt(i))) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0 || last - first < 2) {
            return word.length() <= 1 ? word : word.charAt(0) + "*".repeat(word.length() - 1);
        }
        StringBuilder b = new StringBuilder(word);
        for (int i = first + 1; i < last; i++) {
            if (!Character.isWhitespace(b.charAt(i))) {
                b.setCharAt(i, '*');
            }
        }
        return b.toString();
    }

    /** The text with every obscene and coarse word masked (insults stay readable). */
    public String maskAll(String text) {
        List<Hit> hits = find(text);
        if (hits.isEmpty()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        int at = 0;
        for (Hit h : hits) {
            if (h.kind().masked()) {
                b.append(text, at, h.start()).append(mask(text.substring(h.start(), h.end())));
                at = h.end();
            }
        }
        return b.append(text.substring(at)).toString();
    }
}
