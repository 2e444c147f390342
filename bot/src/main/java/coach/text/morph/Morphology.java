package coach.text.morph;

import coach.text.Normalizer;
import coach.kb.ContentSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Russian morphology: analysis of a word form into readings (lemma + tag), synthesis of a form from
 * a lemma and a tag, inflection of a form into another case/number/gender/person, agreement of an
 * adjective-like word with a noun, and the «ты» → «вы» counterparts of verbs and pronouns.
 *
 * <p>Built on LanguageTool's Russian dictionaries (data from AOT, LGPL 2.1) read with morfologik,
 * plus a supplement lexicon in the knowledge base ({@code morphology/ru-lexicon.tsv}) for words
 * the dictionary lacks.
 *
 * <p><b>Threads.</b> Every method may be called from any number of threads at once. The
 * dictionaries are immutable and loaded once per process on first use (or in the background after
 * {@link #preload()}); morfologik's {@code DictionaryLookup} is not thread-safe, so each thread
 * has its own (a {@code ThreadLocal}); the caches are lock-free bounded maps of immutable lists.
 *
 * <p><b>Case.</b> Lookups are in lower case; forms produced from a caller's word get that word's
 * capitalisation back (Иван → Иваном, ИВАН → ИВАНОМ). ё and е are interchangeable in input.
 */
public final class Morphology {
    /** Keys of the changes map of {@link #inflect(String, Reading, Map)}; values are tag fields (e.g. {@code "T"}, {@code "PL"}, {@code "Fem"}, {@code "P2"}, {@code "Anim"}). */
    public static final String CASE = "case";
    public static final String NUMBER = "number";
    public static final String GENDER = "gender";
    public static final String PERSON = "person";
    /** Animacy for adjective-like masculine/plural accusatives: {@code "Anim"} («нового») or {@code "Inanim"} («новый»). */
    public static final String ANIMACY = "animacy";

    /** The knowledge-base file of the supplement lexicon. */
    public static final String LEXICON_FILE = "morphology/ru-lexicon.tsv";

    private static final int MAX_WORD = 48;

    private final Lexicon lexicon;
    private final BoundedCache<List<Reading>> analyses = new BoundedCache<>(30_000);
    private final BoundedCache<List<String>> syntheses = new BoundedCache<>(10_000);
    private volatile PhraseInflector phrases;

    private Morphology(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    private static volatile Morphology shared;
    private static RuntimeException sharedFailure;

    /**
     * The process-wide instance with the knowledge base the process runs with ({@code COACH_KB_DIR}
     * or the packed copy). Created on first call (or by {@link #preload()}); the dictionaries load
     * on first use.
     *
     * @throws coach.kb.ContentException if the lexicon is malformed (on every call)
     */
    public static Morphology russian() {
        Morphology m = shared;
        if (m != null) {
            return m;
        }
        synchronized (Morphology.class) {
            if (shared == null) {
                if (sharedFailure != null) {
                    throw sharedFailure;
                }
                try {
                    shared = load(ContentSource.fromEnvironment());
                } catch (RuntimeException e) {
                    sharedFailure = e;
                    throw e;
                }
            }
            return shared;
        }
    }

    /**
     * A morphology with the supplement lexicon of {@code source} ({@value #LEXICON_FILE}; none if
     * the file is absent). The dictionaries are shared with every other instance.
     *
     * @throws coach.kb.ContentException naming the line of a malformed lexicon entry
     */
    public static Morphology load(ContentSource source) {
        if (!source.exists(LEXICON_FILE)) {
            return new Morphology(Lexicon.EMPTY);
        }
        return new Morphology(Lexicon.parse(LEXICON_FILE, source.read(LEXICON_FILE), Dictionaries.Tags.ALL));
    }

    /**
     * Starts loading, on a daemon thread, the shared instance's lexicon ({@link #russian()}) and both
     * dictionaries, and returns at once: call it early at start-up; the first calls then find
     * everything ready or wait for it. A malformed lexicon is reported by {@link #russian()}.
     */
    public static void preload() {
        Thread t = new Thread(() -> {
            try {
                russian();
            } catch (RuntimeException e) {
                // russian() throws it again to its caller
            }
            loadDictionaries();
        }, "morphology-preload");
        t.setDaemon(true);
        t.start();
    }

    /** Loads both dictionaries now, in this thread (for benchmarks and eager start-up). */
    public static void loadDictionaries() {
        Dictionaries.Analysis.lookup("а", new ArrayList<>());
        Dictionaries.Synthesis.lookup("а|CONJ");
    }

    /** Entries of the supplement lexicon. */
    public int lexiconSize() {
        return lexicon.size();
    }

    // ------------------------------------------------------------------ analysis

    /**
     * All readings of a word form; an empty list for an unknown word, a number, punctuation or
     * anything else. The form is looked up in lower case, with ё and е interchangeable; a
     * hyphenated compound the dictionary lacks («чат-бот») is read by its last part. Never throws.
     * The list is immutable and may be shared: do not modify it.
     */
    public List<Reading> analyze(String word) {
        if (word == null || word.isEmpty() || word.length() > MAX_WORD || !Character.isLetter(word.charAt(0))) {
            return List.of(); // numbers, punctuation, emoji: not worth a cache entry
        }
        List<Reading> r = analyses.get(word);
        if (r == null) {
            try {
                r = compute(word);
            } catch (RuntimeException e) {
                r = List.of();
            }
            analyses.put(word, r);
        }
        return r;
    }

    /** Whether the word has at least one reading. */
    public boolean isKnown(String word) {
        return !analyze(word).isEmpty();
    }

    /** The lemmas of a word form, in reading order; empty when unknown. */
    public Set<String> lemmas(String word) {
        List<Reading> rs = analyze(word);
        if (rs.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (Reading r : rs) {
            out.add(r.lemma());
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    private List<Reading> compute(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.indexOf('\u0301') >= 0 || w.indexOf('\u0300') >= 0) {
            w = w.replace("\u0301", "").replace("\u0300", ""); // stress marks: за́мок
        }
        if (!plausibleWord(w)) {
            return List.of();
        }
        List<Reading> out = new ArrayList<>(4);
        lookupAll(w, out);
        if (out.isEmpty() && w.indexOf('ё') >= 0) {
            lookupAll(Normalizer.foldYo(w), out);
        }
        if (out.isEmpty() && w.indexOf('е') >= 0) {
            // е written for ё: the dictionary has most е-spellings, but not all; try one ё at a time.
            int tries = 0;
            for (int i = w.indexOf('е'); i >= 0 && tries < 4 && out.isEmpty(); i = w.indexOf('е', i + 1), tries++) {
                lookupAll(w.substring(0, i) + 'ё' + w.substring(i + 1), out);
            }
        }
        if (out.isEmpty() && !w.equals(word)) {
            lookupAll(word, out); // a few abbreviations are stored in capitals
        }
        if (out.isEmpty()) {
            compound(w, out);
        }
        if (out.isEmpty()) {
            return List.of();
        }
        markAccusatives(out);
        return List.copyOf(out);
    }

    private void lookupAll(String w, List<Reading> out) {
        int before = out.size();
        Dictionaries.Analysis.lookup(w, out);
        addAll(out, before, Dictionaries.Analysis.ADDED.readings(Lexicon.foldYo(w)));
        addAll(out, before, lexicon.readings(Lexicon.foldYo(w)));
    }

    private static void addAll(List<Reading> out, int from, List<Reading> more) {
        for (Reading r : more) {
            if (!out.subList(from, out.size()).contains(r)) {
                out.add(r);
            }
        }
    }

    /** «чат-бот», «аккаунт-менеджер»: an invariable first part and a known noun as the last part. */
    private void compound(String w, List<Reading> out) {
        int dash = w.lastIndexOf('-');
        if (dash < 2 || dash > w.length() - 3) {
            return;
        }
        String head = w.substring(0, dash);
        for (int i = 0; i < head.length(); i++) {
            if (!Character.isLetter(head.charAt(i))) {
                return;
            }
        }
        for (Reading r : analyze(w.substring(dash + 1))) {
            if (r.isNoun()) {
                out.add(new Reading(head + "-" + r.lemma(), r.tag()));
            }
        }
    }

    private static boolean plausibleWord(String w) {
        boolean letter = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            } else if (c != '-' && c != '\'' && c != '.') {
                return false;
            }
        }
        return letter;
    }

    /**
     * Masculine and plural accusatives of adjective-like words have two forms, one like the
     * nominative (for inanimate nouns: «новый договор») and one like the genitive (for animate ones:
     * «нового клиента»), under the same tag. The other readings of the same form tell which one it
     * is; the reading then gets a trailing {@code :Inanim} or {@code :Anim} field.
     */
    private static void markAccusatives(List<Reading> rs) {
        for (int i = 0; i < rs.size(); i++) {
            Reading r = rs.get(i);
            Tag t = Tag.of(r.tag());
            if (t.grammaticalCase != Case.ACC || t.accusativeMarkIndex >= 0 || !t.sharesGenderSlot() || t.pos.equals("VB")
                    || !(t.gender == Gender.MASC || t.number == GrammaticalNumber.PLUR)) {
                continue;
            }
            String asNom = t.with(t.caseIndex, "Nom");
            String asGen = t.with(t.caseIndex, "R");
            boolean nom = false;
            boolean gen = false;
            for (Reading o : rs) {
                if (o.lemma().equals(r.lemma())) {
                    nom |= o.tag().equals(asNom);
                    gen |= o.tag().equals(asGen);
                }
            }
            if (nom != gen) {
                rs.set(i, new Reading(r.lemma(), r.tag() + (gen ? ":Anim" : ":Inanim")));
            }
        }
    }

    // ------------------------------------------------------------------ synthesis

    /**
     * The forms of {@code lemma} with exactly {@code tag} (the dictionary's tag, field for field),
     * preferred form first; empty when there is none. An adjective-like accusative tag may end in
     * {@code :Anim} or {@code :Inanim} to get the one form that goes with such a noun.
     */
    public List<String> synthesize(String lemma, String tag) {
        if (lemma == null || tag == null || lemma.isEmpty() || lemma.length() > MAX_WORD * 2) {
            return List.of();
        }
        String key = lemma + "|" + tag;
        List<String> r = syntheses.get(key);
        if (r == null) {
            try {
                r = computeSynthesis(lemma.toLowerCase(Locale.ROOT), tag);
            } catch (RuntimeException e) {
                r = List.of();
            }
            syntheses.put(key, r);
        }
        return r;
    }

    private List<String> computeSynthesis(String lemma, String tag) {
        Tag t = Tag.of(tag);
        String base = t.withoutMark();
        List<String> forms = rawSynthesis(lemma, base);
        if (forms.isEmpty() && lemma.indexOf('е') >= 0) {
            // «елка»: the dictionary's lemma is «ёлка»
            for (Reading r : analyze(lemma)) {
                if (!r.lemma().equals(lemma) && Lexicon.foldYo(r.lemma()).equals(Lexicon.foldYo(lemma))) {
                    forms = rawSynthesis(r.lemma(), base);
                    if (!forms.isEmpty()) {
                        break;
                    }
                }
            }
        }
        if (forms.isEmpty() && lemma.indexOf('ё') >= 0) {
            forms = rawSynthesis(Normalizer.foldYo(lemma), base);
        }
        if (forms.isEmpty()) {
            int dash = lemma.lastIndexOf('-');
            if (dash >= 2 && dash < lemma.length() - 2) {
                String head = lemma.substring(0, dash + 1);
                List<String> tail = rawSynthesis(lemma.substring(dash + 1), base);
                List<String> joined = new ArrayList<>(tail.size());
                for (String f : tail) {
                    joined.add(head + f);
                }
                forms = joined;
            }
        }
        if (forms.size() > 1 && t.accusativeMarkIndex >= 0) {
            String like = t.with(t.caseIndex, "Anim".equals(t.fields[t.accusativeMarkIndex]) ? "R" : "Nom");
            List<String> same = new ArrayList<>(computeSynthesis(lemma, Tag.of(like).withoutMark()));
            same.retainAll(forms);
            if (!same.isEmpty()) {
                forms = same;
            }
        }
        if (forms.size() > 1) {
            forms = preferred(forms, t);
        }
        return List.copyOf(forms);
    }

    private List<String> rawSynthesis(String lemma, String tag) {
        List<String> out = new ArrayList<>(Dictionaries.Synthesis.lookup(lemma + "|" + tag));
        String folded = Lexicon.foldYo(lemma);
        for (String f : Dictionaries.Analysis.ADDED.forms(folded, tag)) {
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        for (String f : lexicon.forms(folded, tag)) {
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Orders the dictionary's variants of one form, the one a careful editor would write first:
     * instrumental «-ой/-ей» before bookish «-ою/-ею» («ёлкой», «отправленной»); «-ие/-ия» before
     * poetic «-ье/-ья» («обращение»; patronymics keep «-ьевич»); comparative «-ее» before «-ей»;
     * then the shorter («сделав», «уверены»); then the less ambiguous («годы» rather than «года»,
     * also a genitive singular).
     */
    private List<String> preferred(List<String> forms, Tag tag) {
        List<String> sorted = new ArrayList<>(forms);
        boolean patronymic = tag.has("Patr");
        sorted.sort(Comparator.comparingInt((String f) -> penalty(f, forms, patronymic))
                .thenComparingInt(String::length)
                .thenComparingInt(f -> analyze(f).size()));
        return sorted;
    }

    private static int penalty(String f, List<String> all, boolean patronymic) {
        String core = f.endsWith("ся") ? f.substring(0, f.length() - 2) : f;
        if (core.endsWith("ою") || core.endsWith("ею")) {
            return 1;
        }
        int soft = f.lastIndexOf('ь');
        if (!patronymic && soft > 0 && all.contains(f.substring(0, soft) + 'и' + f.substring(soft + 1))) {
            return 1;
        }
        if (f.endsWith("ей") && all.contains(f.substring(0, f.length() - 1) + "е")) {
            return 1;
        }
        int ie = f.lastIndexOf("иев");
        if (patronymic && ie > 0 && all.contains(f.substring(0, ie) + "ьев" + f.substring(ie + 3))) {
            return 1; // Анатольевич
        }
        return 0;
    }

    // ------------------------------------------------------------------ inflection

    /**
     * The form of {@code word} (read as {@code reading}, one of its readings) with some grammemes
     * changed, in {@code word}'s capitalisation. {@code changes} maps {@link #CASE}, {@link #NUMBER},
     * {@link #GENDER}, {@link #PERSON}, {@link #ANIMACY} to tag fields, e.g.
     * {@code Map.of(CASE, "T")} or {@code Map.of(NUMBER, "PL")}. Gender of adjectives, participles
     * and past verbs is changed only in the singular; plural forms have none. An adjective-like
     * masculine or plural accusative needs {@link #ANIMACY} unless the reading already has it.
     * Empty when the form does not exist or is not certain. An indeclinable noun (кафе) is
     * returned as it is.
     *
     * @throws IllegalArgumentException for an unknown key or value in {@code changes}
     */
    public Optional<String> inflect(String word, Reading reading, Map<String, String> changes) {
        Tag t = Tag.of(reading.tag());
        if (t.pos.equals("NN") && t.caseIndex < 0 && t.numberIndex < 0) {
            return Optional.of(word); // indeclinable
        }
        String tag = retag(t, changes);
        if (tag == null) {
            return Optional.empty();
        }
        return pick(word, synthesize(reading.lemma(), tag), Tag.of(tag));
    }

    /** {@link #inflect(String, Reading, Map)} into another case. */
    public Optional<String> inflect(String word, Reading reading, Case target) {
        return inflect(word, reading, Map.of(CASE, target.tag()));
    }

    /** {@link #inflect(String, Reading, Map)} into another case and number (number null: unchanged). */
    public Optional<String> inflect(String word, Reading reading, Case target, GrammaticalNumber number) {
        return number == null ? inflect(word, reading, target)
                : inflect(word, reading, Map.of(CASE, target.tag(), NUMBER, number.tag()));
    }

    Optional<String> pick(String word, List<String> forms, Tag target) {
        if (forms.isEmpty()) {
            return Optional.empty();
        }
        if (forms.size() > 1 && target.grammaticalCase == Case.ACC && target.accusativeMarkIndex < 0
                && target.sharesGenderSlot() && (target.gender == Gender.MASC || target.number == GrammaticalNumber.PLUR)) {
            return Optional.empty(); // «новый» or «нового»: the noun's animacy decides
        }
        // The preferred variant, unless another one keeps clearly more of the word (suppletive
        // variants such as «лета» for «годы» are dropped when inflecting «годами»).
        String lower = word.toLowerCase(Locale.ROOT);
        int bestPrefix = 0;
        for (String f : forms) {
            bestPrefix = Math.max(bestPrefix, commonPrefix(lower, f));
        }
        String best = forms.get(0);
        for (String f : forms) {
            if (commonPrefix(lower, f) >= bestPrefix - 1) {
                best = f;
                break;
            }
        }
        return Optional.of(spell(word, best));
    }

    /**
     * {@code form} with the capitalisation of {@code original}, and with е for ё when the writer
     * spells ё as е: «счет» → «счетом» (not «счётом»), «идешь» → «идете»; «день» → «днём».
     */
    String spell(String original, String form) {
        if (form.indexOf('ё') >= 0 && writesYoAsE(original)) {
            form = Normalizer.foldYo(form);
        }
        return Casing.restore(original, form);
    }

    /** Whether {@code word} is written with е where the dictionary spells it with ё. */
    private boolean writesYoAsE(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.indexOf('ё') >= 0 || w.indexOf('е') < 0) {
            return false;
        }
        List<Reading> found = new ArrayList<>(4);
        int tries = 0;
        for (int i = w.indexOf('е'); i >= 0 && tries < 4; i = w.indexOf('е', i + 1), tries++) {
            String variant = w.substring(0, i) + 'ё' + w.substring(i + 1);
            Dictionaries.Analysis.lookup(variant, found);
            if (!found.isEmpty() || lexicon.hasForm(variant)) {
                return true;
            }
        }
        return false;
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && foldYo(a.charAt(i)) == foldYo(b.charAt(i))) {
            i++;
        }
        return i;
    }

    private static char foldYo(char c) {
        return Normalizer.foldYo(c);
    }

    /** The tag with the changes applied, or null when the tag has no place for them. */
    static String retag(Tag t, Map<String, String> changes) {
        List<String> f = new ArrayList<>(List.of(t.fields));
        String mark = null;
        if (t.accusativeMarkIndex >= 0) {
            mark = f.remove(t.accusativeMarkIndex);
        }
        Case newCase = t.grammaticalCase;
        GrammaticalNumber newNumber = t.number;
        Gender newGender = t.gender;
        for (Map.Entry<String, String> e : changes.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case CASE -> {
                    newCase = Case.ofTag(v);
                    if (newCase == null) {
                        throw new IllegalArgumentException("not a case: " + v);
                    }
                    if (t.caseIndex < 0) {
                        return null;
                    }
                    f.set(t.caseIndex, v);
                }
                case NUMBER -> {
                    newNumber = GrammaticalNumber.ofTag(v);
                    if (newNumber == null) {
                        throw new IllegalArgumentException("not a number: " + v);
                    }
                }
                case GENDER -> {
                    newGender = Gender.ofTag(v);
                    if (newGender == null) {
                        throw new IllegalArgumentException("not a gender: " + v);
                    }
                }
                case PERSON -> {
                    if (Person.ofTag(v) == null) {
                        throw new IllegalArgumentException("not a person: " + v);
                    }
                    if (t.personIndex < 0) {
                        return null;
                    }
                    f.set(t.personIndex, v);
                }
                case ANIMACY -> {
                    if (!v.equals("Anim") && !v.equals("Inanim")) {
                        throw new IllegalArgumentException("animacy is Anim or Inanim: " + v);
                    }
                    mark = v;
                }
                default -> throw new IllegalArgumentException("unknown change: " + e.getKey());
            }
        }
        boolean numberChange = newNumber != t.number;
        boolean genderChange = newGender != t.gender;
        if (t.sharesGenderSlot()) {
            int slot = t.genderSlotIndex();
            if (numberChange || genderChange) {
                if (slot < 0) {
                    return null;
                }
                if (newNumber == GrammaticalNumber.PLUR) {
                    if (changes.containsKey(GENDER) && !changes.containsKey(NUMBER)) {
                        return null; // plural has no gender
                    }
                    f.set(slot, "PL");
                } else {
                    if (newGender == null) {
                        return null;
                    }
                    f.set(slot, newGender.tag());
                }
            }
        } else {
            if (genderChange) {
                return null; // a noun's or pronoun's gender is its own
            }
            if (numberChange) {
                if (t.numberIndex < 0) {
                    return null;
                }
                f.set(t.numberIndex, newNumber.tag());
            }
        }
        boolean slotMascOrPl = newNumber == GrammaticalNumber.PLUR || newGender == Gender.MASC;
        if (mark != null && newCase == Case.ACC && slotMascOrPl && t.sharesGenderSlot()) {
            f.add(mark);
        }
        return String.join(":", f);
    }

    // ------------------------------------------------------------------ agreement

    /**
     * Whether an adjective-like word (adjective, pronominal adjective, participle, ordinal) agrees
     * with a noun: same case (a second genitive/prepositional counts as the main one); plural with
     * plural, or in the singular the noun's gender; and for a masculine or plural accusative, the
     * form that goes with the noun's animacy («нового клиента», «новый договор»). An indeclinable
     * noun (no case) agrees in any case.
     */
    public boolean agree(Reading modifier, Reading noun) {
        if (!modifier.isAgreeingModifier() || !noun.isNoun()) {
            return false;
        }
        Tag m = Tag.of(modifier.tag());
        Tag n = Tag.of(noun.tag());
        if (n.grammaticalCase != null && m.grammaticalCase.base() != n.grammaticalCase.base()) {
            return false;
        }
        if (n.number == GrammaticalNumber.PLUR) {
            if (m.number != GrammaticalNumber.PLUR) {
                return false;
            }
        } else if (n.number == GrammaticalNumber.SING) {
            if (m.number == GrammaticalNumber.PLUR || m.gender != n.gender) {
                return false;
            }
        } else if (m.number != GrammaticalNumber.PLUR && n.gender != null && m.gender != n.gender) {
            return false; // indeclinable noun: gender still counts in the singular
        }
        if (m.accusativeMarkIndex >= 0 && n.animacy != null && n.animacy != Animacy.BOTH) {
            boolean anim = "Anim".equals(m.fields[m.accusativeMarkIndex]);
            return anim == (n.animacy == Animacy.ANIM);
        }
        return true;
    }

    /**
     * The tag of an adjective-like word (its reading's tag gives the layout) agreeing with a noun
     * put into {@code target} case and {@code number} (null: the noun's own): gender or PL, and
     * for masculine/plural accusatives the noun's animacy. Null when that cannot be told.
     */
    static String agreeingTag(Tag modifier, Tag noun, Case target, GrammaticalNumber number) {
        List<String> f = new ArrayList<>(List.of(modifier.fields));
        if (modifier.accusativeMarkIndex >= 0) {
            f.remove(modifier.accusativeMarkIndex);
        }
        int slot = modifier.genderSlotIndex();
        if (slot < 0 || modifier.caseIndex < 0) {
            return null;
        }
        f.set(modifier.caseIndex, target.tag());
        boolean plural = number == GrammaticalNumber.PLUR || (number == null && noun.number == GrammaticalNumber.PLUR);
        if (plural) {
            f.set(slot, "PL");
        } else {
            if (noun.gender == null) {
                return null;
            }
            f.set(slot, noun.gender.tag());
        }
        if (target == Case.ACC && (plural || noun.gender == Gender.MASC)) {
            if (noun.animacy == null || noun.animacy == Animacy.BOTH) {
                return null; // «новый» or «нового»: unknown
            }
            f.add(noun.animacy == Animacy.ANIM ? "Anim" : "Inanim");
        }
        return String.join(":", f);
    }

    /**
     * An adjective-like word, given by its lemma («ваш», «новый», «первый», «отправленный» is not a
     * lemma: participles by their verb's reading), in the form that agrees with {@code noun}: its
     * case, number, gender and animacy. «ваш» + менеджером → «вашим»; «новый» + заявки (plural
     * nominative) → «новые». Lower case; empty when the lemma is no adjective-like word or the
     * form cannot be told.
     */
    public Optional<String> agreeing(String modifierLemma, Reading noun) {
        if (!noun.isNoun() || noun.grammaticalCase() == null) {
            return Optional.empty();
        }
        Tag n = Tag.of(noun.tag());
        for (Reading r : analyze(modifierLemma)) {
            if (r.isAgreeingModifier() && r.lemma().equals(modifierLemma.toLowerCase(Locale.ROOT))) {
                String tag = agreeingTag(Tag.of(r.tag()), n, n.grammaticalCase, null);
                if (tag != null) {
                    List<String> forms = synthesize(r.lemma(), tag);
                    if (!forms.isEmpty()) {
                        return Optional.of(forms.get(0));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The noun's form after a cardinal number in the nominative/accusative («1 день», «2 дня»,
     * «5 дней», «11 дней», «21 день», «22 дня»), in {@code word}'s capitalisation. Empty when the
     * form does not exist.
     */
    public Optional<String> countForm(String word, Reading noun, long count) {
        if (!noun.isNoun()) {
            return Optional.empty();
        }
        long n = Math.abs(count);
        long lastTwo = n % 100;
        long last = n % 10;
        Map<String, String> changes;
        if (lastTwo >= 11 && lastTwo <= 14) {
            changes = Map.of(CASE, "R", NUMBER, "PL");
        } else if (last == 1) {
            changes = Map.of(CASE, "Nom", NUMBER, "Sin");
        } else if (last >= 2 && last <= 4) {
            changes = Map.of(CASE, "R", NUMBER, "Sin");
        } else {
            changes = Map.of(CASE, "R", NUMBER, "PL");
        }
        return inflect(word, noun, changes);
    }

    /**
     * A predicate (past verb, present/future verb, short adjective or participle) agreeing with a
     * subject: «отправил» + заявка → «отправила», «готов» + документы → «готовы», «ответит» + мы →
     * «ответим». The subject is a noun (third person) or a personal pronoun. Empty when the
     * subject's gender or number cannot be told (я/ты in the past tense: the speaker's gender).
     */
    public Optional<String> agreeWith(String form, Reading predicate, Reading subject) {
        Tag p = Tag.of(predicate.tag());
        Tag s = Tag.of(subject.tag());
        if (!(subject.isNoun() || subject.isPronoun()) || s.number == null) {
            return Optional.empty();
        }
        Map<String, String> changes = new java.util.HashMap<>();
        if (p.sharesGenderSlot()) {
            if (s.number == GrammaticalNumber.PLUR) {
                changes.put(NUMBER, "PL");
            } else if (s.gender != null) {
                changes.put(NUMBER, "Sin");
                changes.put(GENDER, s.gender.tag());
            } else {
                return Optional.empty();
            }
        } else if (p.personIndex >= 0 && p.numberIndex >= 0) {
            changes.put(NUMBER, s.number.tag());
            changes.put(PERSON, s.person != null ? s.person.tag() : "P3");
        } else {
            return Optional.empty();
        }
        return inflect(form, predicate, changes);
    }

    /** Whether some reading of {@code modifier} agrees with some reading of {@code noun} («вашим» + «менеджером»). */
    public boolean agreeAny(String modifier, String noun) {
        List<Reading> nouns = analyze(noun);
        for (Reading m : analyze(modifier)) {
            for (Reading n : nouns) {
                if (agree(m, n)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A verb, given by its infinitive, in the form of another verb's reading: same tense or mood,
     * person, number, gender («задеплоили» read as VB:Past:TRANS:PFV:PL + «выложить» → «выложили»;
     * «эскалирую» + «передавать» → «передаю»). Works for finite forms, imperatives, infinitives,
     * adverbial and short participles. Lower case; empty when the form does not exist (a perfective
     * verb has no present tense).
     */
    public Optional<String> conjugateLike(String verbLemma, Reading like) {
        Tag l = Tag.of(like.tag());
        if (!(l.pos.equals("VB") || l.pos.equals("DPT") || l.pos.equals("PT_Short") || l.pos.equals("PT")) || l.fields.length < 4) {
            return Optional.empty();
        }
        String lemma = verbLemma.toLowerCase(Locale.ROOT);
        Tag own = null;
        for (Reading r : analyze(lemma)) {
            if (r.isVerb() && r.lemma().equals(lemma) && r.has("INF")) {
                own = Tag.of(r.tag());
                break;
            }
        }
        if (own == null || own.fields.length < 4 || own.fields[2].equals("bezl")) {
            return Optional.empty();
        }
        List<String> f = new ArrayList<>(List.of(l.fields));
        if (l.accusativeMarkIndex >= 0) {
            f.remove(l.accusativeMarkIndex);
        }
        f.set(2, own.fields[2]);
        f.set(3, own.fields[3]);
        String tag = String.join(":", f);
        if (l.accusativeMarkIndex >= 0) {
            tag = tag + ":" + l.fields[l.accusativeMarkIndex];
        }
        List<String> forms = synthesize(lemma, tag);
        return forms.isEmpty() ? Optional.empty() : Optional.of(forms.get(0));
    }

    /**
     * A replacement in the grammatical form of the word it replaces: a noun phrase written in the
     * nominative («тестовый сервер») put into the case and number of a noun reading («на стейдже»
     * → «тестовом сервере»), or a phrase starting with an infinitive («выложить на сервер») with
     * that verb conjugated like a verb reading («задеплоили» → «выложили на сервер»). Lower case as
     * written in {@code phrase}; empty when unsure.
     */
    public Optional<String> inflectLike(String phrase, Reading like) {
        if (phrase == null || phrase.isBlank()) {
            return Optional.empty();
        }
        String p = phrase.strip();
        if (like.isNoun()) {
            Case c = like.grammaticalCase();
            if (c == null) {
                return Optional.of(p); // the jargon word does not decline: neither does its replacement
            }
            Optional<String> r = phrases().inflect(p, Case.NOM, c, like.number());
            return r.isPresent() || like.number() == null ? r : phrases().inflect(p, Case.NOM, c, null);
        }
        String[] words = p.split("\\s+", 2);
        Optional<String> verb = conjugateLike(words[0], like);
        return verb.map(v -> words.length == 1 ? v : v + " " + words[1]);
    }

    // ------------------------------------------------------------------ polite plural

    /**
     * The «вы» counterpart of a «ты» form: 2nd person singular verbs → plural («можешь» → «можете»,
     * «сделаешь» → «сделаете»), imperatives → plural («приезжай» → «приезжайте»), past and short
     * forms → plural («сделал» → «сделали», «готов» → «готовы»), ты → вы in the same case («тебя» →
     * «вас»; «тебе» → «вам», the dative being far more common than the prepositional), твой → ваш in
     * the same form («твоему» → «вашему»). Capitalisation is kept. Empty when the form has no such
     * reading or is also a word of another kind that must not change («мой» is also «мыть»'s
     * imperative, «три» also «тереть»'s).
     * Past and short forms carry no person: «винда встала» must stay, so call this only for words
     * whose subject is «ты» (or that are «ты»/«твой» themselves); the caller knows the clause.
     */
    public Optional<String> toPolitePlural(String form) {
        List<String> common = null;
        String dative = null;
        boolean allPronoun = true;
        for (Reading r : analyze(form)) {
            List<String> forms = politeForms(r);
            if (forms.isEmpty()) {
                if (blocksPolite(r)) {
                    return Optional.empty();
                }
                continue;
            }
            allPronoun &= r.isPronoun();
            if (r.isPronoun() && r.grammaticalCase() == Case.DAT) {
                dative = forms.get(0);
            }
            if (common == null) {
                common = new ArrayList<>(forms);
            } else {
                common.retainAll(forms); // «уверен»: adjective and participle agree on «уверены»
            }
        }
        if (common == null) {
            return Optional.empty();
        }
        if (allPronoun && dative != null) {
            return Optional.of(spell(form, dative)); // «тебе»: dative «вам» rather than prepositional «вас»
        }
        return common.isEmpty() ? Optional.empty() : Optional.of(spell(form, common.get(0)));
    }

    /**
     * A clause or sentence from «ты» to «вы», word by word (tokens in, tokens out, punctuation
     * tokens kept): «ты»/«твой» forms, 2nd person singular verbs and imperatives always; past
     * verbs, short adjectives and participles and «сам» only when their subject is «ты» — the
     * nearest possible subject before them (after them when none is before) within the clause
     * (up to , ; : . ! ? — or a word such as «что», «который», «если»): «ты ж сам подписал акт» → «вы ж сами подписали
     * акт», but «у тебя винда встала» keeps «встала». Words that cannot be told are kept.
     */
    public List<String> toPolitePlural(List<String> words) {
        List<String> out = new ArrayList<>(words);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            List<Reading> rs = w == null ? List.of() : analyze(w);
            if (rs.isEmpty()) {
                continue;
            }
            boolean personless = false;
            boolean personal = false;
            for (Reading r : rs) {
                if (politeForms(r).isEmpty()) {
                    continue;
                }
                Tag t = Tag.of(r.tag());
                if (t.pos.equals("PNN") || r.lemma().equals("твой") || t.person == Person.SECOND) {
                    personal = true;
                } else {
                    personless = true;
                }
            }
            if ((personal && !personless) || (personless && subjectIsTy(words, i))) {
                Optional<String> p = afterPreposition(w, rs, i > 0 ? words.get(i - 1) : null);
                if (p.isEmpty()) {
                    p = toPolitePlural(w);
                }
                if (p.isPresent()) {
                    out.set(i, p.get());
                }
            }
        }
        return out;
    }

    private static final Set<String> PREPOSITIONAL = Set.of("о", "об", "обо", "при", "в", "во", "на");

    /** «о тебе» → «о вас» (prepositional), not the dative «вам» a bare «тебе» gets. */
    private Optional<String> afterPreposition(String w, List<Reading> rs, String previous) {
        if (previous == null || !PREPOSITIONAL.contains(previous.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        for (Reading r : rs) {
            if (r.isPronoun() && r.lemma().equals("ты") && r.grammaticalCase() == Case.LOC) {
                return toPolitePlural(w, r);
            }
        }
        return Optional.empty();
    }

    private boolean subjectIsTy(List<String> words, int at) {
        Gender g = null;
        for (Reading r : analyze(words.get(at))) {
            if (!politeForms(r).isEmpty() && r.gender() != null) {
                g = r.gender();
            }
        }
        Boolean left = nearestSubjectIsTy(words, at, -1, g);
        return left != null ? left : Boolean.TRUE.equals(nearestSubjectIsTy(words, at, +1, g));
    }

    /** Looks from {@code at} in {@code step} direction for a possible subject: true if it is «ты», false if another, null if none in the clause. */
    private Boolean nearestSubjectIsTy(List<String> words, int at, int step, Gender verbGender) {
        for (int i = at + step; i >= 0 && i < words.size(); i += step) {
            String w = words.get(i);
            if (isClauseBoundary(w)) {
                return null;
            }
            List<Reading> rs = analyze(w);
            if (rs.isEmpty()) {
                if (hasLetter(w)) {
                    return false; // an unknown word may be the subject: keep the verb
                }
                continue;
            }
            boolean ty = false;
            boolean other = false;
            for (Reading r : rs) {
                if (r.grammaticalCase() != Case.NOM) {
                    continue;
                }
                if (r.isPronoun() && r.lemma().equals("ты")) {
                    ty = true;
                } else if ((r.isNoun() || r.isPronoun()) && r.number() != GrammaticalNumber.PLUR
                        && (verbGender == null || r.gender() == null || r.gender() == verbGender)) {
                    // only a word that could agree with the singular form is its subject: «ты … крестики снимал» —
                    // «крестики» is plural, «ты гнида … сделал» — «гнида» is feminine
                    other = true;
                }
            }
            if (ty) {
                return true;
            }
            if (other) {
                return false;
            }
        }
        return null;
    }

    /** Words that open a subordinate clause (with its own subject); «и», «но» often join predicates of one subject and do not end the search. */
    private static final Set<String> CLAUSE_WORDS = Set.of("что", "который", "которая", "которое", "которые", "которого",
            "которой", "которым", "когда", "если", "потому", "чтобы", "где", "пока", "хотя", "раз");

    private static boolean isClauseBoundary(String w) {
        if (w == null) {
            return true;
        }
        String s = w.strip();
        if (s.isEmpty()) {
            return false;
        }
        if (!hasLetter(s)) {
            return s.chars().anyMatch(c -> ",;:.!?—–()\"«»".indexOf(c) >= 0);
        }
        return CLAUSE_WORDS.contains(s.toLowerCase(Locale.ROOT));
    }

    private static boolean hasLetter(String w) {
        if (w == null) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetter(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@link #toPolitePlural(String)} for one reading of the form. */
    public Optional<String> toPolitePlural(String form, Reading r) {
        List<String> forms = politeForms(r);
        return forms.isEmpty() ? Optional.empty() : Optional.of(spell(form, forms.get(0)));
    }

    /** The lower-case «вы» forms of one reading, preferred first; empty if the reading is no «ты» form. */
    private List<String> politeForms(Reading r) {
        Tag t = Tag.of(r.tag());
        switch (t.pos) {
            case "PNN" -> {
                if (!r.lemma().equals("ты") || t.grammaticalCase == null) {
                    return List.of();
                }
                return synthesize("вы", "PNN:PL:" + t.grammaticalCase.tag() + ":P2");
            }
            case "ADJ" -> {
                if (r.lemma().equals("твой")) {
                    return synthesize("ваш", r.tag());
                }
                if (r.lemma().equals("сам") && t.number == GrammaticalNumber.SING && t.grammaticalCase != null) {
                    return synthesizeRetagged(r, t, Map.of(NUMBER, "PL")); // «ты сам» → «вы сами»
                }
                if (t.has("Short") && t.number == GrammaticalNumber.SING) {
                    return synthesizeRetagged(r, t, Map.of(NUMBER, "PL"));
                }
                return List.of();
            }
            case "PT_Short" -> {
                return t.number == GrammaticalNumber.SING ? synthesizeRetagged(r, t, Map.of(NUMBER, "PL")) : List.of();
            }
            case "VB" -> {
                boolean secondSingular = t.person == Person.SECOND && t.number == GrammaticalNumber.SING;
                boolean past = "Past".equals(t.fields[1]) && (t.gender == Gender.MASC || t.gender == Gender.FEM);
                return secondSingular || past ? synthesizeRetagged(r, t, Map.of(NUMBER, "PL")) : List.of();
            }
            default -> {
                return List.of();
            }
        }
    }

    private List<String> synthesizeRetagged(Reading r, Tag t, Map<String, String> changes) {
        String tag = retag(t, changes);
        return tag == null ? List.of() : synthesize(r.lemma(), tag);
    }

    /** Readings that make a form unsafe to change: function words and pronouns that are not «ты»/«твой». */
    private static boolean blocksPolite(Reading r) {
        return switch (r.pos()) {
            case "PNN", "Num", "NumC", "Ord", "PREP", "CONJ", "PARTICLE", "ADV", "INTERJECTION", "PARENTHESIS", "PRDC" -> true;
            case "ADJ" -> r.has("MPR");
            default -> false;
        };
    }

    // ------------------------------------------------------------------ phrases

    /** The noun-phrase inflector over this morphology. */
    public PhraseInflector phrases() {
        PhraseInflector p = phrases;
        if (p == null) {
            p = new PhraseInflector(this);
            phrases = p;
        }
        return p;
    }
}
