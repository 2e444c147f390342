package coach.phrasing;

import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.match.Match;
import coach.match.PatternIndex;
import coach.match.TokenPattern;
import coach.text.Lang;
import coach.text.TextAnalyzer;
import coach.text.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The phrasing coach: finds risky fragments in a message with the rules of
 * {@code knowledge-base/rules/<lang>.yaml} and rewrites the whole message politely. Loaded once;
 * immutable and thread-safe afterwards.
 *
 * <p>The language is decided by script ({@link Lang#detect}): reliable on short messages and free.
 * Each language's rules are filed in a {@link PatternIndex}, so a message only runs the rules whose
 * words it contains.
 */
public final class PhrasingEngine {
    /** At most this many suggestions per text. */
    static final int MAX_SUGGESTIONS = 3;

    private final Map<Lang, List<Rule>> rules;
    private final Map<Lang, PatternIndex<Rule>> index;
    private final Map<Rule, Integer> rank = new java.util.IdentityHashMap<>();
    /** The tone model and word lists (coach.tone); null when the engine runs on rules alone. */
    private final ToneFindings tone;

    private PhrasingEngine(Map<Lang, List<Rule>> rules, ToneFindings tone) {
        this.rules = rules;
        this.tone = tone;
        this.index = new EnumMap<>(Lang.class);
        for (Map.Entry<Lang, List<Rule>> e : rules.entrySet()) {
            PatternIndex<Rule> idx = new PatternIndex<>();
            for (Rule r : e.getValue()) {
                rank.put(r, rank.size());
                for (TokenPattern p : r.patterns()) {
                    idx.add(p, r);
                }
            }
            index.put(e.getKey(), idx);
        }
    }

    /** Loads and validates the rule files; malformed content throws {@link coach.kb.ContentException} with file and line. */
    public static PhrasingEngine load(KnowledgeBase kb) {
        return new PhrasingEngine(RuleLoader.load(kb), new ToneFindings(coach.tone.ToneChecker.load(kb.source()), kb));
    }

    /**
     * The rules alone, without the tone model: for checking texts that are not messages to a client
     * (the materials and hints speak to the assistant on «ты», hold headings and lists) and for tests
     * of the rules themselves.
     */
    public static PhrasingEngine rulesOnly(KnowledgeBase kb) {
        return new PhrasingEngine(RuleLoader.load(kb), null);
    }

    /**
     * The same, for a fast start: reads and compiles the rules from {@code source} on this thread
     * while the guide is still loading elsewhere, then binds them to it.
     */
    public static PhrasingEngine load(ContentSource source, CompletableFuture<KnowledgeBase> kb) {
        // the tone model loads on its own thread while the rules compile here and the guide elsewhere
        CompletableFuture<coach.tone.ToneChecker> tone = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                tone.complete(coach.tone.ToneChecker.load(source));
            } catch (Throwable e) {
                tone.completeExceptionally(e);
            }
        }, "tone-load");
        t.setDaemon(true);
        t.start();
        Map<Lang, List<Rule>> parsed = RuleLoader.parse(source);
        KnowledgeBase guide = join(kb);
        return new PhrasingEngine(RuleLoader.bind(parsed, guide), new ToneFindings(join(tone), guide));
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Checks a message: risky fragments, why, and up to three polite versions of the whole message. Never throws. */
    public CheckResult check(String text) {
        String t = text == null ? "" : text;
        Lang lang = Lang.detect(t);
        List<Token> tokens = TextAnalyzer.analyze(t);
        List<Hit> hits = scan(t, tokens, lang);
        List<Finding> findings = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            findings.add(new Finding(h.rule.id(), h.rule.category().id(), h.start, h.end, h.fragment,
                    h.rule.principle().id(), h.rule.principle().titleRu(), h.why()));
        }
        if (tone != null) {
            findings = tone.merge(t, tokens, lang, findings);
        }
        if (findings.isEmpty()) {
            return new CheckResult(t, lang, List.of(), List.of());
        }
        List<String> suggestions = hits.isEmpty() ? List.of() : suggestions(t, tokens, lang, hits);
        if (tone != null && findings.size() > hits.size()) {
            suggestions = tone.withDrops(t, findings, suggestions);
        }
        return new CheckResult(t, lang, List.copyOf(findings), suggestions);
    }

    /** Advice for a finding of the tone model or the word list (they carry no replacement); null for rule findings. */
    public String guidance(Finding f, Lang lang) {
        return tone == null ? null : tone.guidance(f, lang);
    }

    /** The text with obscene and coarse words masked, for quoting it in the coach's own report. */
    public String mask(String text) {
        return tone == null ? text : tone.mask(text);
    }

    /** The tone checker, or null when the engine runs on rules alone. */
    public coach.tone.ToneChecker toneChecker() {
        return tone == null ? null : tone.checker();
    }

    /** Every rule, per language, in file order. */
    List<Rule> rules(Lang lang) {
        return rules.get(lang);
    }

    List<Rule> allRules() {
        List<Rule> all = new ArrayList<>();
        rules.values().forEach(all::addAll);
        return all;
    }

    /** The polite options for a finding's fragment (what the report shows next to it). */
    List<String> optionsFor(Finding f) {
        for (List<Rule> rs : rules.values()) {
            for (Rule r : rs) {
                if (r.id().equals(f.rule())) {
                    return new Hit(r, f.start(), f.end(), f.fragment(), List.of()).options();
                }
            }
        }
        return List.of();
    }

    /** Risky fragments: matches of every candidate rule, overlaps resolved in favour of the earliest, longest, first-written. */
    List<Hit> scan(String text, List<Token> tokens, Lang lang) {
        if (tokens.isEmpty()) {
            return List.of();
        }
        List<Rule> candidates = index.get(lang).candidates(tokens);
        Lang other = lang == Lang.RU ? Lang.EN : Lang.RU;
        if (hasScriptOf(tokens, other)) {
            // a mixed message: the other language's rules see its words too (they cannot match the first one's)
            candidates = new ArrayList<>(candidates);
            candidates.addAll(index.get(other).candidates(tokens));
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Hit> all = new ArrayList<>();
        int[] sentenceOf = null;
        Map<Long, Boolean> unlessMemo = null;
        for (Rule r : candidates) {
            for (Match m : r.phrases().findAll(tokens)) {
                if (!r.unless().isEmpty()) {
                    if (sentenceOf == null) {
                        sentenceOf = sentences(tokens);
                        unlessMemo = new java.util.HashMap<>();
                    }
                    int[] so = sentenceOf;
                    int sentence = so[m.fromToken()];
                    long key = ((long) rank.get(r) << 32) | sentence;
                    if (unlessMemo.computeIfAbsent(key, k -> sentenceHas(tokens, so, sentence, r.unless()))) {
                        continue;
                    }
                }
                all.add(new Hit(r, m.start(), m.end(), text.substring(m.start(), m.end()), new ArrayList<>()));
            }
        }
        if (all.size() <= 1) {
            return all;
        }
        all.sort(Comparator.<Hit>comparingInt(h -> h.start).thenComparingInt(h -> -(h.end - h.start))
                .thenComparingInt(h -> h.rule.lang() == lang ? 0 : 1).thenComparingInt(h -> rank.get(h.rule)));
        List<Hit> out = new ArrayList<>();
        for (Hit h : all) {
            Hit last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last == null || last.end <= h.start) {
                out.add(h);
            } else if (h.end <= last.end && h.rule.lang() == last.rule.lang()) {
                // a shorter match inside a longer one: kept as a fallback rewrite of that region
                last.alternatives.add(h);
            }
        }
        return out;
    }

    private static final Set<String> SENTENCE_END = Set.of(".", "!", "?", ";", "…");

    /** Whether some word of the text is written in the other language's script (two letters or more). */
    private static boolean hasScriptOf(List<Token> tokens, Lang lang) {
        for (Token t : tokens) {
            if (t.isWord() && t.norm().length() > 1) {
                char c = t.norm().charAt(0);
                boolean cyrillic = c >= 0x0400 && c <= 0x04FF;
                boolean latin = c < 128;
                if (lang == Lang.RU ? cyrillic : latin) {
                    return true;
                }
            }
        }
        return false;
    }

    /** For each token, the index of the token that starts its sentence. */
    private static int[] sentences(List<Token> tokens) {
        int[] out = new int[tokens.size()];
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            out[i] = start;
            if (SENTENCE_END.contains(tokens.get(i).norm())) {
                start = i + 1;
            }
        }
        return out;
    }

    /** Whether any of the patterns occurs in the sentence starting at token {@code from}. */
    private static boolean sentenceHas(List<Token> tokens, int[] sentenceOf, int from, List<TokenPattern> patterns) {
        int to = from;
        while (to < tokens.size() && sentenceOf[to] == from) {
            to++;
        }
        List<Token> sentence = tokens.subList(from, to);
        for (TokenPattern p : patterns) {
            if (p.matches(sentence)) {
                return true;
            }
        }
        return false;
    }

    private List<String> suggestions(String text, List<Token> tokens, Lang lang, List<Hit> hits) {
        List<int[]> exempt = new ArrayList<>();
        List<int[]> starts = new ArrayList<>();
        for (Hit h : hits) {
            starts.add(new int[] {h.start, h.end});
            // Jargon is meant to go; in an overpromise the number is the promise itself ("100%").
            if (h.rule.category() == Category.JARGON || h.rule.category() == Category.OVERPROMISE) {
                exempt.add(new int[] {h.start, h.end});
            }
            for (Hit a : h.alternatives) {
                starts.add(new int[] {a.start, a.end});
            }
        }
        List<Token> factTokens = Rewriter.facts(text, tokens, exempt, starts);
        Map<String, Integer> facts = Rewriter.count(factTokens);
        int variants = 0;
        List<List<Rewriter.Edit>> options = new ArrayList<>();
        for (Hit h : hits) {
            List<Rewriter.Edit> o = new ArrayList<>();
            addSafe(o, h, factTokens);
            for (Hit a : h.alternatives) {
                addSafe(o, a, factTokens);
            }
            if (o.isEmpty()) {
                h.options().forEach(r -> o.add(new Rewriter.Edit(h.start, h.end, r)));
            }
            options.add(o);
            variants = Math.max(variants, o.size());
        }
        Set<String> out = new LinkedHashSet<>();
        for (int v = 0; v < variants && out.size() < MAX_SUGGESTIONS; v++) {
            List<Rewriter.Edit> edits = new ArrayList<>(hits.size());
            for (List<Rewriter.Edit> o : options) {
                edits.add(o.get(Math.min(v, o.size() - 1)));
            }
            String s = Rewriter.apply(text, edits);
            if (s.isBlank() || s.equals(text) || out.contains(s)) {
                continue;
            }
            List<Token> st = TextAnalyzer.analyze(s);
            if (scan(s, st, lang).isEmpty() && Rewriter.keepsFacts(facts, st)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** Adds the hit's replacements that keep the facts (numbers, names) inside its span. */
    private static void addSafe(List<Rewriter.Edit> out, Hit h, List<Token> facts) {
        for (String r : h.options()) {
            boolean safe = true;
            for (Token f : facts) {
                if (f.start() >= h.start && f.end() <= h.end && !r.contains(f.text())) {
                    safe = false;
                    break;
                }
            }
            if (safe) {
                out.add(new Rewriter.Edit(h.start, h.end, r));
            }
        }
    }

    /** One risky fragment found by one rule. */
    record Hit(Rule rule, int start, int end, String fragment, List<Hit> alternatives) {

        /** The replacements for this fragment: the rule's own, or for jargon the plain form or an explanation. */
        List<String> options() {
            Rule.Jargon j = rule.jargon();
            if (j == null) {
                return rule.replacements();
            }
            List<String> o = new ArrayList<>(2);
            String plain = plain();
            if (plain != null) {
                o.add(plain);
            }
            if (j.explain() != null) {
                o.add(fragment + " (" + j.explain() + ")");
            }
            return Collections.unmodifiableList(o);
        }

        private String plain() {
            Rule.Jargon j = rule.jargon();
            String f = j.forms().get(RuleLoader.formKey(fragment));
            return f != null ? f : j.plain();
        }

        String why() {
            Rule.Jargon j = rule.jargon();
            if (j == null) {
                return rule.explanation();
            }
            String plain = plain();
            String template = plain != null ? j.whyPlain() : j.whyExplain();
            return template.replace("{term}", fragment).replace("{plain}", plain == null ? "" : plain)
                    .replace("{explain}", j.explain() == null ? "" : j.explain());
        }
    }
}
