package coach.phrasing;

import coach.kb.ContentException;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.kb.Principle;
import coach.match.PhraseSet;
import coach.match.TokenPattern;
import coach.text.Lang;
import coach.text.Normalizer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates {@code knowledge-base/rules/<lang>.yaml}. Anything wrong (malformed YAML, an
 * unknown field or principle, a pattern that does not compile, a duplicate id, a rule without its
 * examples) stops the load with a {@link ContentException} naming the file and line.
 */
final class RuleLoader {
    static final String DIR = "rules";
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Set<String> FILE_FIELDS = Set.of("language", "default_scope", "exception_sets", "rules", "jargon");
    private static final Set<String> RULE_FIELDS = Set.of("id", "category", "language", "principle", "patterns",
            "exceptions", "unless", "explanation", "replacements", "examples", "scope", "transform");
    private static final Set<String> JARGON_FIELDS = Set.of("principle", "explanation_plain", "explanation_explain", "terms");
    private static final Set<String> TERM_FIELDS = Set.of("id", "term", "patterns", "exceptions", "unless", "forms", "plain", "explain", "examples");
    private static final Set<String> EXAMPLE_FIELDS = Set.of("incorrect", "corrected", "correct");

    private final Set<String> ids = new HashSet<>();
    private Rule.Scope defaultScope = Rule.Scope.FRAGMENT;

    private RuleLoader() {
    }

    /**
     * Every language's rules, in file order, bound to the guide's principles. Both ru.yaml and en.yaml must be there;
     * rules/&lt;lang&gt;-&lt;theme&gt;.yaml files add more rules of that language (read after the main file, by name).
     */
    static Map<Lang, List<Rule>> load(KnowledgeBase kb) {
        return bind(parse(kb.source()), kb);
    }

    /** Reads and compiles the rule files without the guide; {@link #bind} then resolves the principles. */
    static Map<Lang, List<Rule>> parse(ContentSource source) {
        RuleLoader loader = new RuleLoader();
        Map<Lang, List<Rule>> out = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            String file = DIR + "/" + lang.code() + ".yaml";
            if (!source.exists(file)) {
                throw new ContentException(file, 0, "the rule file for language '" + lang.code() + "' is missing");
            }
            List<Rule> rules = new ArrayList<>(loader.loadFile(file, source.read(file), lang));
            // more files of the same language, by theme: rules/ru-tone.yaml, …
            for (String extra : source.list(DIR, ".yaml")) {
                String name = extra.substring(extra.lastIndexOf('/') + 1);
                if (name.startsWith(lang.code() + "-")) {
                    rules.addAll(loader.loadFile(extra, source.read(extra), lang));
                }
            }
            out.put(lang, List.copyOf(rules));
        }
        return out;
    }

    /** Resolves every rule's principle id; an unknown id fails with the rule's file and line. */
    static Map<Lang, List<Rule>> bind(Map<Lang, List<Rule>> parsed, KnowledgeBase kb) {
        Map<Lang, List<Rule>> out = new EnumMap<>(Lang.class);
        for (Map.Entry<Lang, List<Rule>> e : parsed.entrySet()) {
            List<Rule> bound = new ArrayList<>(e.getValue().size());
            for (Rule r : e.getValue()) {
                Principle p = kb.principle(r.principleId()).orElseThrow(() -> new ContentException(r.file(), r.principleLine(),
                        "unknown principle id '" + r.principleId() + "' in rule '" + r.id() + "'"));
                bound.add(r.bind(p));
            }
            out.put(e.getKey(), List.copyOf(bound));
        }
        return out;
    }

    /** Parses one rule file and binds it (exposed for tests of malformed content). */
    static List<Rule> parse(KnowledgeBase kb, String file, String text, Lang lang) {
        return bind(Map.of(lang, new RuleLoader().loadFile(file, text, lang)), kb).get(lang);
    }

    private List<Rule> loadFile(String file, String text, Lang lang) {
        LocatedYaml y = LocatedYaml.parse(file, text);
        JsonNode root = y.root();
        if (!root.isObject()) {
            throw y.error(root, "a rule file is a mapping with 'language' and 'rules'");
        }
        fields(y, root, FILE_FIELDS, "the rule file");
        String declared = str(y, root, "language", "the rule file");
        if (!declared.equals(lang.code())) {
            throw y.error(root.get("language"), "language '" + declared + "' does not match the file name (expected '" + lang.code() + "')");
        }
        Map<String, List<TokenPattern>> sets = exceptionSets(y, root.get("exception_sets"));
        defaultScope = Rule.Scope.FRAGMENT;
        if (root.has("default_scope")) {
            defaultScope = Rule.Scope.of(root.get("default_scope").asText());
            if (defaultScope == null) {
                throw y.error(root.get("default_scope"), "default_scope is fragment, clause or sentence");
            }
        }
        JsonNode rules = root.get("rules");
        if (rules == null || !rules.isArray() || rules.isEmpty()) {
            throw y.error(rules == null ? root : rules, "'rules' must be a non-empty list");
        }
        List<Rule> out = new ArrayList<>();
        for (JsonNode r : rules) {
            out.add(rule(y, r, lang, sets));
        }
        JsonNode jargon = root.get("jargon");
        if (jargon != null) {
            out.addAll(jargon(y, jargon, lang, sets));
        }
        return out;
    }

    private Map<String, List<TokenPattern>> exceptionSets(LocatedYaml y, JsonNode node) {
        Map<String, List<TokenPattern>> sets = new HashMap<>();
        if (node == null || node.isNull()) {
            return sets;
        }
        if (!node.isObject()) {
            throw y.error(node, "'exception_sets' must map names to lists of patterns");
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!NAME.matcher(e.getKey()).matches()) {
                throw y.error(e.getValue(), "exception set name '" + e.getKey() + "' must be lower-case letters, digits and '-'");
            }
            sets.put(e.getKey(), patterns(y, e.getValue(), "exception set '" + e.getKey() + "'", Map.of(), false));
        }
        return sets;
    }

    private Rule rule(LocatedYaml y, JsonNode r, Lang lang, Map<String, List<TokenPattern>> sets) {
        if (!r.isObject()) {
            throw y.error(r, "each rule is a mapping with id, category, principle, patterns, explanation, replacements and examples");
        }
        String id = str(y, r, "id", "a rule");
        String where = "rule '" + id + "'";
        fields(y, r, RULE_FIELDS, where);
        String catId = str(y, r, "category", where);
        Category cat = Category.of(catId);
        if (cat == null) {
            throw y.error(r.get("category"), "unknown category '" + catId + "' in " + where + "; known: deflect, blame, refuse, dismiss, rude, vague, overpromise, jargon, pressure, sarcasm, informal, insult");
        }
        checkId(y, r.get("id"), id, lang, cat);
        if (r.has("language") && !lang.code().equals(r.get("language").asText())) {
            throw y.error(r.get("language"), "rule '" + id + "' says language '" + r.get("language").asText() + "' but lives in the " + lang.code() + " file");
        }
        String p = str(y, r, "principle", where);
        int pLine = y.line(r.get("principle"));
        List<TokenPattern> patterns = patterns(y, r.get("patterns"), where, sets, true);
        List<TokenPattern> exceptions = r.has("exceptions") ? patterns(y, r.get("exceptions"), where, sets, false) : List.of();
        List<TokenPattern> unless = r.has("unless") ? patterns(y, r.get("unless"), where, sets, false) : List.of();
        String explanation = str(y, r, "explanation", where);
        String transform = optStr(r, "transform");
        if (transform != null && !transform.equals(Rule.POLITE) && !transform.equals(Rule.PASSIVE)) {
            throw y.error(r.get("transform"), where + ": transform is '" + Rule.POLITE + "' (every «ты» form of the sentence becomes «вы»)"
                    + " or '" + Rule.PASSIVE + "' («вы заполнили заявку» → «заявка была заполнена»)");
        }
        JsonNode reps = r.get("replacements");
        if (transform != null && reps == null) {
            reps = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        } else if (reps == null || !reps.isArray() || reps.size() > 3) {
            throw y.error(reps == null ? r : reps, where + " needs 'replacements': a list of up to 3 polite versions (\"\" deletes; [] = no"
                    + " automatic rewrite, the sentence is to be rephrased by hand)");
        }
        List<String> replacements = new ArrayList<>();
        for (JsonNode x : reps) {
            if (!x.isTextual()) {
                throw y.error(x, "replacements of " + where + " must be strings");
            }
            replacements.add(x.asText().strip());
        }
        Rule.Scope scope = defaultScope;
        if (r.has("scope")) {
            scope = Rule.Scope.of(r.get("scope").asText());
            if (scope == null) {
                throw y.error(r.get("scope"), where + ": scope is fragment, clause or sentence");
            }
        }
        for (int i = 0; i < replacements.size(); i++) {
            String bad = Templates.check(replacements.get(i), patterns);
            if (bad != null) {
                throw y.error(reps.get(i), where + ": replacement «" + replacements.get(i) + "»: " + bad);
            }
        }
        List<Rule.Example> examples = examples(y, r.get("examples"), where, r);
        return new Rule(id, cat, scope, transform, lang, new PhraseSet(patterns, exceptions), patterns, unless, p, pLine, null, explanation,
                List.copyOf(replacements), null, examples, y.file(), y.line(r));
    }

    private List<Rule> jargon(LocatedYaml y, JsonNode j, Lang lang, Map<String, List<TokenPattern>> sets) {
        if (!j.isObject()) {
            throw y.error(j, "'jargon' is a mapping with principle, explanation_plain, explanation_explain and terms");
        }
        fields(y, j, JARGON_FIELDS, "'jargon'");
        String p = str(y, j, "principle", "'jargon'");
        int pLine = y.line(j.get("principle"));
        String whyPlain = str(y, j, "explanation_plain", "'jargon'");
        String whyExplain = str(y, j, "explanation_explain", "'jargon'");
        JsonNode terms = j.get("terms");
        if (terms == null || !terms.isArray() || terms.isEmpty()) {
            throw y.error(terms == null ? j : terms, "'jargon' needs 'terms': a non-empty list");
        }
        List<Rule> out = new ArrayList<>();
        for (JsonNode t : terms) {
            if (!t.isObject()) {
                throw y.error(t, "each jargon term is a mapping with id, term, patterns and forms/plain/explain");
            }
            String name = str(y, t, "id", "a jargon term");
            String id = lang.code() + "." + Category.JARGON.id() + "." + name;
            String where = "jargon term '" + name + "'";
            fields(y, t, TERM_FIELDS, where);
            if (!NAME.matcher(name).matches()) {
                throw y.error(t.get("id"), "jargon term id '" + name + "' must be lower-case letters, digits and '-'");
            }
            if (!ids.add(id)) {
                throw y.error(t.get("id"), "duplicate rule id '" + id + "'");
            }
            String term = str(y, t, "term", where);
            List<TokenPattern> patterns = patterns(y, t.get("patterns"), where, sets, true);
            List<TokenPattern> exceptions = new ArrayList<>(t.has("exceptions") ? patterns(y, t.get("exceptions"), where, sets, false) : List.of());
            List<TokenPattern> unless = t.has("unless") ? patterns(y, t.get("unless"), where, sets, false) : List.of();
            for (TokenPattern pt : patterns) {
                // a term explained in brackets right after it is no longer jargon: "SLA (срок ответа по договору)"
                exceptions.add(TokenPattern.compile(pt.source() + " ("));
            }
            Map<String, String> forms = new LinkedHashMap<>();
            JsonNode f = t.get("forms");
            if (f != null && !f.isNull()) {
                if (!f.isObject()) {
                    throw y.error(f, where + ": 'forms' maps written forms to plain ones");
                }
                f.fields().forEachRemaining(e -> forms.put(formKey(e.getKey()), e.getValue().asText().strip()));
            }
            String plain = optStr(t, "plain");
            String explain = optStr(t, "explain");
            if (forms.isEmpty() && plain == null && explain == null) {
                throw y.error(t, where + " needs 'forms', 'plain' or 'explain'");
            }
            List<Rule.Example> examples = examples(y, t.get("examples"), where, t);
            String why = plain != null || !forms.isEmpty() ? whyPlain : whyExplain;
            out.add(new Rule(id, Category.JARGON, Rule.Scope.FRAGMENT, null, lang, new PhraseSet(patterns, exceptions), patterns, unless, p, pLine, null, why, List.of(),
                    new Rule.Jargon(term, Map.copyOf(forms), plain, explain, whyPlain, whyExplain), examples, y.file(), y.line(t)));
        }
        return out;
    }

    /** The key a jargon form is looked up by: normalised, single spaces, no spaces around hyphens. */
    static String formKey(String s) {
        String n = Normalizer.norm(s).strip();
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isWhitespace(c)) {
                boolean nextToHyphen = (b.length() > 0 && b.charAt(b.length() - 1) == '-')
                        || (i + 1 < n.length() && (n.charAt(i + 1) == '-' || Character.isWhitespace(n.charAt(i + 1))));
                if (!nextToHyphen) {
                    b.append(' ');
                }
            } else if (c == '-' && b.length() > 0 && b.charAt(b.length() - 1) == ' ') {
                b.setCharAt(b.length() - 1, '-');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private void checkId(LocatedYaml y, JsonNode at, String id, Lang lang, Category cat) {
        String prefix = lang.code() + "." + cat.id() + ".";
        if (!id.startsWith(prefix) || !NAME.matcher(id.substring(prefix.length())).matches()) {
            throw y.error(at, "rule id '" + id + "' must look like '" + prefix + "some-name' (lower-case letters, digits, '-')");
        }
        if (!ids.add(id)) {
            throw y.error(at, "duplicate rule id '" + id + "'");
        }
    }

    private static List<TokenPattern> patterns(LocatedYaml y, JsonNode list, String where, Map<String, List<TokenPattern>> sets, boolean required) {
        if (list == null || list.isNull()) {
            if (required) {
                throw new ContentException(y.file(), 0, where + " needs 'patterns': a non-empty list");
            }
            return List.of();
        }
        if (!list.isArray() || (required && list.isEmpty())) {
            throw y.error(list, where + ": patterns must be a non-empty list of strings");
        }
        List<TokenPattern> out = new ArrayList<>();
        for (JsonNode x : list) {
            if (!x.isTextual()) {
                throw y.error(x, where + ": patterns must be strings");
            }
            String src = x.asText().strip();
            if (src.startsWith("@")) {
                List<TokenPattern> set = sets.get(src.substring(1));
                if (set == null) {
                    throw y.error(x, where + ": unknown exception set '" + src + "'");
                }
                out.addAll(set);
                continue;
            }
            try {
                for (String one : TokenPattern.expand(src)) {
                    out.add(TokenPattern.compile(one));
                }
            } catch (IllegalArgumentException e) {
                throw y.error(x, where + ": bad pattern: " + e.getMessage());
            }
        }
        return out;
    }

    private static List<Rule.Example> examples(LocatedYaml y, JsonNode list, String where, JsonNode owner) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw y.error(list == null ? owner : list, where + " has no examples: give at least one 'incorrect' with its 'corrected' version and one 'correct' sentence");
        }
        List<Rule.Example> out = new ArrayList<>();
        boolean bad = false;
        boolean good = false;
        for (JsonNode e : list) {
            if (!e.isObject()) {
                throw y.error(e, where + ": each example is a mapping: {incorrect, corrected} or {correct}");
            }
            fields(y, e, EXAMPLE_FIELDS, "an example of " + where);
            String inc = optStr(e, "incorrect");
            String cor = optStr(e, "corrected");
            String ok = optStr(e, "correct");
            if (inc != null && ok == null) {
                // an incorrect example without a correction: nothing may be offered for it (a rule without replacements,
                // or a sentence its replacement cannot fix safely)
                bad = true;
                out.add(new Rule.Example(inc, cor, null, y.line(e)));
            } else if (ok != null && inc == null && cor == null) {
                good = true;
                out.add(new Rule.Example(null, null, ok, y.line(e)));
            } else {
                throw y.error(e, where + ": an example is either {incorrect, corrected} or {correct}");
            }
        }
        if (!bad || !good) {
            throw y.error(list, where + " needs at least one incorrect example (with 'corrected') and one correct example");
        }
        return List.copyOf(out);
    }

    private static void fields(LocatedYaml y, JsonNode node, Set<String> allowed, String where) {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw y.error(node.get(f), "unknown field '" + f + "' in " + where + "; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private static String str(LocatedYaml y, JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw y.error(v == null ? node : v, "missing or empty '" + field + "' in " + where);
        }
        return v.asText().strip();
    }

    private static String optStr(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank() ? null : v.asText().strip();
    }
}
