package coach.phrasing;

import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.match.Match;
import coach.match.PatternIndex;
import coach.match.TokenPattern;
import coach.text.Lang;
import coach.text.Segments;
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
    /** Sentences longer than this many tokens get no rewrite (work per sentence stays bounded, time linear in the text). */
    static final int MAX_REWRITE_TOKENS = 300;

    /** Each language's rules with their index; a language may be read on first use ({@link #load(ContentSource, CompletableFuture)}). */
    private final Map<Lang, LangRules> rules;
    /** {@code {name:case}} slots: the morphology's noun-phrase inflection («своему менеджеру» → «вашим менеджером»). */
    private final Templates.Inflector inflector = (phrase, code) -> {
        if (code.equals("inf")) {
            return infinitive(phrase);
        }
        coach.text.morph.Case c = switch (code) {
            case "nom" -> coach.text.morph.Case.NOM;
            case "gen" -> coach.text.morph.Case.GEN;
            case "dat" -> coach.text.morph.Case.DAT;
            case "acc" -> coach.text.morph.Case.ACC;
            case "ins" -> coach.text.morph.Case.INS;
            default -> coach.text.morph.Case.LOC;
        };
        coach.text.morph.PhraseInflector pi = coach.text.morph.Morphology.russian().phrases();
        java.util.Optional<String> any = pi.inflect(phrase, c);
        if (any.isPresent()) {
            return any.map(Templates::lowerUnlessName);
        }
        // an object the pattern caught after a verb («читать [src условия ]»): as an accusative, one number only
        String[] words = phrase.strip().split("\\s+");
        coach.text.morph.GrammaticalNumber n = null;
        for (coach.text.morph.Reading r : coach.text.morph.Morphology.russian().analyze(words[words.length - 1].toLowerCase(java.util.Locale.ROOT))) {
            if (r.isNoun() && r.grammaticalCase() == coach.text.morph.Case.ACC) {
                if (n != null && n != r.number()) {
                    return java.util.Optional.empty();
                }
                n = r.number();
            }
        }
        return n == null ? java.util.Optional.empty() : pi.inflect(phrase, coach.text.morph.Case.ACC, c, n).map(Templates::lowerUnlessName);
    };

    /** The infinitive of one verb form («дадим» → «дать»), when all its verb readings share one lemma; else empty. */
    static java.util.Optional<String> infinitive(String word) {
        String w = word.strip();
        if (w.isEmpty() || w.indexOf(' ') >= 0) {
            return java.util.Optional.empty();
        }
        String lemma = null;
        for (coach.text.morph.Reading r : coach.text.morph.Morphology.russian().analyze(coach.text.Normalizer.norm(w))) {
            if (!r.isVerb()) {
                continue;
            }
            if (lemma != null && !lemma.equals(r.lemma())) {
                return java.util.Optional.empty();
            }
            lemma = r.lemma();
        }
        if (lemma == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Character.isUpperCase(w.charAt(0)) ? Rewriter.capitalise(lemma) : lemma);
    }

    /** The tone model and word lists (coach.tone); null when the engine runs on rules alone. */
    private final ToneFindings tone;

    /** Terms a Russian suggestion must not keep unexplained (see {@link #unexplained}). */
    private final UnexplainedTerms terms;

    /** The phrases a version to send must not keep (the last gate, {@link LastGate}); null: no gate. */
    private final coach.tone.ResidualRisk residual;

    /** Nouns that carry no fact in a jibe: the tone categories' lists and the coarse-word list (see SentenceRewriter#saysNothing). */
    private final java.util.function.BiPredicate<Lang, String> noFact;

    private PhrasingEngine(Map<Lang, List<Rule>> rules, ToneFindings tone, UnexplainedTerms terms) {
        this(rules, tone, defaultNoFact(tone), tone == null ? null : tone.checker().residual(), terms);
    }

    private static java.util.function.BiPredicate<Lang, String> defaultNoFact(ToneFindings tone) {
        return tone == null ? (l, w) -> false
                : (l, w) -> tone.checker().noFactWord(l, w) || !tone.checker().profanity().find(w).isEmpty();
    }

    private PhrasingEngine(Map<Lang, List<Rule>> rules, ToneFindings tone, java.util.function.BiPredicate<Lang, String> noFact,
            coach.tone.ResidualRisk residual, UnexplainedTerms terms) {
        this.tone = tone;
        this.residual = residual;
        this.terms = terms;
        this.noFact = noFact;
        this.rules = new EnumMap<>(Lang.class);
        for (Map.Entry<Lang, List<Rule>> e : rules.entrySet()) {
            List<Rule> rs = e.getValue();
            LangRules lr = new LangRules(e.getKey(), () -> rs);
            lr.get();
            this.rules.put(e.getKey(), lr);
        }
    }

    private PhrasingEngine(Map<Lang, LangRules> rules, ToneFindings tone, UnexplainedTerms terms, boolean lazy) {
        this.tone = tone;
        this.terms = terms;
        this.residual = tone.checker().residual();
        this.rules = rules;
        this.noFact = defaultNoFact(tone);
    }

    /**
     * One language's rules in file order, their index and their ranks (file order, every Russian rule before every
     * English one as when both are read at once), built on first use and then shared by every thread.
     */
    private static final class LangRules {
        private final Lang lang;
        private java.util.function.Supplier<List<Rule>> source;
        private volatile Built built;

        private record Built(List<Rule> rules, PatternIndex<Rule> index, Map<Rule, Integer> rank) {
        }

        LangRules(Lang lang, java.util.function.Supplier<List<Rule>> source) {
            this.lang = lang;
            this.source = source;
        }

        Built get() {
            Built b = built;
            if (b != null) {
                return b;
            }
            synchronized (this) {
                if (built == null) {
                    List<Rule> rs = source.get();
                    PatternIndex<Rule> idx = new PatternIndex<>();
                    Map<Rule, Integer> rank = new java.util.IdentityHashMap<>();
                    int base = lang.ordinal() << 20;
                    for (Rule r : rs) {
                        rank.put(r, base + rank.size());
                        for (TokenPattern p : r.patterns()) {
                            idx.add(p, r);
                        }
                    }
                    built = new Built(rs, idx, rank);
                    source = null;
                }
                return built;
            }
        }
    }

    private int rank(Rule r) {
        Integer k = rules.get(r.lang()).get().rank().get(r);
        if (k == null) {
            // a report-only copy of a rule ({@link Rule#reportOnly}) ranks as its rule
            for (Map.Entry<Rule, Integer> e : rules.get(r.lang()).get().rank().entrySet()) {
                if (e.getKey().id().equals(r.id())) {
                    return e.getValue();
                }
            }
            return Integer.MAX_VALUE;
        }
        return k;
    }

    /** Loads and validates the rule files; malformed content throws {@link coach.kb.ContentException} with file and line. */
    public static PhrasingEngine load(KnowledgeBase kb) {
        return new PhrasingEngine(RuleLoader.load(kb), new ToneFindings(coach.tone.ToneChecker.load(kb.source()), kb),
                UnexplainedTerms.load(kb.source()));
    }

    /**
     * The rules alone, without the tone model: for texts that are not messages to a client (materials and hints
     * speak to the assistant, hold headings and lists) and for tests of the rules themselves.
     */
    public static PhrasingEngine rulesOnly(KnowledgeBase kb) {
        // no model, but the same words that carry no fact when a jibe is left out
        coach.tone.ToneChecker.NoFactWords words = coach.tone.ToneChecker.noFactWords(kb.source());
        return new PhrasingEngine(RuleLoader.load(kb), null, words::test, coach.tone.ResidualRisk.load(kb.source()),
                UnexplainedTerms.load(kb.source()));
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
        // Russian now; English on its first use (a Russian draft without Latin words never needs it: a fifth of the rules)
        Map<Lang, List<Rule>> parsed = RuleLoader.parse(source, Lang.RU);
        KnowledgeBase guide = join(kb);
        Map<Lang, LangRules> rules = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            rules.put(lang, new LangRules(lang, lang == Lang.RU
                    ? () -> RuleLoader.bind(parsed, guide).get(Lang.RU)
                    : () -> RuleLoader.bind(RuleLoader.parse(source, lang), guide).get(lang)));
        }
        rules.get(Lang.RU).get();
        return new PhrasingEngine(rules, new ToneFindings(join(tone), guide), UnexplainedTerms.load(source), true);
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

    /**
     * Checks a message: risky fragments, why, and up to three polite versions of the whole message, best first. Each
     * risky sentence is rewritten in place by its rules' scopes and verified; a sentence without a verified version
     * keeps its findings (marked not rewritable) and stays as it was in the suggestions. Never throws.
     */
    public CheckResult check(String text) {
        String t = text == null ? "" : text;
        CheckResult last = lastChecked.get();
        if (last != null && last.text().equals(t)) {
            return last; // the router and /check see one draft once
        }
        // the versions, suggestions and sentences a check analyses again in later steps are tokenised once per check
        CheckResult r = TextAnalyzer.remembering(() -> checkOnce(t, true));
        lastChecked.set(r);
        return r;
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PhrasingEngine.class);

    /**
     * The verified versions of one sentence, or none when building them fails: a fault in one rewrite costs that
     * sentence its suggestion (its findings stay, not rewritable), never the check or a batch of them.
     */
    private static List<String> versionsOrNone(SentenceRewriter rewriter, String t, List<Token> tokens, Segments.Segment s,
            List<Hit> hits, Lang lang) {
        try {
            return rewriter.versions(new SentenceRewriter.Job(t, tokens, s, hits, lang));
        } catch (RuntimeException ex) {
            StringBuilder rules = new StringBuilder();
            for (Hit h : hits) {
                rules.append(rules.length() == 0 ? "" : ",").append(h.rule().id());
            }
            LOG.warn("phrasing: rewriting a sentence failed ({}; rules {}); it gets no version", ex.toString(), rules);
            LOG.debug("phrasing: rewrite failure", ex);
            return List.of();
        }
    }

    /** The last result per thread: a free-text draft is checked by the router and reported by /check in one pass. */
    private final ThreadLocal<CheckResult> lastChecked = new ThreadLocal<>();

    private CheckResult checkOnce(String t, boolean refine) {
        if (Trace.ON && refine) {
            Trace.say("=== " + t.replace('\n', ' '));
        }
        Lang lang = Lang.detect(t);
        List<Token> tokens = TextAnalyzer.analyze(t);
        List<Hit> hits = scan(t, tokens, lang);
        coach.tone.ToneChecker.Scores scores = tone == null || !refine ? null : new coach.tone.ToneChecker.Scores();
        if (tone != null) {
            List<Hit> more = tone.hits(t, tokens, lang, hits, scores);
            if (!more.isEmpty()) {
                hits = new ArrayList<>(hits);
                hits.addAll(more);
                hits.sort(Comparator.comparingInt(Hit::start));
            }
        }
        if (hits.isEmpty()) {
            return new CheckResult(t, lang, List.of(), List.of());
        }
        List<Segments.Segment> sentences = Segments.sentences(t, tokens);
        // hits per sentence, in order (a hit belongs to the sentence of its first token)
        Map<Integer, List<Hit>> bySentence = new java.util.TreeMap<>();
        int si = 0;
        for (Hit h : hits) {
            while (si + 1 < sentences.size() && !sentences.get(si).contains(h.match().fromToken())) {
                si++;
            }
            bySentence.computeIfAbsent(si, k -> new ArrayList<>()).add(h);
        }
        Map<Integer, List<String>> versions = new java.util.TreeMap<>();
        SentenceRewriter rewriter = rewriter(refine);
        for (Map.Entry<Integer, List<Hit>> e : bySentence.entrySet()) {
            Segments.Segment s = sentences.get(e.getKey());
            // a run-on "sentence" of thousands of words is not rewritten: its findings are reported for a rewrite by hand
            versions.put(e.getKey(), s.size() > MAX_REWRITE_TOKENS ? List.of() : versionsOrNone(rewriter, t, tokens, s, e.getValue(), lang));
        }
        List<String> suggestions;
        try {
            suggestions = assemble(t, tokens, sentences, versions, this::clean, !refine);
            if (refine) {
                suggestions = suggestions.stream().map(LastGate::calmMarks)
                        .map(lang == Lang.RU ? new coach.text.morph.Typos(coach.text.morph.Morphology.russian())::fix : s -> s)
                        .distinct().toList();
            }
        } catch (RuntimeException ex) {
            LOG.warn("phrasing: assembling the suggestions failed ({}); the findings are reported without them", ex.toString());
            LOG.debug("phrasing: assembly failure", ex);
            suggestions = List.of();
        }
        List<Finding> findings = new ArrayList<>(hits.size());
        for (Map.Entry<Integer, List<Hit>> e : bySentence.entrySet()) {
            // rewritable: its sentence has a verified version and the message around it still makes a suggestion
            boolean rewritable = !versions.get(e.getKey()).isEmpty() && !suggestions.isEmpty();
            for (Hit h : e.getValue()) {
                List<String> o = h.options();
                String say = o.isEmpty() || Templates.hasSlots(o.get(0)) ? null : Templates.display(o.get(0));
                boolean model = !Double.isNaN(h.confidence());
                findings.add(new Finding(h.rule.id(), h.rule.category().id(), h.start, h.end, h.fragment,
                        h.rule.principle().id(), h.rule.principle().title(lang), h.why(), rewritable, say,
                        model ? Finding.MODEL : Finding.RULE, h.confidence()));
            }
        }
        if (refine && lang == Lang.EN && hasJargon(hits)) {
            findings = unexplainedEnglish(t, tokens, findings);
        }
        if (refine && lang == Lang.RU && (!suggestions.isEmpty() || hasJargon(hits))) {
            // with nothing to offer, a message with jargon still gets its unexplained terms named
            findings = unexplained(t, tokens, sentences, bySentence, suggestions.isEmpty() ? t : suggestions.get(0), findings);
        }
        if (findings.stream().anyMatch(f -> !f.rewritable())) {
            // a version that leaves a risky sentence as it was is not one to send: it is shown apart, as a head start
            if (Trace.ON && refine) {
                Trace.say("  withheld: no version for " + findings.stream().filter(f -> !f.rewritable()).map(Finding::rule).distinct().toList());
            }
            return new CheckResult(t, lang, List.copyOf(findings), List.of(), suggestions);
        }
        List<String> doubtful = refine && !suggestions.isEmpty() ? doubtful(t, tokens, sentences, bySentence, scores) : List.of();
        if (!doubtful.isEmpty()) {
            // the rest of the message may still sound risky: a version that leaves it as it was is no version to send
            if (Trace.ON) {
                Trace.say("  withheld: the tone model doubts " + doubtful);
            }
            return new CheckResult(t, lang, List.copyOf(findings), List.of(), suggestions, doubtful);
        }
        String rewrittenDoubt = refine && !suggestions.isEmpty() ? suspectRewritten(t, sentences, findings, suggestions.get(0)) : null;
        if (rewrittenDoubt != null) {
            // a sentence the version changed is held to the standard of one it left as it was: the rule fixed its
            // phrase, and the model still hears the rest («…, к сожалению, не сможем, даже не ждите», "…, your choice")
            if (Trace.ON) {
                Trace.say("  withheld: the tone model suspects the version's «" + rewrittenDoubt + "»");
            }
            return new CheckResult(t, lang, List.copyOf(findings), List.of(), suggestions, List.of(rewrittenDoubt));
        }
        if (refine && residual != null && !suggestions.isEmpty()) {
            // the last gate: a rule fixed its phrase, but the version may keep other words no rule knows («и точка»)
            boolean register = false;
            for (Finding f : findings) {
                register |= f.category().equals(Category.INFORMAL.id()) || f.category().equals(Category.RUDE.id());
            }
            java.util.Optional<LastGate.Kept> kept = LastGate.kept(suggestions.get(0), t, tokens, lang, residual, register);
            if (kept.isPresent()) {
                if (Trace.ON) {
                    Trace.say("  withheld: the last gate keeps «" + kept.get().what() + "» in «" + kept.get().sentence() + "»");
                }
                return new CheckResult(t, lang, List.copyOf(findings), List.of(), suggestions, List.of(kept.get().sentence()), kept.get().what());
            }
        }
        return new CheckResult(t, lang, List.copyOf(findings), suggestions);
    }

    /**
     * Categories whose rewrites change words, not what the sentence says: a jargon term glossed, an insult or a coarse
     * word replaced or left out, «ты» made «вы», a fault said without a culprit («Размер был неверно указан»). The rest
     * of such a sentence is the writer's fact, and the model's reading of it (anger it still hears in «Кто из ваших
     * водителей снёс ворота?», a fault in «the wrong password») is no reason to withhold the version.
     */
    private static final Set<Category> WORD_LEVEL = java.util.EnumSet.of(Category.JARGON, Category.INSULT, Category.INFORMAL,
            Category.BLAME);

    /**
     * The first sentence of {@code version} that is not one of the draft's and that the tone model suspects at its lower
     * level ({@link coach.tone.ToneChecker#suspect}), or null; none for a message whose findings are all {@link #WORD_LEVEL}.
     */
    private String suspectRewritten(String t, List<Segments.Segment> sentences, List<Finding> findings, String version) {
        if (tone == null || findings.stream().allMatch(f -> WORD_LEVEL.contains(Category.of(f.category())))) {
            return null;
        }
        Set<String> draft = new java.util.HashSet<>();
        for (Segments.Segment s : sentences) {
            draft.add(t.substring(s.start(), s.end()).strip());
        }
        Set<String> draftWords = new java.util.HashSet<>();
        for (Token w : TextAnalyzer.analyze(t)) {
            if (w.isWord()) {
                draftWords.add(w.norm());
            }
        }
        List<Token> vt = TextAnalyzer.analyze(version);
        for (Segments.Segment s : Segments.sentences(version, vt)) {
            String text = version.substring(s.start(), s.end()).strip();
            if (!draft.contains(text) && !greeting(vt, s) && !piece(text) && mostlyDraft(vt, s, draftWords)
                    && tone.checker().suspect(text, TextAnalyzer.analyze(text), false)) {
                return text;
            }
        }
        return null;
    }

    /**
     * Whether a segment is a piece of a sentence joined by «;» (it ends with one, or starts in small letters after one):
     * the model learned whole sentences and reads such a piece out of its sentence («otherwise, we'll have to …»).
     */
    private static boolean piece(String text) {
        return text.endsWith(";") || !text.isEmpty() && Character.isLowerCase(text.codePointAt(0));
    }

    /**
     * Whether at least half the words of a version's sentence are the draft's: a sentence mostly of a rule's own
     * wording («Лучше решить этот вопрос напрямую с поставщиком.») was vetted with the rule's examples.
     */
    private static boolean mostlyDraft(List<Token> tokens, Segments.Segment s, Set<String> draftWords) {
        int words = 0;
        int own = 0;
        for (int i = s.fromToken(); i < s.toToken(); i++) {
            Token w = tokens.get(i);
            if (w.isWord()) {
                words++;
                own += draftWords.contains(w.norm()) ? 1 : 0;
            }
        }
        return own * 2 >= words;
    }

    /** The rule id of a term a suggestion would keep unexplained (see {@link UnexplainedTerms}). */
    static final String UNEXPLAINED = "ru.jargon.unexplained";

    /**
     * The findings with one more per term the first suggestion keeps unexplained («пул подключений к БД», «редлайн»,
     * «Governing law»): in the whole message when it has a jargon finding, else in the sentences the suggestion
     * rewrites. Such a finding is not rewritable, so the suggestion is withheld and the report names the words for
     * the writer to explain.
     */
    private List<Finding> unexplained(String t, List<Token> tokens, List<Segments.Segment> sentences, Map<Integer, List<Hit>> bySentence,
            String first, List<Finding> findings) {
        Rule jargon = null;
        boolean jargonMessage = false;
        for (List<Hit> hs : bySentence.values()) {
            for (Hit h : hs) {
                jargonMessage |= h.rule().category() == Category.JARGON;
            }
        }
        for (Rule r : rules(Lang.RU)) {
            if (r.category() == Category.JARGON) {
                jargon = r;
                break;
            }
        }
        if (jargon == null) {
            return findings;
        }
        // the sentences the suggestion leaves as the draft had them are the writer's own, unless the message has jargon
        Set<String> untouched = new java.util.HashSet<>();
        for (int i = 0; i < sentences.size(); i++) {
            if (!bySentence.containsKey(i)) {
                untouched.add(t.substring(sentences.get(i).start(), sentences.get(i).end()).strip());
            }
        }
        List<Token> ft = TextAnalyzer.analyze(first);
        List<Token> scope = new ArrayList<>();
        for (Segments.Segment seg : Segments.sentences(first, ft)) {
            if (jargonMessage || !untouched.contains(first.substring(seg.start(), seg.end()).strip())) {
                scope.addAll(ft.subList(seg.fromToken(), seg.toToken()));
            }
        }
        List<UnexplainedTerms.Term> terms = this.terms.find(scope, ft, jargonMessage);
        if (terms.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(findings);
        boolean any = false;
        for (UnexplainedTerms.Term term : terms) {
            int at = wordAt(t, term.text());
            if (at < 0) {
                continue;
            }
            String why = "«" + term.text() + "» клиент может не понять: объясните это слово простыми словами или замените его.";
            int k = overlapping(out, at, at + term.text().length());
            if (k >= 0 && out.get(k).category().equals(Category.JARGON.id())) {
                continue; // a jargon finding of its own names it already
            }
            if (k >= 0) {
                // inside a finding of its own («без него по ОМС не проведём»): that one is to be rephrased by hand, the term named
                Finding f = out.get(k);
                out.set(k, new Finding(f.rule(), f.category(), f.start(), f.end(), f.fragment(), f.principleId(), f.principle(),
                        f.why() + " " + why, false, f.say(), f.source(), f.confidence()));
                any = true;
                continue;
            }
            out.add(new Finding(UNEXPLAINED, Category.JARGON.id(), at, at + term.text().length(), term.text(), jargon.principle().id(),
                    jargon.principle().title(Lang.RU), why, false, null, Finding.RULE, Double.NaN));
            any = true;
        }
        if (!any) {
            return findings;
        }
        out.sort(Comparator.comparingInt(Finding::start));
        return out;
    }

    private static boolean hasJargon(List<Hit> hits) {
        for (Hit h : hits) {
            if (h.rule().category() == Category.JARGON) {
                return true;
            }
        }
        return false;
    }

    /**
     * The findings of an English message with jargon, with one more per abbreviation it leaves unexplained («TTL»,
     * «CNAME», «FCL»): a suggestion that keeps them is not one to send.
     */
    private List<Finding> unexplainedEnglish(String t, List<Token> tokens, List<Finding> findings) {
        Rule jargon = null;
        for (Rule r : rules(Lang.EN)) {
            if (r.category() == Category.JARGON) {
                jargon = r;
                break;
            }
        }
        if (jargon == null) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(findings);
        boolean any = false;
        for (UnexplainedTerms.Term term : terms.findEnglish(tokens)) {
            if (overlapping(out, term.start(), term.end()) >= 0) {
                continue; // a jargon rule of its own has it
            }
            out.add(new Finding(UNEXPLAINED_EN, Category.JARGON.id(), term.start(), term.end(), term.text(), jargon.principle().id(),
                    jargon.principle().title(Lang.EN), "«" + term.text() + "» may be unclear to the client: spell it out or say it in plain words.",
                    false, null, Finding.RULE, Double.NaN));
            any = true;
        }
        if (!any) {
            return findings;
        }
        out.sort(Comparator.comparingInt(Finding::start));
        return out;
    }

    /** The rule id of an English abbreviation a suggestion would keep unexplained. */
    static final String UNEXPLAINED_EN = "en.jargon.unexplained";

    /** Where {@code word} first stands in {@code text} as a whole word; -1 when it does not. */
    private static int wordAt(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            boolean left = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            int e = at + word.length();
            boolean right = e >= text.length() || !Character.isLetterOrDigit(text.charAt(e));
            if (left && right) {
                return at;
            }
        }
        return -1;
    }

    private static int overlapping(List<Finding> findings, int start, int end) {
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f.start() < end && start < f.end()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The sentences no finding covers (the suggestions keep them as they were) that the tone model still suspects at its
     * lower level: «Насчёт недостачи: ваши же кладовщики не пересчитали» beside a rewritten «вопрос к ним».
     */
    private List<String> doubtful(String t, List<Token> tokens, List<Segments.Segment> sentences, Map<Integer, List<Hit>> rewritten,
            coach.tone.ToneChecker.Scores scores) {
        if (tone == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(0);
        for (int i = 0; i < sentences.size(); i++) {
            Segments.Segment s = sentences.get(i);
            if (rewritten.containsKey(i) || s.size() > MAX_REWRITE_TOKENS) {
                continue;
            }
            String text = t.substring(s.start(), s.end());
            // sarcasm runs over neighbouring sentences («Вы серьёзно …? Ну, сейчас мы всё угадаем, конечно.»): beside a
            // sarcastic one, a sentence is suspect at the lower level even with no evidence of its own; the check above
            // scored most of these sentences already (same text, same tokens): their scores are reused
            boolean strict = sarcastic(rewritten.get(i - 1)) || sarcastic(rewritten.get(i + 1));
            if (!greeting(tokens, s) && tone.checker().suspect(text, tokens.subList(s.fromToken(), s.toToken()), strict, scores)) {
                out.add(text);
            }
        }
        return out;
    }

    private static boolean sarcastic(List<Hit> hits) {
        if (hits == null) {
            return false;
        }
        for (Hit h : hits) {
            if (h.rule().category() == Category.SARCASM) {
                return true;
            }
        }
        return false;
    }

    /** Words of a greeting or an address: «Добрый день, Ольга Викторовна.», «Hi Mark.» say nothing to suspect. */
    private static final Set<String> GREETING = Set.of("добрый", "доброе", "день", "вечер", "утро", "здравствуйте", "привет",
            "приветствую", "коллеги", "уважаемый", "уважаемая", "уважаемые", "дорогой", "дорогая", "дорогие", "всем", "hello", "hi",
            "dear", "good", "morning", "afternoon", "evening", "team", "colleagues", "all", "everyone");

    /**
     * Whether the sentence holds a word of greeting or address at all: {@link #greeting} alone also passes a sentence all
     * in capitals («ВЫ ЧТО ТВОРИТЕ»), which is no greeting.
     */
    static boolean greets(List<Token> tokens, Segments.Segment s) {
        for (int i = s.fromToken(); i < s.toToken(); i++) {
            Token w = tokens.get(i);
            if (w.isWord() && GREETING.contains(w.norm()) && !Shouting.allCapsWord(w.text())) {
                return true;
            }
        }
        return false;
    }

    static boolean greeting(List<Token> tokens, Segments.Segment s) {
        for (int i = s.fromToken(); i < s.toToken(); i++) {
            Token w = tokens.get(i);
            if (w.isWord() && !GREETING.contains(w.norm()) && !Character.isUpperCase(w.text().charAt(0))) {
                return false;
            }
        }
        return true;
    }

    private SentenceRewriter rewriter(boolean refine) {
        return new SentenceRewriter(this::clean, this::cleanOfWords, inflector, s -> {
            if (!refine) {
                return java.util.Optional.empty();
            }
            CheckResult again = checkOnce(s, false);
            return again.complete() ? java.util.Optional.of(again.suggestions().get(0)) : java.util.Optional.empty();
        }).noFactWords(noFact);
    }

    /** Whole-message suggestions from the sentences' verified versions; the k-th takes each sentence's k-th (or last) version. */
    private static List<String> assemble(String text, List<Token> tokens, List<Segments.Segment> sentences, Map<Integer, List<String>> versions,
            java.util.function.BiPredicate<String, List<Token>> clean) {
        return assemble(text, tokens, sentences, versions, clean, false);
    }

    /**
     * @param leftOut whether a suggestion may be empty: the second pass over one sentence's version («Обсуждать тут
     *                больше нечего.») may answer "leave it out", which the first pass then checks against the draft
     */
    private static List<String> assemble(String text, List<Token> tokens, List<Segments.Segment> sentences, Map<Integer, List<String>> versions,
            java.util.function.BiPredicate<String, List<Token>> clean, boolean leftOut) {
        int n = 0;
        for (List<String> v : versions.values()) {
            n = Math.max(n, v.size());
        }
        // which sentences of the draft already say who does what next (once per message: the time stays linear)
        boolean[] saysNext = new boolean[sentences.size()];
        int saying = 0;
        for (int i = 0; i < sentences.size(); i++) {
            Segments.Segment s = sentences.get(i);
            saysNext[i] = SentenceRewriter.saysNextStep(tokens, s.fromToken(), s.toToken());
            saying += saysNext[i] ? 1 : 0;
        }
        Set<String> out = new LinkedHashSet<>();
        Asked asked = new Asked();
        for (int k = 0; k < n && out.size() < MAX_SUGGESTIONS; k++) {
            StringBuilder b = new StringBuilder(text.length() + 64);
            int at = 0;
            boolean added = false;
            String address = null; // the client's name of a sentence left out, handed on to the next one
            for (Map.Entry<Integer, List<String>> e : versions.entrySet()) {
                List<String> vs = e.getValue();
                if (vs.isEmpty()) {
                    continue;
                }
                Segments.Segment s = sentences.get(e.getKey());
                String between = text.substring(at, s.start());
                if (address != null && between.codePoints().anyMatch(Character::isLetter)) {
                    between = addressed(address, between);
                    address = null;
                }
                b.append(between);
                boolean restSays = added || saying - (saysNext[e.getKey()] ? 1 : 0) > 0;
                String original = text.substring(s.start(), s.end());
                String v = unstacked(vs, Math.min(k, vs.size() - 1), b.toString(), text.substring(s.end()), original, restSays, clean, asked);
                if (v == null) {
                    b = null; // no version of this sentence fits beside the rest: no k-th suggestion
                    break;
                }
                added |= !v.isEmpty() && asked.promisesNextStep(v) && !asked.promisesNextStep(original);
                at = s.end();
                if (!v.isEmpty() && address != null) {
                    v = addressed(address, v);
                    address = null;
                }
                if (v.isEmpty() && address == null) {
                    address = SentenceRewriter.vocative(original);
                }
                if (v.isEmpty()) {
                    // leave the sentence out with the space after it (or before it, at the end of a line)
                    while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                        at++;
                    }
                    if (at >= text.length() || text.charAt(at) == '\n') {
                        while (b.length() > 0 && (b.charAt(b.length() - 1) == ' ' || b.charAt(b.length() - 1) == '\t')) {
                            b.setLength(b.length() - 1);
                        }
                    }
                } else {
                    b.append(semicolonKept(v, original, b, text.substring(at)));
                }
            }
            if (b == null) {
                continue;
            }
            String tail = text.substring(at);
            if (address != null) {
                if (tail.codePoints().noneMatch(Character::isLetter)) {
                    continue; // the name would be lost with the sentence left out
                }
                tail = addressed(address, tail);
            }
            b.append(tail);
            String s = b.toString().strip();
            if (s.isEmpty() && leftOut) {
                out.add("");
                continue;
            }
            if (s.isEmpty() || s.equals(text.strip())) {
                continue;
            }
            List<Token> st = TextAnalyzer.analyze(s);
            String cased = sentenceStarts(s, st);
            if (!cased.equals(s)) {
                s = cased;
                st = TextAnalyzer.analyze(s);
            }
            if (hasContent(s, st) && !(SentenceRewriter.doubled(st) && !SentenceRewriter.doubled(tokens)) && !saysTwice(st, tokens)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The next text with the client's address put before its first word: «Сергей,» + «Выписку отправили вчера.» →
     * «Сергей, выписку отправили вчера.» (a name or an abbreviation keeps its capital).
     */
    static String addressed(String address, String next) {
        int i = 0;
        while (i < next.length() && !Character.isLetterOrDigit(next.charAt(i))) {
            i++;
        }
        if (i >= next.length()) {
            return next;
        }
        int j = i;
        while (j < next.length() && (Character.isLetter(next.charAt(j)) || next.charAt(j) == '-')) {
            j++;
        }
        String word = next.substring(i, j);
        String lowered = word.isEmpty() || !coach.text.Lang.isCyrillic(word.charAt(0)) ? word : Templates.lowerUnlessName(word);
        return next.substring(0, i) + address + " " + lowered + next.substring(j);
    }

    /** Short Latin words written with a dot that do not end a sentence. */
    private static final Set<String> LATIN_ABBREVIATIONS = Set.of("etc", "inc", "ltd", "est", "min", "max", "vol", "fig", "ref",
            "tel", "ext", "avg", "qty", "pcs", "dept", "approx", "incl", "excl", "misc", "no", "nos", "pp", "co", "corp", "jan",
            "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat",
            "sun", "st", "rd", "ave", "blvd", "apt", "bldg", "mrs", "mr", "ms", "dr", "prof", "vs", "cf", "eg", "ie", "am", "pm");

    /**
     * The version with a capital at the start of every sentence the draft began in lower case («…не продлеваем. заказ
     * 77120 снимется…»): the word before the full stop must be a dictionary word of four letters or more (a Latin one of three, unless it is
     * one of {@link #LATIN_ABBREVIATIONS}), so that «руб. и»,
     * «ул. Ленина», «т. е.» and «Mrs. Green» stay as written.
     */
    static String sentenceStarts(String s, List<Token> ts) {
        StringBuilder out = null;
        for (int i = 2; i < ts.size(); i++) {
            Token w = ts.get(i);
            Token mark = ts.get(i - 1);
            Token before = ts.get(i - 2);
            if (!w.isWord() || !Character.isLowerCase(w.text().charAt(0)) || !before.isWord() || mark.isWord()
                    || !(mark.text().equals(".") || mark.text().equals("!") || mark.text().equals("?"))
                    || mark.start() != before.end() || w.start() == mark.end() || before.text().length() < 3) {
                continue;
            }
            char c = before.norm().charAt(0);
            if (before.text().length() < 4 && (Lang.isCyrillic(c) || LATIN_ABBREVIATIONS.contains(before.norm()))) {
                continue; // «руб.», «тыс.», "approx." "etc.": a short word before a dot may be an abbreviation
            }
            boolean known;
            if (Lang.isCyrillic(c)) {
                known = false;
                for (coach.text.morph.Reading r : coach.text.morph.Morphology.russian().analyze(before.norm())) {
                    known |= !r.pos().startsWith("ABR");
                }
            } else {
                known = c < 128 && before.text().chars().allMatch(Character::isLetter);
            }
            if (!known) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s);
            }
            out.setCharAt(w.start(), Character.toUpperCase(s.charAt(w.start())));
        }
        return out == null ? s : out.toString();
    }

    /**
     * Whether more sentences of the version than of the draft start with the same two words, two or more: two sentences
     * rewritten with one stock start («Лучше обратиться к отправителю. Лучше обратиться в магазин.») read as a form
     * letter. Starts of two short words («и в», «to the») do not count.
     */
    static boolean saysTwice(List<Token> version, List<Token> draft) {
        int lets = invitations(version);
        if (lets > 1 && lets > invitations(draft)) {
            // «…, so let's check it together. Let's look at what we can do now.»: two stock invitations
            return true;
        }
        Map<String, Integer> v = pairs(version);
        if (v.isEmpty()) {
            return false;
        }
        Map<String, Integer> d = null;
        for (Map.Entry<String, Integer> e : v.entrySet()) {
            if (e.getValue() < 2) {
                continue;
            }
            if (d == null) {
                d = pairs(draft);
                if (d.values().stream().anyMatch(c -> c >= 2)) {
                    return false; // a draft that repeats itself («Это не наша проблема… Это не наша проблема…») may be rewritten alike
                }
            }
            if (e.getValue() > d.getOrDefault(e.getKey(), 0)) {
                return true;
            }
        }
        return false;
    }

    /** How many «давайте» / "let's" / "let us" the tokens hold. */
    private static int invitations(List<Token> ts) {
        int n = 0;
        for (int i = 0; i < ts.size(); i++) {
            String w = ts.get(i).norm();
            if (w.equals("давайте")) {
                n++;
            } else if (w.equals("let") && i + 1 < ts.size() && (ts.get(i + 1).norm().equals("us")
                    || i + 2 < ts.size() && Set.of("'", "’").contains(ts.get(i + 1).norm()) && ts.get(i + 2).norm().equals("s"))) {
                n++; // tokens «let», «'», «s»
            }
        }
        return n;
    }

    /** The first two words of every sentence. */
    private static Map<String, Integer> pairs(List<Token> ts) {
        Map<String, Integer> out = new java.util.HashMap<>();
        boolean start = true;
        Token prev = null;
        for (Token t : ts) {
            if (!t.isWord()) {
                String x = t.text();
                if (x.equals(".") || x.equals("!") || x.equals("?") || x.equals("…")) {
                    start = true;
                    prev = null;
                }
                continue;
            }
            if (start && prev == null) {
                prev = t;
            } else if (start) {
                if (prev.norm().length() >= 4 || t.norm().length() >= 4) {
                    out.merge(prev.norm() + ' ' + t.norm(), 1, Integer::sum);
                }
                start = false;
                prev = null;
            }
        }
        return out;
    }

    /** Stock pieces a rewrite adds that a message needs at most once: the regret and the offer of another option. */
    private static final java.util.regex.Pattern SOFTENER = java.util.regex.Pattern.compile("(?iuU)к сожалению|unfortunately|\\bsorry\\b|\\bI'?m afraid\\b|\\bI am afraid\\b");
    private static final java.util.regex.Pattern OFFER = java.util.regex.Pattern.compile(
            "(?iuU)(?<!\\bне\\s)\\b(предлож\\w*|предлага\\w*|готов[аы]?|подскаж\\w*|поищ\\w*|помож\\w*|помогу|можно|можем|сможем|могу|смогу|"
                    + "other options?|happy to|glad to|we can|I can|could)\\b");

    /** The literal starts of {@link #OFFER}'s words, lower case: a text with none of them cannot match it. */
    private static final String[] OFFER_STARTS = {"предл", "готов", "подскаж", "поищ", "помо", "мож", "смож", "мог", "смог",
            "other option", "happy to", "glad to", "we can", "i can", "could"};

    /**
     * Whether a text has one of {@link #OFFER_STARTS}, compared letter by letter as {@code (?iu)} compares them (each
     * character folded by upper- then lower-casing): the search for the expression itself costs far more.
     */
    static boolean mayOffer(String s) {
        return coach.text.CaseFold.containsAny(s, OFFER_STARTS);
    }

    /** Literals every match of {@link #SOFTENER} holds, folded: a text with none of them has no regret. */
    private static final String[] SOFTENER_WORDS = {"к сожалению", "unfortunately", "sorry", "afraid"};
    /** The verbs every match of {@link #REDIRECT} ends with, folded. */
    private static final String[] REDIRECT_VERBS = {"обратиться", "связаться", "направить", "решить", "уточнить"};

    /** Whether a text may say where to turn: {@link #REDIRECT} cannot match without one of its verbs. */
    private static boolean mayRedirect(String s) {
        return coach.text.CaseFold.containsAny(s, REDIRECT_VERBS);
    }

    /**
     * Where to turn, as a rewrite says it («лучше обратиться к…», «можно связаться с ним напрямую»): a direction, not an
     * offer of ours, and one a message needs once.
     */
    private static final java.util.regex.Pattern REDIRECT = java.util.regex.Pattern.compile(
            "(?iuU)\\b(?:лучше|можно|стоит|советуем|рекомендуем|советую|рекомендую)\\s+(?:обратиться|связаться|направить|решить|уточнить)\\b");

    /**
     * Whether a version says where to turn twice: «По доставке — лучше обратиться к СДЭКу. Можно связаться с ними
     * напрямую.» (two rules of one sentence each put in their redirect).
     */
    static boolean redirectsTwice(String v) {
        if (!mayRedirect(v)) {
            return false;
        }
        java.util.regex.Matcher m = REDIRECT.matcher(v);
        return m.find() && m.find();
    }

    /** Whether the version brings what the original sentence did not have while the rest has it already. */
    private static boolean adds(java.util.regex.Pattern p, String version, String original, String rest) {
        return p.matcher(version).find() && !p.matcher(original).find() && p.matcher(rest).find();
    }

    /** An English direction elsewhere, as a rewrite says it: «It's best to contact your broker», «please check with the bank». */
    private static final java.util.regex.Pattern REDIRECT_EN = java.util.regex.Pattern.compile(
            "(?iuU)\\b(?:best|better|please|can|could|should|need to|go|go and)\\s+(?:to\\s+)?(?:contact|reach|ask|check with|speak (?:to|with)|talk (?:to|with)|get in touch with)\\b");
    /**
     * A stock promise of our own help or of an alternative of ours: «готовы помочь вам решить возникшие трудности»,
     * «постараемся предложить другой вариант», «I'll pass your question to the right colleague».
     */
    private static final java.util.regex.Pattern HELP = java.util.regex.Pattern.compile(
            "(?iuU)\\b(?:готовы помочь|помочь вам решить|предлож\\w* (?:вам )?другой вариант|подскаж\\w* другие варианты|поищу решение|посмотрим, что можно сделать|разберёмся в ситуации вместе|поищем, чем ещё можно помочь|поможем во всём разобраться|уточн\\w* (?:этот вопрос |это )?у коллег|check with my colleagues|pass (?:your|the) (?:question|request)|make sure you get an answer|(?:ready|happy|glad) to help|find a solution|offer (?:you )?(?:an|another) option)\\b");

    /** The verbs one of which every match of {@link #REDIRECT_EN} holds, folded. */
    private static final String[] REDIRECT_EN_VERBS = {"contact", "reach", "ask", "check with", "speak ", "talk ", "get in touch with"};

    /** Literals every match of {@link #HELP} holds, folded: a text with none of them promises no help of ours. */
    private static final String[] HELP_WORDS = {"готовы помочь", "помочь вам решить", "другой вариант", "другие варианты",
            "поищу решение", "посмотрим, что можно сделать", "разберёмся в ситуации вместе", "поищем, чем ещё можно помочь",
            "поможем во всём разобраться", "у коллег", "check with my colleagues", "pass ", "make sure you get an answer", "to help",
            "find a solution", "option"};

    /** Whether a text holds a stock promise of our help ({@link #HELP}). */
    static boolean helps(String s) {
        return coach.text.CaseFold.containsAny(s, HELP_WORDS) && HELP.matcher(s).find();
    }

    /**
     * Whether a version brings our own help or an alternative of ours while it, or the rest of the message, sends the
     * client elsewhere: «Раздражение — лучше обратиться к дерматологу. …, но постараемся предложить другой вариант»,
     * «I'll pass your question to the right colleague… It's best to contact your broker».
     */
    private static boolean helpsAndSendsAway(String v, String original, String rest, Asked asked) {
        boolean helps = asked.helps(v) && !asked.helps(original);
        if (!helps) {
            return false;
        }
        String both = v + " " + rest;
        return (mayRedirect(both) && REDIRECT.matcher(both).find())
                || (coach.text.CaseFold.containsAny(both, REDIRECT_EN_VERBS) && REDIRECT_EN.matcher(both).find());
    }

    /** Whether a text offers something of ours («подскажу», «готовы предложить»), a direction elsewhere aside. */
    private static boolean offers(String s) {
        return OFFER.matcher(mayRedirect(s) ? REDIRECT.matcher(s).replaceAll(" ") : s).find();
    }

    /**
     * The version of a sentence to put in: the k-th, unless it adds a regret, an offer or a direction the rest of the
     * message already has («к сожалению» twice, a second «готовы предложить другой вариант» after «можно забрать в
     * офисе», «Можно связаться с ним напрямую» after «лучше обратиться к преподавателю»); then the first version that
     * does not. Falls back to the k-th.
     */
    /**
     * A sentence that ended with «;» before a lower-case word goes on into the next one: its version keeps the «;»
     * («We'll ping you; the file is ready.» → «We'll message you; the file is ready.», not «…you. the file…»).
     */
    static String semicolonKept(String v, String original, CharSequence before, String after) {
        String o = original.strip();
        if (!o.isEmpty() && Character.isLowerCase(o.codePointAt(0)) && before.toString().strip().endsWith(";")) {
            v = Rewriter.decapitalise(v); // the sentence after a «;» goes on in lower case, as the user wrote it
        }
        if (!o.endsWith(";") || v.strip().endsWith(";")) {
            return v;
        }
        String next = after.stripLeading();
        if (next.isEmpty() || !Character.isLowerCase(next.codePointAt(0))) {
            return v;
        }
        String t = v.strip();
        int last = t.length();
        while (last > 0 && ".,;:".indexOf(t.charAt(last - 1)) >= 0) {
            last--;
        }
        return t.substring(0, last) + ";";
    }

    private static String unstacked(List<String> vs, int k, String before, String after, String original, boolean restSays,
            java.util.function.BiPredicate<String, List<Token>> clean, Asked asked) {
        String rest = before + " " + after;
        // an offer closes the message: before other sentences it breaks the thread («…, подскажу варианты. Даже маленьких.»)
        for (int i = -1; i < vs.size(); i++) {
            String v = vs.get(i < 0 ? k : i);
            if (!asked.addsRegret(v, original, rest) && !(mayRedirect(v) && adds(REDIRECT, v, original, before)) && !redirectsTwice(v)
                    && !(restSays && asked.addsNextStep(v, original))
                    && !(asked.offers(v) && !asked.offers(original) && (asked.offers(rest) || hasLetters(after)))
                    && !helpsAndSendsAway(v, original, rest, asked)) {
                return v;
            }
        }
        String v = vs.get(k);
        if (helpsAndSendsAway(v, original, rest, asked)) {
            // «лучше обратиться в магазин… Мы готовы помочь вам решить трудности»: our help beside a direction elsewhere
            return null;
        }
        if (redirectsTwice(v)) {
            return null; // «лучше обратиться к …» and «Можно связаться с ними напрямую» in one sentence: no version says it once
        }
        if (restSays && asked.addsNextStep(v, original)) {
            // one next step per message: «Я уточню срок и сообщу вам» beside «мы спросим сами и вернёмся к вам» says it twice
            return null;
        }
        if (asked.addsRegret(v, original, rest)) {
            // one regret per message: the second one is left out, and the sentence must still read clean without it
            String cut = withoutRegret(v, original);
            return cut.equals(v) || !clean.test(cut, TextAnalyzer.analyze(cut)) ? null : cut;
        }
        return v;
    }

    private static final java.util.regex.Pattern REGRET_BETWEEN_COMMAS = java.util.regex.Pattern.compile("(?iuU),\\s*(?:к сожалению|unfortunately)\\s*,");
    private static final java.util.regex.Pattern REGRET_OPENING = java.util.regex.Pattern.compile("(?iuU)^(?:к сожалению|unfortunately)\\s*,?\\s*");
    private static final java.util.regex.Pattern REGRET_CLOSING = java.util.regex.Pattern.compile("(?iuU),?\\s*(?:к сожалению|unfortunately)\\s*(?=[.!?…]|$)");
    private static final java.util.regex.Pattern REGRET_INSIDE = java.util.regex.Pattern.compile("(?iuU)\\s+(?:к сожалению|unfortunately)\\b\\s*");

    /**
     * The sentence without its regret, punctuation mended: «Остальное не повезём, к сожалению, делить партию не будем» →
     * «Остальное не повезём, делить партию не будем»; «Refund is unfortunately declined» → «Refund is declined».
     */
    static String withoutRegret(String v, String original) {
        // «, к сожалению,» between two clauses leaves their comma, inside one clause none: as many commas as the client wrote
        String comma = REGRET_BETWEEN_COMMAS.matcher(v).replaceAll(",");
        String space = REGRET_BETWEEN_COMMAS.matcher(v).replaceAll(" ");
        String s = Math.abs(commas(comma) - commas(original)) <= Math.abs(commas(space) - commas(original)) ? comma : space;
        java.util.regex.Matcher m = REGRET_OPENING.matcher(s);
        if (m.find()) {
            s = Rewriter.capitalise(s.substring(m.end()));
        }
        s = REGRET_CLOSING.matcher(s).replaceAll("");
        s = REGRET_INSIDE.matcher(s).replaceAll(" ");
        return s.replaceAll("\\s{2,}", " ").strip();
    }

    private static int commas(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == ',' ? 1 : 0;
        }
        return n;
    }

    /** Whether a text checks clean by every rule and the tone model. */
    private boolean clean(String s, List<Token> ts) {
        List<Hit> left = scan(s, ts, Lang.detect(s));
        if (!left.isEmpty()) {
            if (Trace.ON) {
                Trace.say("  still found by " + left.stream().map(h -> h.rule().id() + " «" + h.fragment() + "»").toList());
            }
            return false;
        }
        if (tone != null && tone.flags(s, ts)) {
            Trace.say("  still flagged by the tone model");
            return false;
        }
        return true;
    }

    /** {@link #clean} by the rules and the word list, the tone model aside: for sentences whose only findings are listed words. */
    private boolean cleanOfWords(String s, List<Token> ts) {
        return scan(s, ts, Lang.detect(s)).isEmpty() && (tone == null || !tone.flagsWords(s, ts));
    }

    /**
     * What the stock-piece tests say of each text, asked once per assembly: every suggestion asks them again of the same
     * sentences, versions and surroundings (each a regular expression or a tokenization).
     */
    private static final class Asked {
        private final Map<String, Boolean> next = new java.util.HashMap<>();
        private final Map<String, Boolean> offer = new java.util.HashMap<>();
        private final Map<String, Boolean> regret = new java.util.HashMap<>();
        private final Map<String, Boolean> help = new java.util.HashMap<>();

        boolean helps(String s) {
            return help.computeIfAbsent(s, PhrasingEngine::helps);
        }

        boolean promisesNextStep(String s) {
            return next.computeIfAbsent(s, SentenceRewriter::promisesNextStep);
        }

        boolean offers(String s) {
            return offer.computeIfAbsent(s, x -> mayOffer(x) && PhrasingEngine.offers(x));
        }

        /** Whether the version brings a regret the original sentence did not have while the rest has one. */
        boolean addsRegret(String version, String original, String rest) {
            return regrets(version) && !regrets(original) && regrets(rest);
        }

        private boolean regrets(String s) {
            return regret.computeIfAbsent(s, x -> coach.text.CaseFold.containsAny(x, SOFTENER_WORDS) && SOFTENER.matcher(x).find());
        }

        /** Whether the version promises a next step of ours the original sentence did not. */
        boolean addsNextStep(String version, String original) {
            return !version.isEmpty() && promisesNextStep(version) && !promisesNextStep(original);
        }
    }

    private static boolean hasLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a message says something beyond a greeting or a name: some sentence of two words or more. */
    private static boolean hasContent(String s, List<Token> ts) {
        for (Segments.Segment seg : Segments.sentences(s, ts)) {
            int words = 0;
            for (int i = seg.fromToken(); i < seg.toToken(); i++) {
                if (ts.get(i).kind() != Token.Kind.PUNCT) {
                    words++;
                }
            }
            if (words >= 2) {
                return true;
            }
        }
        return false;
    }

    /** Every rule, per language, in file order. */
    List<Rule> rules(Lang lang) {
        return rules.get(lang).get().rules();
    }

    List<Rule> allRules() {
        List<Rule> all = new ArrayList<>();
        rules.values().forEach(r -> all.addAll(r.get().rules()));
        return all;
    }

    /**
     * Whether a jargon term written in capitals («БАК», «ТО») matched a word written in small letters that the dictionary
     * knows as an ordinary word: «на бак и теплообменник» is a tank, not «биохимический анализ крови».
     */
    private static boolean lowerCaseWordForAbbreviation(Rule r, List<Token> tokens, Match m) {
        String term = r.jargon() == null ? null : r.jargon().term();
        if (term == null || term.length() < 2 || !term.equals(term.toUpperCase(java.util.Locale.ROOT)) || m.toToken() - m.fromToken() != 1) {
            return false;
        }
        Token t = tokens.get(m.fromToken());
        String text = t.text();
        if (!text.equals(text.toLowerCase(java.util.Locale.ROOT)) || !Lang.isCyrillic(text.charAt(0))) {
            return false;
        }
        return !coach.text.morph.Morphology.russian().analyze(t.norm()).isEmpty();
    }

    /** Risky fragments: matches of every candidate rule, overlaps resolved in favour of the earliest, longest, first-written. */
    List<Hit> scan(String text, List<Token> tokens, Lang lang) {
        if (tokens.isEmpty()) {
            return List.of();
        }
        // the patterns of the candidate rules that may match: a rule's other patterns lack a word they need
        Set<TokenPattern> mayMatch = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Rule> candidates = rules.get(lang).get().index().candidates(tokens, mayMatch);
        Lang other = lang == Lang.RU ? Lang.EN : Lang.RU;
        if (hasScriptOf(tokens, other)) {
            // a mixed message: the other language's rules see its words too (they cannot match the first one's)
            candidates = new ArrayList<>(candidates);
            candidates.addAll(rules.get(other).get().index().candidates(tokens, mayMatch));
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Hit> all = new ArrayList<>();
        int[] sentenceOf = null;
        Map<Long, Boolean> unlessMemo = null;
        for (Rule r : candidates) {
            for (Match m : r.phrases().findAll(tokens, mayMatch::contains)) {
                if (r.category() == Category.JARGON && (insideCompound(tokens, m) || lowerCaseWordForAbbreviation(r, tokens, m))
                        || quotedSpeech(tokens, m)) {
                    continue;
                }
                if (!r.unless().isEmpty()) {
                    if (sentenceOf == null) {
                        sentenceOf = sentences(tokens);
                        unlessMemo = new java.util.HashMap<>();
                    }
                    int[] so = sentenceOf;
                    int sentence = so[m.fromToken()];
                    long key = ((long) rank(r) << 32) | sentence;
                    if (unlessMemo.computeIfAbsent(key, k -> sentenceHas(tokens, so, sentence, r.unless()))) {
                        continue;
                    }
                }
                boolean foreign = false;
                if (r.lang() != lang) {
                    // an English rule inside a Russian sentence («ТН и CMR оформлены»): it reports, it does not paste English in
                    if (sentenceOf == null) {
                        sentenceOf = sentences(tokens);
                        unlessMemo = new java.util.HashMap<>();
                    }
                    foreign = sentenceLang(text, tokens, sentenceOf, sentenceOf[m.fromToken()]) != r.lang();
                }
                Hit hit = new Hit(r, m.start(), m.end(), text.substring(m.start(), m.end()), new ArrayList<>(), m, Double.NaN, foreign);
                if (lang == Lang.RU && r.lang() == Lang.EN && r.jargon() != null) {
                    // English plain words inside a Russian sentence are no rewrite: the term is reported, the writer rephrases
                    hit = new Hit(r.reportOnly(hit.why()), hit.start(), hit.end(), hit.fragment(), hit.alternatives(), m, Double.NaN, foreign);
                }
                all.add(hit);
            }
        }
        if (all.size() <= 1) {
            return all;
        }
        all.sort(Comparator.<Hit>comparingInt(h -> h.start).thenComparingInt(h -> -(h.end - h.start))
                .thenComparingInt(h -> h.rule.lang() == lang ? 0 : 1).thenComparingInt(h -> rank(h.rule)));
        List<Hit> out = new ArrayList<>();
        List<Hit> reaching = null;
        for (Hit h : all) {
            Hit last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last == null || last.end <= h.start) {
                out.add(h);
            } else if (h.end <= last.end) {
                if (h.rule.lang() == last.rule.lang()) {
                    // a shorter match inside a longer one: the longer one's rewrite covers it (and a match of the same span is another rewrite of it)
                    last.alternatives.add(h);
                }
            } else if (h.detectOnly()) {
                // a detect-only match reaching past a kept one: no rewrite of that one covers it, so it makes it unrewritable
                if (reaching == null) {
                    reaching = new ArrayList<>();
                }
                reaching.add(h);
            }
        }
        if (reaching != null) {
            // each one blocks every kept match it overlaps (kept matches do not overlap: sorted by start and by end alike)
            int k = 0;
            for (Hit d : reaching) {
                while (k < out.size() && out.get(k).end <= d.start) {
                    k++;
                }
                for (int j = k; j < out.size() && out.get(j).start < d.end; j++) {
                    out.get(j).alternatives.add(d);
                }
            }
        }
        return out;
    }

    private static final Set<String> SENTENCE_END = Set.of(".", "!", "?", ";", "…");

    /** Whether a match is part of a hyphenated word: «релиз» in «пресс-релиз» is no jargon of its own. */
    private static boolean insideCompound(List<Token> tokens, Match m) {
        int f = m.fromToken();
        int l = m.toToken() - 1;
        boolean before = f >= 2 && tokens.get(f - 1).norm().equals("-") && tokens.get(f - 1).end() == tokens.get(f).start()
                && tokens.get(f - 2).end() == tokens.get(f - 1).start() && tokens.get(f - 2).isWord();
        boolean after = l + 2 < tokens.size() && tokens.get(l + 1).norm().equals("-") && tokens.get(l).end() == tokens.get(l + 1).start()
                && tokens.get(l + 1).end() == tokens.get(l + 2).start() && tokens.get(l + 2).isWord();
        // «cr*p», «х*р»: a masked word split at its mask, not a term
        boolean masked = f >= 1 && tokens.get(f - 1).end() == tokens.get(f).start() && tokens.get(f - 1).norm().matches("[*@#$%]+")
                || l + 1 < tokens.size() && tokens.get(l).end() == tokens.get(l + 1).start() && tokens.get(l + 1).norm().matches("[*@#$%]+");
        return before || after || masked;
    }

    /** Whether the match lies inside a quotation of someone else's words (see {@link coach.text.QuotedSpeech}). */
    static boolean quotedSpeech(List<Token> tokens, Match m) {
        return coach.text.QuotedSpeech.inside(tokens, m.fromToken(), m.toToken());
    }

    /** Whether some word of the text is written in the other language's script (two letters or more). */
    private static boolean hasScriptOf(List<Token> tokens, Lang lang) {
        for (Token t : tokens) {
            if (t.isWord() && t.norm().length() > 1) {
                char c = t.norm().charAt(0);
                boolean cyrillic = Lang.isCyrillic(c);
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

    /** The language of the sentence starting at token {@code from}, by script. */
    private static Lang sentenceLang(String text, List<Token> tokens, int[] sentenceOf, int from) {
        int to = from;
        while (to < tokens.size() && sentenceOf[to] == from) {
            to++;
        }
        return Lang.detect(text.substring(tokens.get(from).start(), tokens.get(to - 1).end()));
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

    /** One risky fragment found by one rule. */
    /**
     * A risky fragment. {@code foreign}: a rule of another language than the fragment's sentence found it (an English
     * term in a Russian sentence): reported, never rewritten — its replacements are words of the rule's language.
     */
    record Hit(Rule rule, int start, int end, String fragment, List<Hit> alternatives, Match match, double confidence, boolean foreign) {

        Hit(Rule rule, int start, int end, String fragment, List<Hit> alternatives, Match match, double confidence) {
            this(rule, start, end, fragment, alternatives, match, confidence, false);
        }

        /** Whether this match only reports a risk: no replacement and no transform rewrites it ({@code replacements: []}). */
        boolean detectOnly() {
            return foreign || (rule.transform() == null && options().isEmpty());
        }

        /** Whether this match's span lies inside {@code [from, to)}. */
        boolean inside(int from, int to) {
            return from <= start && end <= to;
        }

        /**
         * Whether a detect-only match overlaps this one without lying inside its span: no rewrite of this one fixes it,
         * so the sentence gets none (a shorter rule's rewrite must not stand in for a longer detect-only finding either).
         */
        boolean blocked() {
            for (Hit a : alternatives) {
                if (a.detectOnly() && !a.inside(start, end)) {
                    return true;
                }
            }
            return false;
        }

        /** The replacements for this fragment: the rule's own, or for jargon the plain form or an explanation. */
        List<String> options() {
            if (foreign) {
                return List.of();
            }
            Rule.Jargon j = rule.jargon();
            if (j == null) {
                return rule.replacements();
            }
            List<String> o = new ArrayList<>(2);
            String plain = plain();
            if (plain != null) {
                o.add(plain);
            } else if (j.explain() != null) {
                o.add(fragment + " (" + j.explain() + ")");
            }
            return Collections.unmodifiableList(o);
        }

        /** The plain words for this form of the term: an explicit form, else the plain lemma inflected like the term. */
        private String plain() {
            Rule.Jargon j = rule.jargon();
            return j.plainFor(fragment, x -> plain(j, x));
        }

        private static String plain(Rule.Jargon j, String fragment) {
            String f = j.forms().get(RuleLoader.formKey(fragment));
            if (f != null || j.plain() == null) {
                return f;
            }
            if (RuleLoader.formKey(fragment).equals(RuleLoader.formKey(j.term()))) {
                // the term as written in the dictionary: its plain word, unless the form is a nominative or an
                // accusative the plain word tells apart («митинг» → «встреча» or «встречу»)
                return JargonInflector.ambiguous(fragment, j.term(), j.plain()) ? null : j.plain();
            }
            return JargonInflector.inflect(fragment, j.term(), j.plain()).orElse(null);
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
