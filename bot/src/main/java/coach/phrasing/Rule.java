package coach.phrasing;

import coach.kb.Principle;
import coach.match.PhraseSet;
import coach.match.TokenPattern;
import coach.text.Lang;
import java.util.List;
import java.util.Map;

/**
 * One phrasing rule, as written in {@code knowledge-base/rules/<lang>.yaml}: the patterns that find a
 * risky fragment, the exceptions that cancel a match, the principle it breaks, why, and the polite
 * replacements for the fragment. Jargon terms are rules too, with a table of plain forms.
 * {@code unless} patterns cancel a match when they occur anywhere in its sentence ("пожалуйста").
 */
record Rule(
        String id,
        Category category,
        Scope scope,
        String transform,
        Lang lang,
        PhraseSet phrases,
        List<TokenPattern> patterns,
        List<TokenPattern> unless,
        String principleId,
        int principleLine,
        Principle principle,
        String explanation,
        List<String> replacements,
        Jargon jargon,
        List<Example> examples,
        String file,
        int line) {

    /** This rule with its principle resolved (rules are parsed before the guide is loaded, then bound to it). */
    Rule bind(Principle p) {
        return new Rule(id, category, scope, transform, lang, phrases, patterns, unless, principleId, principleLine, p, explanation, replacements,
                jargon, examples, file, line);
    }

    /**
     * This rule as a finding only, explained by {@code why}: an English jargon term met in a Russian text is reported,
     * but its English plain words are no Russian («в нашей warehouse system»), so the sentence is left to the writer.
     */
    Rule reportOnly(String why) {
        return new Rule(id, category, scope, null, lang, phrases, patterns, unless, principleId, principleLine, principle, why, List.of(),
                null, examples, file, line);
    }

    /** The transform that turns every «ты» form of the sentence into its «вы» counterpart, agreement kept. */
    static final String POLITE = "polite";

    /** The transform that calms a shouting sentence: capitals to lower case, «!!!» to one mark ({@link Shouting}). */
    static final String CALM = "calm";

    /**
     * The transform that states the fact without pointing at the client: «вы неправильно заполнили заявку» → «заявка была
     * заполнена неправильно» (the object becomes the subject, the verb a short passive participle agreeing with it).
     * Where it cannot (no object: «вы опоздали»), the rule's replacements are used.
     */
    static final String PASSIVE = "passive";

    /**
     * What a rule's replacement takes the place of: the marked fragment only, its whole clause (with the pieces that
     * hang on it: «…, что курьер опоздал», «, так решило руководство»), or its whole sentence. An empty replacement
     * in clause or sentence scope leaves that clause or sentence out.
     */
    enum Scope {
        FRAGMENT, CLAUSE, SENTENCE;

        static Scope of(String s) {
            for (Scope x : values()) {
                if (x.name().equalsIgnoreCase(s)) {
                    return x;
                }
            }
            return null;
        }
    }

    /**
     * The plain-language side of a jargon term.
     *
     * @param term    the term as an editor names it
     * @param forms   normalised written form (as matched) → plain replacement
     * @param plain   replacement for forms not in the table, or null
     * @param explain what the term means, for terms that cannot be replaced safely, or null
     * @param whyPlain   explanation template with {term} and {plain}
     * @param whyExplain explanation template with {term} and {explain}
     */
    record Jargon(String term, Map<String, String> forms, String plain, String explain, String whyPlain, String whyExplain,
            java.util.concurrent.ConcurrentHashMap<String, java.util.Optional<String>> plainOf) {
        Jargon(String term, Map<String, String> forms, String plain, String explain, String whyPlain, String whyExplain) {
            this(term, forms, plain, explain, whyPlain, whyExplain, new java.util.concurrent.ConcurrentHashMap<>());
        }

        /** At most this many written forms of one term keep their plain words in {@link #plainOf}. */
        private static final int PLAIN_FORMS_KEPT = 256;

        /**
         * The plain words for the term as written ({@code fragment}), computed by {@code compute} on first need and kept
         * with the term: they depend on the term and the written form alone.
         */
        String plainFor(String fragment, java.util.function.Function<String, String> compute) {
            java.util.Optional<String> known = plainOf.get(fragment);
            if (known != null) {
                return known.orElse(null);
            }
            String p = compute.apply(fragment);
            if (plainOf.size() < PLAIN_FORMS_KEPT) {
                plainOf.put(fragment, java.util.Optional.ofNullable(p));
            }
            return p;
        }

        // what the plain words of each form are is kept with the term, not part of it
        @Override
        public boolean equals(Object o) {
            return o instanceof Jargon j && java.util.Objects.equals(term, j.term) && java.util.Objects.equals(forms, j.forms)
                    && java.util.Objects.equals(plain, j.plain) && java.util.Objects.equals(explain, j.explain)
                    && java.util.Objects.equals(whyPlain, j.whyPlain) && java.util.Objects.equals(whyExplain, j.whyExplain);
        }

        @Override
        public int hashCode() {
            // the record's own formula over its first six components (what it was before the seventh)
            int h = java.util.Objects.hashCode(term);
            h = h * 31 + java.util.Objects.hashCode(forms);
            h = h * 31 + java.util.Objects.hashCode(plain);
            h = h * 31 + java.util.Objects.hashCode(explain);
            h = h * 31 + java.util.Objects.hashCode(whyPlain);
            return h * 31 + java.util.Objects.hashCode(whyExplain);
        }

        @Override
        public String toString() {
            return "Jargon[term=" + term + ", forms=" + forms + ", plain=" + plain + ", explain=" + explain + ", whyPlain=" + whyPlain
                    + ", whyExplain=" + whyExplain + "]";
        }
    }

    /** One example: an incorrect sentence with its expected correction, or a correct sentence. */
    record Example(String incorrect, String corrected, String correct, int line) {
        boolean isIncorrect() {
            return incorrect != null;
        }
    }
}
