package coach.text.morph;

import java.util.List;

/**
 * One reading of a word form: its lemma and its tag in the LanguageTool / AOT Russian tag set, a
 * colon-separated list of fields whose first is the part of speech, e.g. {@code NN:Anim:Masc:Sin:D}
 * (noun, animate, masculine, singular, dative), {@code ADJ:MPR:Masc:T} (pronominal adjective,
 * masculine, instrumental), {@code VB:Past:TRANS:PFV:PL} (verb, past, transitive, perfective, plural).
 * Fields may be empty ({@code NN::Masc:PL:D}). The field order is fixed per part of speech and
 * matters for synthesis; see the package documentation for the whole list.
 *
 * <p>The getters read the tag; they return {@code null} where the tag has no such grammeme.
 */
public final class Reading {
    private final String lemma;
    private final String tag;
    /** The tag's fields, parsed on first use and kept (a cached reading is asked about its tag again and again). */
    private Tag parsed;

    public Reading(String lemma, String tag) {
        if (lemma == null || tag == null) {
            throw new IllegalArgumentException("lemma and tag are required");
        }
        this.lemma = lemma;
        this.tag = tag;
    }

    public String lemma() {
        return lemma;
    }

    public String tag() {
        return tag;
    }

    private Tag parsed() {
        Tag t = parsed;
        if (t == null) {
            // a benign race: every thread computes the same immutable Tag
            t = Tag.of(tag);
            parsed = t;
        }
        return t;
    }

    /** Part of speech, the first tag field: NN, ADJ, VB, PNN, PT, PT_Short, DPT, ADV, PREP, CONJ, PARTICLE, NumC, Num, Ord, ... */
    public String pos() {
        return parsed().pos;
    }

    /** The tag fields in order (empty fields included). */
    public List<String> fields() {
        return parsed().fieldList();
    }

    /** The tag as the dictionary writes it: without the {@code :Anim}/{@code :Inanim} mark analysis adds to adjective-like accusatives. */
    public String dictionaryTag() {
        return parsed().withoutMark();
    }

    /** Whether one tag field is exactly {@code grammeme} (e.g. {@code has("PL")}, {@code has("MPR")}). */
    public boolean has(String grammeme) {
        return parsed().has(grammeme);
    }

    public Case grammaticalCase() {
        return parsed().grammaticalCase;
    }

    /** {@code PL} → plural, {@code Sin} → singular; a gender in the shared gender/plural slot of adjectives, participles and past verbs means singular. */
    public GrammaticalNumber number() {
        return parsed().number;
    }

    public Gender gender() {
        return parsed().gender;
    }

    public Person person() {
        return parsed().person;
    }

    /**
     * Nouns: their animacy (names, patronymics, surnames are animate). Adjective-like masculine
     * and plural accusatives: the animacy their form goes with («нового» → ANIM, «новый» → INANIM),
     * from the mark {@link Morphology#analyze} adds. Otherwise null.
     */
    public Animacy animacy() {
        return parsed().animacy;
    }

    public boolean isNoun() {
        return "NN".equals(pos());
    }

    /** Adjectives of every kind: qualitative ({@code Posit}, {@code Comp}, {@code Sup}, {@code Short}) and pronominal ({@code MPR}: мой, ваш, свой, этот, весь). */
    public boolean isAdjective() {
        return "ADJ".equals(pos());
    }

    /** Finite verb forms, infinitive and imperative ({@code VB}); participles ({@code PT}) and adverbial participles ({@code DPT}) are not verbs here. */
    public boolean isVerb() {
        return "VB".equals(pos());
    }

    /** Personal and other noun-like pronouns ({@code PNN}: я, ты, вы, он, это, все). Possessives such as «ваш» are {@code ADJ:MPR}: see {@link #isPronominalAdjective()}. */
    public boolean isPronoun() {
        return "PNN".equals(pos());
    }

    /** Pronominal adjectives ({@code ADJ:MPR}): мой, твой, ваш, свой, этот, тот, весь, каждый, который. */
    public boolean isPronominalAdjective() {
        return isAdjective() && has("MPR");
    }

    public boolean isParticiple() {
        String p = pos();
        return "PT".equals(p) || "PT_Short".equals(p);
    }

    /**
     * Whether this reading is a full (not short) adjective-like form that agrees with a noun in
     * gender, number and case: adjectives, pronominal adjectives, full participles, ordinals.
     */
    public boolean isAgreeingModifier() {
        Tag t = parsed();
        return switch (t.pos) {
            case "ADJ" -> !t.has("Short") && !t.has("Comp") && t.grammaticalCase != null;
            case "PT", "Ord" -> t.grammaticalCase != null;
            default -> false;
        };
    }

    // Written out rather than generated: the generated record methods bootstrap through
    // invokedynamic, which costs a cold start (the lexicon compares readings while loading).
    @Override
    public boolean equals(Object o) {
        return o instanceof Reading r && lemma.equals(r.lemma) && tag.equals(r.tag);
    }

    @Override
    public int hashCode() {
        return 31 * lemma.hashCode() + tag.hashCode();
    }

    @Override
    public String toString() {
        return lemma + "/" + tag;
    }
}
