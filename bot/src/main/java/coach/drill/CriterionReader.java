package coach.drill;

import coach.kb.KnowledgeBase;
import coach.kb.Principle;
import coach.kb.Yaml;
import coach.match.PhraseSet;
import coach.match.TokenPattern;
import coach.match.WordClasses;
import coach.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one rubric criterion or quiz key point from YAML, compiling its patterns and checking its links. */
final class CriterionReader {
    private static final Pattern EXACT_PREFIX = Pattern.compile("(?<=^|[\\s|!])=[^\\s|?]*\\*");
    static final Pattern CRITERION_ID = Pattern.compile("[a-z][a-z0-9_]{0,30}");
    private static final Set<String> FIELDS = Set.of("id", "name_ru", "name_en", "weight", "check", "principle", "quote",
            "hint_ru", "hint_en", "cap", "met_when", "patterns", "exceptions", "examples", "en", "scope", "negation", "courtesy");
    private static final Set<String> EN_FIELDS = Set.of("patterns", "exceptions", "examples");

    private CriterionReader() {
    }

    /**
     * @param weighted whether a weight is required (rubric criteria) or fixed at 1 (quiz key points)
     */
    static Criterion read(Yaml.Node n, KnowledgeBase kb, boolean weighted, Map<String, String> words) {
        return read(n, kb, weighted, words, false);
    }

    /**
     * @param englishRequired pattern criteria must have an {@code en:} block with English patterns and examples
     */
    static Criterion read(Yaml.Node n, KnowledgeBase kb, boolean weighted, Map<String, String> words, boolean englishRequired) {
        n.onlyFields(FIELDS);
        String id = n.text("id");
        if (!CRITERION_ID.matcher(id).matches()) {
            throw n.error("id", "criterion id '" + id + "' must be lower-case latin letters, digits and '_' (at most 31)");
        }
        String nameRu = n.text("name_ru");
        String nameEn = n.text("name_en");
        int weight = weighted ? n.integer("weight", 1, 100) : 1;
        String check = n.has("check") ? n.text("check") : "patterns";
        boolean phrasing;
        if (check.equals("phrasing")) {
            phrasing = true;
        } else if (check.equals("patterns")) {
            phrasing = false;
        } else {
            throw n.error("check", "check must be 'patterns' (the default) or 'phrasing', not '" + check + "'");
        }
        String principleId = n.text("principle");
        Principle principle = kb.principle(principleId)
                .orElseThrow(() -> n.error("principle", "unknown principle id '" + principleId + "'"));
        String quote = n.optText("quote");
        if (quote != null && !inPrinciple(quote, principle)) {
            throw n.error("quote", "the quote is not in the guide's text of '" + principleId + "': " + quote);
        }
        String hintRu = n.text("hint_ru");
        String hintEn = n.text("hint_en");
        int cap = n.has("cap") ? n.integer("cap", 0, 99) : -1;
        String metWhen = n.has("met_when") ? n.text("met_when") : "found";
        if (!metWhen.equals("found") && !metWhen.equals("absent")) {
            throw n.error("met_when", "met_when must be 'found' (the default) or 'absent', not '" + metWhen + "'");
        }
        boolean absent = metWhen.equals("absent");
        if (absent && phrasing) {
            throw n.error("met_when", "a 'check: phrasing' criterion cannot use met_when");
        }

        String scope = n.has("scope") ? n.text("scope") : "turn";
        if (!scope.equals("turn") && !scope.equals("conversation")) {
            throw n.error("scope", "scope must be 'turn' (the default) or 'conversation', not '" + scope + "'");
        }
        boolean negatable = !n.has("negation") || n.bool("negation");
        PhraseSet phrases = null;
        PhraseSet phrasesEn = null;
        List<String> match = new ArrayList<>();
        List<String> noMatch = new ArrayList<>();
        List<String> matchEn = new ArrayList<>();
        List<String> noMatchEn = new ArrayList<>();
        examples(n, match, noMatch);
        Yaml.Node en = null;
        if (n.has("en")) {
            en = n.get("en");
            if (!en.isMap()) {
                throw n.error("en", "'en' must be a mapping with patterns, exceptions and examples");
            }
            en.onlyFields(EN_FIELDS);
            examples(en, matchEn, noMatchEn);
        }
        if (phrasing) {
            // optional patterns of a phrasing criterion: this scenario's own rude lines, on top of the phrasing engine
            if (n.has("patterns")) {
                phrases = new PhraseSet(compile(n.texts("patterns", true), words), compile(n.texts("exceptions", false), words), false);
            } else if (n.has("exceptions")) {
                throw n.error("exceptions", "exceptions without patterns");
            }
            if (en != null) {
                phrasesEn = new PhraseSet(compile(en.texts("patterns", true), words), compile(en.texts("exceptions", false), words), false);
            }
        } else {
            phrases = new PhraseSet(compile(n.texts("patterns", true), words), compile(n.texts("exceptions", false), words), negatable);
            if (match.isEmpty() || noMatch.isEmpty()) {
                throw n.error("examples", "criterion '" + id + "' needs at least one 'match' and one 'no_match' example");
            }
            if (en != null) {
                phrasesEn = new PhraseSet(compile(en.texts("patterns", true), words), compile(en.texts("exceptions", false), words), negatable);
                if (matchEn.isEmpty() || noMatchEn.isEmpty()) {
                    throw n.error("en", "criterion '" + id + "' needs at least one English 'match' and one 'no_match' example");
                }
            } else if (englishRequired) {
                throw n.error("id", "criterion '" + id + "' needs an 'en:' block: English patterns and examples for English replies");
            }
        }
        return new Criterion(id, nameRu, nameEn, weight, phrases, absent, phrasing, principle, quote, hintRu, hintEn, cap,
                List.copyOf(match), List.copyOf(noMatch), n.file(), n.line(),
                phrasesEn, List.copyOf(matchEn), List.copyOf(noMatchEn), scope.equals("conversation"),
                n.has("courtesy") && n.bool("courtesy"));
    }

    private static void examples(Yaml.Node n, List<String> match, List<String> noMatch) {
        if (n.has("examples")) {
            Yaml.Node ex = n.get("examples");
            if (!ex.isMap()) {
                throw n.error("examples", "examples must have 'match' and 'no_match' lists");
            }
            ex.onlyFields(Set.of("match", "no_match"));
            ex.texts("match", false).forEach(x -> match.add(x.asText()));
            ex.texts("no_match", false).forEach(x -> noMatch.add(x.asText()));
        }
    }

    /** The file's named word classes ({@code words:}), usable in its patterns as {@code @name}. */
    static Map<String, String> words(Yaml.Node root) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Yaml.Node> e : root.map("words", false).entrySet()) {
            String body = e.getValue().asText();
            try {
                WordClasses.validate(e.getKey(), e.getValue().isScalar() ? body : null);
            } catch (IllegalArgumentException ex) {
                throw e.getValue().error(ex.getMessage());
            }
            out.put(e.getKey(), body);
        }
        return out;
    }

    private static List<TokenPattern> compile(List<Yaml.Node> nodes, Map<String, String> words) {
        List<TokenPattern> out = new ArrayList<>();
        for (Yaml.Node p : nodes) {
            try {
                String src = WordClasses.expand(p.asText(), words);
                Matcher m = EXACT_PREFIX.matcher(src);
                if (m.find()) {
                    throw new IllegalArgumentException("'" + m.group().strip() + "' mixes an exact form (=) with a prefix (*); use one of them");
                }
                for (String one : TokenPattern.expand(src)) {
                    out.add(TokenPattern.compile(one));
                }
            } catch (IllegalArgumentException e) {
                throw p.error("bad pattern: " + e.getMessage());
            }
        }
        return out;
    }

    /** Whether the quote is the guide's own words from the principle (case, ё, quotes and spacing aside). */
    static boolean inPrinciple(String quote, Principle p) {
        String q = flat(quote);
        return !q.isEmpty() && (flat(p.explanation()).contains(q) || flat(p.example()).contains(q) || flat(p.titleRu()).contains(q));
    }

    private static String flat(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.norm(s).replaceAll("[«»\"“”„]", "").replaceAll("\\s+", " ").strip();
    }
}
