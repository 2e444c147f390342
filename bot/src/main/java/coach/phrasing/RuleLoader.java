package coach.phrasing;

import coach.kb.ContentException;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.kb.Principle;
import coach.kb.Yaml;
import coach.match.PhraseSet;
import coach.match.TokenPattern;
import coach.text.Lang;
import coach.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
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
    private static final Set<String> FILE_FIELDS = Set.of("language", "default_scope", "exception_sets", "rules", "jargon", "slang");
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
        return parse(source, Lang.values());
    }

    /** The same for some languages only. */
    static Map<Lang, List<Rule>> parse(ContentSource source, Lang... langs) {
        RuleLoader loader = new RuleLoader();
        Map<Lang, List<Rule>> out = new EnumMap<>(Lang.class);
        for (Lang lang : langs) {
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
        Yaml.Node root = Yaml.parse(file, text);
        if (!root.isMap()) {
            throw root.valueError("a rule file is a mapping with 'language' and 'rules'");
        }
        fields(root, FILE_FIELDS, "the rule file");
        String declared = str(root, "language", "the rule file");
        if (!declared.equals(lang.code())) {
            throw root.get("language").valueError("language '" + declared + "' does not match the file name (expected '" + lang.code() + "')");
        }
        Map<String, List<TokenPattern>> sets = exceptionSets(root.get("exception_sets"));
        defaultScope = Rule.Scope.FRAGMENT;
        if (root.has("default_scope")) {
            defaultScope = Rule.Scope.of(root.get("default_scope").asText());
            if (defaultScope == null) {
                throw root.get("default_scope").valueError("default_scope is fragment, clause or sentence");
            }
        }
        Yaml.Node rules = root.get("rules");
        if (!rules.isList() || rules.isEmpty()) {
            throw (rules.isMissing() ? root : rules).valueError("'rules' must be a non-empty list");
        }
        List<Rule> out = new ArrayList<>();
        for (Yaml.Node r : rules.items()) {
            out.add(rule(r, lang, sets));
        }
        Yaml.Node jargon = root.get("jargon");
        if (!jargon.isMissing()) {
            out.addAll(jargon(jargon, lang, sets, Category.JARGON, "jargon"));
        }
        // chat slang in the client's register: the same dictionary form, read as informal findings («щас» → «сейчас», «инфу» → «информацию»)
        Yaml.Node slang = root.get("slang");
        if (!slang.isMissing()) {
            out.addAll(jargon(slang, lang, sets, Category.INFORMAL, "slang"));
        }
        return out;
    }

    private Map<String, List<TokenPattern>> exceptionSets(Yaml.Node node) {
        Map<String, List<TokenPattern>> sets = new HashMap<>();
        if (node.isNull()) {
            return sets;
        }
        if (!node.isMap()) {
            throw node.valueError("'exception_sets' must map names to lists of patterns");
        }
        for (Map.Entry<String, Yaml.Node> e : node.fields().entrySet()) {
            if (!NAME.matcher(e.getKey()).matches()) {
                throw e.getValue().valueError("exception set name '" + e.getKey() + "' must be lower-case letters, digits and '-'");
            }
            sets.put(e.getKey(), patterns(e.getValue(), "exception set '" + e.getKey() + "'", Map.of(), false));
        }
        return sets;
    }

    private Rule rule(Yaml.Node r, Lang lang, Map<String, List<TokenPattern>> sets) {
        if (!r.isMap()) {
            throw r.valueError("each rule is a mapping with id, category, principle, patterns, explanation, replacements and examples");
        }
        String id = str(r, "id", "a rule");
        String where = "rule '" + id + "'";
        fields(r, RULE_FIELDS, where);
        String catId = str(r, "category", where);
        Category cat = Category.of(catId);
        if (cat == null) {
            throw r.get("category").valueError("unknown category '" + catId + "' in " + where + "; known: deflect, blame, refuse, dismiss, rude, vague, overpromise, jargon, pressure, sarcasm, informal, insult");
        }
        checkId(r.get("id"), id, lang, cat);
        if (r.has("language") && !lang.code().equals(r.get("language").asText())) {
            throw r.get("language").valueError("rule '" + id + "' says language '" + r.get("language").asText() + "' but lives in the " + lang.code() + " file");
        }
        String p = str(r, "principle", where);
        int pLine = r.get("principle").valueLine();
        List<TokenPattern> patterns = patterns(r.get("patterns"), where, sets, true);
        List<TokenPattern> exceptions = patterns(r.get("exceptions"), where, sets, false);
        List<TokenPattern> unless = patterns(r.get("unless"), where, sets, false);
        String explanation = str(r, "explanation", where);
        String transform = optStr(r, "transform");
        if (transform != null && !transform.equals(Rule.POLITE) && !transform.equals(Rule.PASSIVE)) {
            throw r.get("transform").valueError(where + ": transform is '" + Rule.POLITE + "' (every «ты» form of the sentence becomes «вы»)"
                    + " or '" + Rule.PASSIVE + "' («вы заполнили заявку» → «заявка была заполнена»)");
        }
        Yaml.Node reps = r.get("replacements");
        List<Yaml.Node> repItems = reps.items();
        if (transform != null && reps.isMissing()) {
            repItems = List.of();
        } else if (!reps.isList() || reps.size() > 3) {
            throw (reps.isMissing() ? r : reps).valueError(where + " needs 'replacements': a list of up to 3 polite versions (\"\" deletes; [] = no"
                    + " automatic rewrite, the sentence is to be rephrased by hand)");
        }
        List<String> replacements = new ArrayList<>();
        for (Yaml.Node x : repItems) {
            if (!x.isScalar()) {
                throw x.valueError("replacements of " + where + " must be strings");
            }
            replacements.add(x.asText());
        }
        Rule.Scope scope = defaultScope;
        if (r.has("scope")) {
            scope = Rule.Scope.of(r.get("scope").asText());
            if (scope == null) {
                throw r.get("scope").valueError(where + ": scope is fragment, clause or sentence");
            }
        }
        for (int i = 0; i < replacements.size(); i++) {
            String bad = Templates.check(replacements.get(i), patterns);
            if (bad != null) {
                throw repItems.get(i).valueError(where + ": replacement «" + replacements.get(i) + "»: " + bad);
            }
        }
        List<Rule.Example> examples = examples(r.get("examples"), where, r);
        return new Rule(id, cat, scope, transform, lang, new PhraseSet(patterns, exceptions), patterns, unless, p, pLine, null, explanation,
                List.copyOf(replacements), null, examples, r.file(), r.valueLine());
    }

    /**
     * A dictionary of terms ({@code jargon:} or {@code slang:}): each term a fragment rule of {@code cat} whose plain side is
     * given per form or as one lemma inflected like the term ({@link JargonInflector}).
     */
    private List<Rule> jargon(Yaml.Node j, Lang lang, Map<String, List<TokenPattern>> sets, Category cat, String key) {
        if (!j.isMap()) {
            throw j.valueError("'" + key + "' is a mapping with principle, explanation_plain, explanation_explain and terms");
        }
        fields(j, JARGON_FIELDS, "'" + key + "'");
        String p = str(j, "principle", "'" + key + "'");
        int pLine = j.get("principle").valueLine();
        String whyPlain = str(j, "explanation_plain", "'" + key + "'");
        String whyExplain = str(j, "explanation_explain", "'" + key + "'");
        Yaml.Node terms = j.get("terms");
        if (!terms.isList() || terms.isEmpty()) {
            throw (terms.isMissing() ? j : terms).valueError("'" + key + "' needs 'terms': a non-empty list");
        }
        List<Rule> out = new ArrayList<>();
        for (Yaml.Node t : terms.items()) {
            if (!t.isMap()) {
                throw t.valueError("each " + key + " term is a mapping with id, term, patterns and forms/plain/explain");
            }
            String name = str(t, "id", "a " + key + " term");
            String id = lang.code() + "." + cat.id() + "." + name;
            String where = key + " term '" + name + "'";
            fields(t, TERM_FIELDS, where);
            if (!NAME.matcher(name).matches()) {
                throw t.get("id").valueError(key + " term id '" + name + "' must be lower-case letters, digits and '-'");
            }
            if (!ids.add(id)) {
                throw t.get("id").valueError("duplicate rule id '" + id + "'");
            }
            String term = str(t, "term", where);
            List<TokenPattern> patterns = patterns(t.get("patterns"), where, sets, true);
            List<TokenPattern> exceptions = patterns(t.get("exceptions"), where, sets, false);
            List<TokenPattern> unless = patterns(t.get("unless"), where, sets, false);
            // the exceptions every term has (explained in brackets, defined, named): compiled on the term's first match
            java.util.function.Supplier<List<TokenPattern>> derived = () -> derivedExceptions(patterns, lang);
            Map<String, String> forms = new LinkedHashMap<>();
            Yaml.Node f = t.get("forms");
            if (!f.isNull()) {
                if (!f.isMap()) {
                    throw f.valueError(where + ": 'forms' maps written forms to plain ones");
                }
                f.fields().forEach((k, v) -> forms.put(formKey(k), v.asText()));
            }
            String plain = optStr(t, "plain");
            String explain = optStr(t, "explain");
            if (forms.isEmpty() && plain == null && explain == null) {
                throw t.valueError(where + " needs 'forms', 'plain' or 'explain'");
            }
            List<Rule.Example> examples = examples(t.get("examples"), where, t);
            String why = plain != null || !forms.isEmpty() ? whyPlain : whyExplain;
            out.add(new Rule(id, cat, Rule.Scope.FRAGMENT, null, lang, new PhraseSet(patterns, exceptions, derived, false), patterns, unless, p, pLine, null, why, List.of(),
                    new Rule.Jargon(term, Map.copyOf(forms), plain, explain, whyPlain, whyExplain), examples, t.file(), t.valueLine()));
        }
        return out;
    }

    /**
     * What makes a term no longer jargon where it stands: explained in brackets right after it, put in brackets after its
     * plain name, defined right after it, explained later in its sentence, named as a word, quoted as a label.
     */
    static List<TokenPattern> derivedExceptions(List<TokenPattern> patterns, Lang lang) {
        List<TokenPattern> exceptions = new ArrayList<>();
        for (TokenPattern pt : patterns) {
            // a term explained in brackets right after it is no longer jargon: "SLA (срок ответа по договору)"
            exceptions.add(TokenPattern.compile(pt.source() + " ("));
            // and one put in brackets after its plain name, or spelled out there: «номер заявки (тикет)», "(our SLA, or service level agreement)"
            exceptions.add(TokenPattern.compile("( " + pt.source() + " )"));
            addExpanded(exceptions, "( ..2 " + pt.source() + " {, or|, или|- or|- или|, i.e|, то есть}");
            // and one defined right after it: the "RMA number" is simply a return reference; «УПД — это документ, …»
            if (lang == Lang.EN) {
                // a code that starts with the term is an identifier: RMA-66120, PO-2291 (in Russian «в инвойсе — 1 520 000» is not)
                exceptions.add(TokenPattern.compile(pt.source() + " - #"));
            }
            // Latin terms stand in Russian text too («про SLA: это соглашение…»): both languages' definitions count
            for (String d : DEFINED) {
                exceptions.add(TokenPattern.compile(pt.source() + " ..3 " + d));
            }
            // or explained later in its sentence: "I've escalated your case to our second line — that just means …"
            addExpanded(exceptions, pt.source() + " ..12 " + EXPLAINED_LATER);
            // and one named as a word before it: «у нас это называется «тикет»», «слово «SLA» в договоре», "the term SLA"
            addExpanded(exceptions, NAMED + " ..2 " + pt.source());
            // and a label in quotation marks that a system shows: «отображается как статус «апрув»», "the status "pending QA""
            addExpanded(exceptions, "{статус|статусом|статуса|пометка|пометкой|отметка|отметкой|status|label} «|\"|“ " + pt.source());
        }
        return exceptions;
    }

    /** Compiles a source with {a b|c} groups into {@code out}, one pattern per expansion. */
    private static void addExpanded(List<TokenPattern> out, String source) {
        for (String one : TokenPattern.expand(source)) {
            out.add(TokenPattern.compile(one));
        }
    }

    /** Words that define a jargon term said just before them (up to three words between): not jargon then. */
    private static final List<String> DEFINED_EN = List.of("is simply", "is just", "simply means", "just means", "means", "stands for", "refers to",
            "- that is", ", that is", "- i.e", ", i.e", "- that's simply", "- that's just", "- which is simply", "- which is just");
    private static final List<String> DEFINED_RU = List.of("- это", ": это", "- значит", "означает", "обозначает", "- то есть", ", то есть");
    private static final List<String> DEFINED = java.util.stream.Stream.concat(DEFINED_EN.stream(), DEFINED_RU.stream()).toList();
    /** Words that explain what was just said in plain words, a few words after a term. */
    private static final String EXPLAINED_LATER = "{- that means|- that just means|- that simply means|- this means|- this just means"
            + "|, which means|- which means|in plain terms|in simple terms|in other words|simply put|put simply|in plain english"
            + "|простыми словами|проще говоря|иначе говоря|другими словами|- это значит|- это означает}";
    /** Words that introduce a term as a word being explained. */
    private static final String NAMED = "{называется|называем|называют|называемый|называемая|называемое|называемые|термин|аббревиатура|сокращение|=слово|the term|the word|called}";

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

    private void checkId(Yaml.Node at, String id, Lang lang, Category cat) {
        String prefix = lang.code() + "." + cat.id() + ".";
        if (!id.startsWith(prefix) || !NAME.matcher(id.substring(prefix.length())).matches()) {
            throw at.valueError("rule id '" + id + "' must look like '" + prefix + "some-name' (lower-case letters, digits, '-')");
        }
        if (!ids.add(id)) {
            throw at.valueError("duplicate rule id '" + id + "'");
        }
    }

    private static List<TokenPattern> patterns(Yaml.Node list, String where, Map<String, List<TokenPattern>> sets, boolean required) {
        if (list.isNull()) {
            if (required) {
                throw new ContentException(list.file(), 0, where + " needs 'patterns': a non-empty list");
            }
            return List.of();
        }
        if (!list.isList() || (required && list.isEmpty())) {
            throw list.valueError(where + ": patterns must be a non-empty list of strings");
        }
        List<TokenPattern> out = new ArrayList<>();
        for (Yaml.Node x : list.items()) {
            if (!x.isScalar()) {
                throw x.valueError(where + ": patterns must be strings");
            }
            String src = x.asText();
            if (src.startsWith("@")) {
                List<TokenPattern> set = sets.get(src.substring(1));
                if (set == null) {
                    throw x.valueError(where + ": unknown exception set '" + src + "'");
                }
                out.addAll(set);
                continue;
            }
            try {
                addExpanded(out, src);
            } catch (IllegalArgumentException e) {
                throw x.valueError(where + ": bad pattern: " + e.getMessage());
            }
        }
        return out;
    }

    private static List<Rule.Example> examples(Yaml.Node list, String where, Yaml.Node owner) {
        if (!list.isList() || list.isEmpty()) {
            throw (list.isMissing() ? owner : list).valueError(where + " has no examples: give at least one 'incorrect' with its 'corrected' version and one 'correct' sentence");
        }
        List<Rule.Example> out = new ArrayList<>();
        boolean bad = false;
        boolean good = false;
        for (Yaml.Node e : list.items()) {
            if (!e.isMap()) {
                throw e.valueError(where + ": each example is a mapping: {incorrect, corrected} or {correct}");
            }
            fields(e, EXAMPLE_FIELDS, "an example of " + where);
            String inc = optStr(e, "incorrect");
            String cor = optStr(e, "corrected");
            String ok = optStr(e, "correct");
            if (inc != null && ok == null) {
                // an incorrect example without a correction: nothing may be offered for it (a rule without replacements,
                // or a sentence its replacement cannot fix safely)
                bad = true;
                out.add(new Rule.Example(inc, cor, null, e.valueLine()));
            } else if (ok != null && inc == null && cor == null) {
                good = true;
                out.add(new Rule.Example(null, null, ok, e.valueLine()));
            } else {
                throw e.valueError(where + ": an example is either {incorrect, corrected} or {correct}");
            }
        }
        if (!bad || !good) {
            throw list.valueError(where + " needs at least one incorrect example (with 'corrected') and one correct example");
        }
        return List.copyOf(out);
    }

    private static void fields(Yaml.Node node, Set<String> allowed, String where) {
        for (String f : node.fields().keySet()) {
            if (!allowed.contains(f)) {
                throw node.get(f).valueError("unknown field '" + f + "' in " + where + "; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private static String str(Yaml.Node node, String field, String where) {
        Yaml.Node v = node.get(field);
        if (!v.isScalar() || v.value().isBlank()) {
            throw (v.isMissing() ? node : v).valueError("missing or empty '" + field + "' in " + where);
        }
        return v.asText();
    }

    private static String optStr(Yaml.Node node, String field) {
        Yaml.Node v = node.get(field);
        return !v.isScalar() || v.value().isBlank() ? null : v.asText();
    }
}
