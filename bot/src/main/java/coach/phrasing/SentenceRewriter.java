package coach.phrasing;

import coach.text.Lang;
import coach.text.Segments;
import coach.text.Segments.Segment;
import coach.text.TextAnalyzer;
import coach.text.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites one risky sentence at a time, as its rules' scopes say, and keeps only versions that pass every check:
 * no rule finds anything in them, every fact of the sentence is still there, no piece of a removed clause is left
 * hanging, no phrase is doubled, the punctuation is sane. A sentence none of whose versions pass gets none: its
 * findings are not rewritable, and the message's suggestions leave it as it was.
 *
 * <p>Work is per sentence, so the time is linear in the length of the message.
 */
final class SentenceRewriter {
    /** At most this many verified versions of one sentence. */
    static final int MAX_VERSIONS = 3;

    /** Words that cannot start a sentence of their own: what is left of a clause that hung on a removed one. */
    private static final Set<String> DANGLING_START = Set.of("что", "ведь", "ибо", "который", "которая", "которое",
            "которые", "потому", "поскольку", "и", "а", "но", "или", "зато", "же", "ли", "так", "тогда", "поэтому", "значит",
            "that", "which", "because", "so", "and", "but", "or", "then");
    /** A plural pronoun that a rewrite moved to the start of a sentence has lost what it referred to. */
    /** Words that open a sentence by pointing back at the one before it («It was sent…», «Он уже в пути»). */
    private static final Set<String> LEANS_BACK = Set.of("it", "its", "it's", "they", "they're", "them", "their", "this", "that", "these",
            "those", "he", "she", "his", "her", "он", "она", "оно", "они", "его", "её", "ее", "их", "ему", "ей", "им", "этот", "эта", "это",
            "эти", "там", "туда", "поэтому", "тогда");

    /** Whether the sentence after the job's one starts with a word that points back at it. */
    static boolean nextLeansBack(Job job) {
        Segment sen = job.sentence();
        List<Token> tokens = job.tokens();
        for (int i = sen.toToken(); i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isWord()) {
                return LEANS_BACK.contains(t.norm());
            }
            if (t.kind() == Token.Kind.NUMBER) {
                return false;
            }
        }
        return false;
    }

    private static final Set<String> PRONOUN_START = Set.of("они", "их", "им", "ими", "they", "these", "those", "them");
    /** A sentence that starts with one of these and has no second clause is a fragment: «Когда будет готово.» */
    private static final Set<String> SUBORDINATE_START = Set.of("когда", "если", "чтобы", "хотя", "пока", "где", "куда", "откуда", "как", "прежде",
            "when", "if", "although", "while", "where");
    /** Clauses starting with these hang on the clause before them: they go with it when it is removed. */
    private static final Set<String> ATTACHED_START = Set.of("что", "чтобы", "ведь", "ибо", "раз", "так", "потому", "поскольку", "прежде",
            "поэтому", "значит", "иначе", "а", "пусть", "когда", "как", "где", "куда", "сколько", "почему", "зачем", "because", "so",
            "since", "that", "otherwise", "when", "how", "why");
    /** A lone word before a removed clause that goes with it: «Нет, …», «Ну, …». */
    private static final Set<String> LEAD_INS = Set.of("нет", "ну", "короче", "слушайте", "знаете", "вообще", "увы", "no", "well",
            "look", "listen");
    /** What cannot stay as a sentence of its own once the clause it leaned on is gone. */
    private static final Set<String> LONE_REST = Set.of("конечно", "разумеется", "естественно", "ладно", "ну", "же", "ведь", "да",
            "ясно", "понятно", "пожалуйста", "к сожалению", "увы", "of course", "sure", "please", "okay", "ok", "well", "unfortunately");

    /** Words that cannot end a sentence. */
    private static final Set<String> DANGLING_END = Set.of("и", "а", "но", "или", "что", "в", "на", "с", "к", "по", "за", "от", "до",
            "из", "у", "о", "об", "для", "не", "the", "a", "an", "and", "or", "but", "to", "of", "in", "on", "for", "with", "not");

    /** The regret a softened refusal carries, and the same with the commas around it (to take out of a second edit). */
    private static final java.util.regex.Pattern REGRET = java.util.regex.Pattern.compile("(?iuU)к сожалению|unfortunately");
    private static final java.util.regex.Pattern REGRET_CUT = java.util.regex.Pattern.compile("(?iuU),?\\s*(к сожалению|unfortunately)\\s*,?");

    /** «,.» «, ;» or a mark after a space: what a seam leaves when it goes wrong. */
    private static final java.util.regex.Pattern BAD_PUNCTUATION = java.util.regex.Pattern.compile("[,;:]\\s*[,;:.]|\\s[,.;:!?]");

    private final java.util.function.BiPredicate<String, List<Token>> clean;
    private final java.util.function.BiPredicate<String, List<Token>> wordsClean;
    private final Templates.Inflector inflector;
    /** A second pass over a version that is not clean yet: its complete first suggestion, or empty. */
    private final java.util.function.Function<String, Optional<String>> refine;
    /** Nouns a jibe is made of (the tone categories' {@code no_fact_words}): they do not keep a sentence in. */
    private java.util.function.BiPredicate<Lang, String> noFactWord = (l, w) -> false;

    /**
     * @param clean     whether a text checks clean by every rule
     * @param inflector the morphology's noun-phrase inflection for {@code {name:case}} slots
     * @param refine    a second pass for a version in which another rule still finds something
     */
    SentenceRewriter(java.util.function.BiPredicate<String, List<Token>> clean, Templates.Inflector inflector,
            java.util.function.Function<String, Optional<String>> refine) {
        this(clean, clean, inflector, refine);
    }

    /** @param wordsClean whether a text checks clean by every rule and the word list, the tone model aside (for sentences whose only findings are listed words) */
    SentenceRewriter(java.util.function.BiPredicate<String, List<Token>> clean, java.util.function.BiPredicate<String, List<Token>> wordsClean,
            Templates.Inflector inflector, java.util.function.Function<String, Optional<String>> refine) {
        this.wordsClean = wordsClean;
        this.clean = clean;
        this.inflector = inflector;
        this.refine = refine;
    }

    /** One risky sentence: its segment, its hits, and what the message around it offers. */
    record Job(String text, List<Token> tokens, Segment sentence, List<PhrasingEngine.Hit> hits, Lang lang) {
    }

    /**
     * Verified versions of the sentence, best first; an empty string stands for "leave the sentence out". Empty when
     * none passes.
     */
    List<String> versions(Job job) {
        int variants = 1;
        for (PhrasingEngine.Hit h : job.hits()) {
            variants = Math.max(variants, h.options().size() + sameRegion(h, job.tokens(), job.sentence()).size() + (Rule.PASSIVE.equals(h.rule().transform()) ? 1 : 0));
        }
        Set<String> out = new LinkedHashSet<>();
        String original = job.text().substring(job.sentence().start(), job.sentence().end());
        boolean shouting = Shouting.shouts(job.tokens(), job.sentence(), job.lang());
        boolean register = false;
        for (PhrasingEngine.Hit h : job.hits()) {
            register |= h.rule().category() == Category.INFORMAL || Rule.POLITE.equals(h.rule().transform());
        }
        // later variants often build a text an earlier one built and verify rejected: it is not checked again
        Map<String, Boolean> checked = new HashMap<>();
        Same same = new Same(job);
        Map<String, Optional<String>> refined = new HashMap<>();
        for (int v = 0; v < variants && out.size() < MAX_VERSIONS; v++) {
            if (Trace.ON) {
                Trace.say("sentence «" + original.strip() + "» variant " + v + ", hits " + job.hits().stream().map(h -> h.rule().id()).toList());
            }
            Optional<String> s = build(job, v);
            if (shouting) {
                // a shouting sentence's version is calmed too: the rewrite of «Я ВАМ УЖЕ ПИСАЛА» does not shout
                s = s.map(x -> Shouting.calm(x, job.lang()));
            }
            if (register) {
                // a sentence put into the client's register keeps no chat smileys: «…, до связи)))» → «…, до связи.»
                s = s.map(SentenceRewriter::withoutChatSmileys);
                // «Пришлите пожалуйста номер» → «Пришлите, пожалуйста, номер»; «посмотрю что с ним» → «посмотрю, что с ним»
                s = s.map(x -> PLEASE_NO_COMMAS.matcher(x).replaceAll("$1, пожалуйста,"));
                s = s.map(x -> WHAT_NO_COMMA.matcher(x).replaceAll("$1, $2"));
                s = s.map(x -> S_BEFORE_CLUSTER.matcher(x).replaceAll("$1о "));
                // «забирайте когда удобно» → «забирайте, когда удобно»: the clause a rewrite leaves takes its comma
                s = s.map(x -> WHEN_NO_COMMA.matcher(x).replaceAll(r -> r.group(1) + ", когда" + (r.group(2).equals("удобно") ? " вам" : "")));
                if (!GREETING_COMMA.matcher(original.strip()).find()) {
                    // «Дарова, акт подписали…» → «Здравствуйте! Акт подписали…»: the greeting put in stands apart
                    s = s.map(SentenceRewriter::greetingApart);
                }
            }
            if (s.isEmpty() || s.get().equals(original) || out.contains(s.get())) {
                continue;
            }
            Trace.say("  candidate «" + s.get() + "»");
            if (verified(job, original, s.get(), checked, same)) {
                Trace.say("  verified");
                out.add(s.get());
            } else if (!s.get().isEmpty()) {
                // the version shows another risk («ты сама просила» → «вы сами просили»: a reproach): fix that too, once
                refined.computeIfAbsent(s.get(), refine::apply)
                        .filter(r -> !out.contains(r) && verified(job, original, r, checked, same)).ifPresent(out::add);
            }
        }
        return List.copyOf(out);
    }

    private static final Pattern PLEASE_NO_COMMAS = Pattern.compile("(?u)(\\p{L}+те)\\s+пожалуйста(?=\\s+\\p{L})");
    private static final Pattern WHAT_NO_COMMA = Pattern.compile(
            "(?iu)\\b(посмотрю|посмотрим|проверю|проверим|уточню|уточним|узнаю|узнаем|выясню|выясним|напишу|сообщу|сообщим|подскажу|подскажем)\\s+(что|где|когда|как|почему|сколько|какой|какая|какие)\\b");
    /** «с сроками» → «со сроками»: «с» before «с», «з», «ш», «ж», «щ» and a consonant. */
    private static final Pattern S_BEFORE_CLUSTER = Pattern.compile("(?u)(?<![\\p{L}])([сС]) (?=[сзшжщСЗШЖЩ][бвгджзклмнпрстфхцчшщ])");
    private static final Pattern WHEN_NO_COMMA = Pattern.compile("(?iu)(\\p{L}+(?:те|и|й))\\s+когда(?=\\s+(?:вам\\s+)?(удобно|будет удобно|сможете|получится|будет время|освободитесь))");
    private static final Pattern GREETING_COMMA = Pattern.compile("^(?:Здравствуйте|Добрый день|Доброе утро|Добрый вечер),\\s+(?=\\p{Ll})");
    private static final Pattern GREETING_THEN = Pattern.compile("^(Здравствуйте|Добрый день|Доброе утро|Добрый вечер)(,\\s*|\\s+)(?=(\\p{L}+))");

    /**
     * A greeting followed by the rest of the sentence: the greeting as a sentence of its own («Здравствуйте, акт
     * подписали» → «Здравствуйте! Акт подписали»); a name after it stays with it («Здравствуйте, Олег»).
     */
    static String greetingApart(String s) {
        java.util.regex.Matcher m = GREETING_THEN.matcher(s);
        if (!m.find()) {
            return s;
        }
        String next = m.group(3);
        if (Character.isUpperCase(next.charAt(0))) {
            if (m.group(2).indexOf(',') >= 0) {
                return s; // «Здравствуйте, Олег, …»
            }
            for (coach.text.morph.Reading r : coach.text.morph.Morphology.russian().analyze(coach.text.Normalizer.norm(next))) {
                if (r.has("Name") || r.has("Patr") || r.has("Fam")) {
                    return s;
                }
            }
        }
        return m.group(1) + "! " + Rewriter.capitalise(s.substring(m.end()));
    }

    /**
     * Chat emoticons («)))», «:)», «;-)», «:D»), face and kiss emoji and the chat «hype» ones (🔥 🏖 🍹 👏 💪) with the
     * spaces before them; other emoji (🎉, 📞, ✅) stay.
     */
    private static final Pattern CHAT_SMILEY = Pattern.compile("\\s*(?:[:;]-?[)(DР]+|\\){2,}|\\({2,}|[\\x{1F600}-\\x{1F64F}\\x{1F48B}\\x{1F44C}\\x{1F44D}\\x{1F44B}\\x{270C}\\x{1F90C}-\\x{1F92F}\\x{1F970}-\\x{1F97A}\\x{1F525}\\x{1F3D6}\\x{1F3DD}\\x{1F379}\\x{1F37B}\\x{1F942}\\x{1F44F}\\x{1F4AA}]\\x{FE0F}?)+");
    /** A lone «)» after a word: a smiley when no «(» opens it. */
    private static final Pattern GREETING_BEFORE = Pattern.compile("(?iu)(?:^|[\\s,.!])(?:здравствуйте|добрый день|доброе утро|добрый вечер|hello|good morning|good afternoon)$");
    private static final Pattern BRACKET_BETWEEN_CLAUSES = Pattern.compile("(?<=\\p{L})\\)\\s+(\\p{L})");
    private static final Pattern LONE_BRACKET = Pattern.compile("(?<=[\\p{L}\\p{N}.!?,])\\s*\\)(?=\\s|$)");

    /** The sentence without chat smileys, ended by a mark when they ended it. */
    static String withoutChatSmileys(String s) {
        // a smiley before a capital stood for the sentence's end: «Ждём)) Адрес тот же» → «Ждём. Адрес тот же»
        String t = SMILEY_BEFORE_CAPITAL.matcher(s).replaceAll(".");
        // one between two clauses stood for a comma: «кухню до блеска 😎 ключи у консьержа» → «…до блеска, ключи…»
        t = SMILEY_BETWEEN_WORDS.matcher(t).replaceAll(",");
        // a lone «)» between two clauses ended the first: «спасибо за заказ) букет соберём к 10» → «…за заказ. Букет…»,
        // «Инна, привет) Выписку сделаю» → «Инна, здравствуйте! Выписку сделаю»
        if (t.indexOf('(') < 0) {
            String u = t;
            // after a greeting, «!» as everywhere else: «Здравствуйте) ребята…» → «Здравствуйте! Ребята…»
            t = BRACKET_BETWEEN_CLAUSES.matcher(t).replaceAll(r -> (GREETING_BEFORE.matcher(u.substring(0, r.start())).find() ? "! " : ". ")
                    + r.group(1).toUpperCase(java.util.Locale.ROOT));
        }
        t = CHAT_SMILEY.matcher(t).replaceAll("");
        if (t.indexOf('(') < 0) {
            t = LONE_BRACKET.matcher(t).replaceAll("");
        }
        if (t.equals(s)) {
            return s;
        }
        t = TIDY_SPACES.matcher(t).replaceAll(" ");
        t = TIDY_TRAILING.matcher(t).replaceAll("").strip();
        return t.isEmpty() ? t : finish(t, '.');
    }

    private static final Pattern SMILEY_BETWEEN_WORDS = Pattern.compile(
            "(?<=\\p{L})(?:\\s*(?:[:;]-?[)(DР]+|\\){2,}|\\({2,}|[\\x{1F600}-\\x{1F64F}\\x{1F48B}\\x{1F44C}\\x{1F44D}\\x{1F44B}\\x{270C}\\x{1F90C}-\\x{1F92F}\\x{1F970}-\\x{1F97A}\\x{1F525}\\x{1F3D6}\\x{1F3DD}\\x{1F379}\\x{1F37B}\\x{1F942}\\x{1F44F}\\x{1F4AA}]\\x{FE0F}?))+(?=\\s+\\p{Ll})");
    private static final Pattern SMILEY_BEFORE_CAPITAL = Pattern.compile(
            "(?<=[\\p{L}\\p{N}])(?:\\s*(?:[:;]-?[)(DР]+|\\){2,}|\\({2,}|[\\x{1F600}-\\x{1F64F}\\x{1F48B}\\x{1F44C}\\x{1F44D}\\x{1F44B}\\x{270C}\\x{1F90C}-\\x{1F92F}\\x{1F970}-\\x{1F97A}\\x{1F525}\\x{1F3D6}\\x{1F3DD}\\x{1F379}\\x{1F37B}\\x{1F942}\\x{1F44F}\\x{1F4AA}]\\x{FE0F}?))+(?=\\s+\\p{Lu})");

    /** Version {@code v} of the sentence: each hit's v-th replacement (or its last), put in by the rule's scope. */
    private Optional<String> build(Job job, int v) {
        String text = job.text();
        List<Token> tokens = job.tokens();
        Segment sen = job.sentence();
        if (!everyFindingCovered(job.hits())) {
            return Trace.none("build:212");
        }
        // «ты» → «вы» over the whole sentence, when a rule asks for it (and no replacement of its own): the other findings
        // are rewritten as usual and every «ты» form left (and one a replacement put in: «закинь» → «пришли» → «пришлите»)
        // then takes its «вы» form, so the sentence comes out in one register («Закинь плз оригинал» → «Пришлите, пожалуйста, оригинал»)
        boolean politeAll = false;
        List<PhrasingEngine.Hit> hits = new ArrayList<>(job.hits().size());
        for (PhrasingEngine.Hit h : job.hits()) {
            for (PhrasingEngine.Hit a : h.alternatives()) {
                // «закинь» kept as chat slang with the «ты» finding of the same word beside it
                politeAll |= Rule.POLITE.equals(a.rule().transform()) && a.options().isEmpty() && a.start() == h.start() && a.end() == h.end();
            }
            if (Rule.POLITE.equals(h.rule().transform()) && h.options().isEmpty()) {
                politeAll = true;
                PhrasingEngine.Hit same = sameWordsRewrite(h);
                if (same != null) {
                    hits.add(same); // «закинь» is a «ты» form and chat slang: the slang's word, then its «вы» form
                }
                continue;
            }
            hits.add(h);
        }
        if (!politeAll && register(hits) && ambiguousImperative(tokens, sen)) {
            // «Пришли фотки счётчика»: «прислать» or «прийти»? Without a «ты» finding the register cannot be told
            return Trace.none("build:236");
        }
        if (politeAll && hits.isEmpty()) {
            return v == 0 ? polite(text, tokens, sen) : Optional.empty();
        }
        job = new Job(job.text(), job.tokens(), job.sentence(), hits, job.lang());
        // a shouting sentence no rule found anything else in: the same sentence, calmed
        for (PhrasingEngine.Hit h : job.hits()) {
            if (Rule.CALM.equals(h.rule().transform()) && h.options().isEmpty()) {
                return v == 0 ? Optional.of(Shouting.calm(text.substring(sen.start(), sen.end()).strip(), job.lang())) : Optional.empty();
            }
        }
        // the whole sentence, when a rule owns it
        for (PhrasingEngine.Hit h : job.hits()) {
            if (h.rule().scope() == Rule.Scope.SENTENCE) {
                Lang lang = job.lang();
                return option(h, v, text, tokens, sen)
                        .filter(r -> r.isEmpty() || !stock(h, v) || keepsContent(h, tokens, sen.fromToken(), sen.toToken(), r, lang))
                        .map(r -> r.isEmpty() ? "" : sentenceCase(finish(r, '.')));
            }
        }
        List<Segment> clauses = Segments.clauses(tokens, sen);
        boolean[] removed = new boolean[clauses.size()];
        List<String> inserted = new ArrayList<>();
        List<String> appended = new ArrayList<>();
        int firstRemoved = -1;
        List<Rewriter.Edit> edits = new ArrayList<>();
        List<Rewriter.Edit> agreements = new ArrayList<>();
        for (PhrasingEngine.Hit h : job.hits()) {
            if (h.rule().scope() == Rule.Scope.CLAUSE && !clauses.isEmpty()) {
                int a = firstClause(clauses, h.match().fromToken());
                int b = lastClause(clauses, h.match().toToken() - 1);
                while (b + 1 < clauses.size() && ATTACHED_START.contains(tokens.get(clauses.get(b + 1).fromToken()).norm())) {
                    b++;
                }
                if (a > 0 && clauses.get(a - 1).size() == 1 && LEAD_INS.contains(tokens.get(clauses.get(a - 1).fromToken()).norm())) {
                    a--;
                } else if (a == 1 && dashBetween(tokens, clauses.get(0), clauses.get(1))
                        && facts(text, tokens, clauses.get(0), List.of()).isEmpty() && !isVocative(tokens, clauses.get(0))) {
                    // «Не можете — ищите другую работу»: the condition before the dash goes with what it conditions
                    a = 0;
                }
                for (int c = a; c <= b; c++) {
                    removed[c] = true;
                }
                firstRemoved = firstRemoved < 0 ? a : Math.min(firstRemoved, a);
                Optional<String> r = option(h, v, text, tokens, sen);
                if (r.isEmpty()) {
                    return Trace.none("build:284");
                }
                if (r.get().isEmpty() && h.rule().category() == Category.VAGUE && !nextStepElsewhere(job)) {
                    // a vague clause is only taken out when the message already says what happens next
                    return Trace.none("build:288");
                }
                if (!r.get().isEmpty() && stock(h, v) && !keepsContent(h, tokens, clauses.get(a).fromToken(), clauses.get(b).toToken(), r.get(), job.lang())) {
                    // «Прекратите писать капсом и изложите, что случилось» is no «Я держу ваш вопрос на контроле»
                    return Trace.none("build:292");
                }
                if (r.get().isEmpty() && job.lang() == Lang.RU && predicateOfEarlierSubject(tokens, clauses, a, b)) {
                    // «Пломба, которую поставил врач, прослужит всю жизнь»: the clause is the predicate of a subject before it
                    return Trace.none("build:296");
                }
                String own = r.get();
                int bar = own.indexOf(Templates.THEN);
                if (bar >= 0) {
                    // the part after || goes after the sentence, like a fragment's
                    String then = tidy(own.substring(bar + Templates.THEN.length()));
                    if (!then.isEmpty() && appended.isEmpty()) {
                        appended.add(sentenceCase(finish(then, '.')));
                    }
                    own = own.substring(0, bar);
                }
                // one new sentence per sentence: a second risky clause of it is only taken out
                String sentence = tidy(own);
                if (!sentence.isEmpty() && inserted.isEmpty()) {
                    inserted.add(sentenceCase(finish(sentence, '.')));
                }
            } else if (Rule.PASSIVE.equals(h.rule().transform()) && v == 0) {
                // «вы неправильно заполнили заявку» → «заявка была заполнена неправильно»: the fact without the finger
                Optional<Rewriter.Edit> e = Passive.edit(text, tokens, sen, h.match());
                if (e.isEmpty()) {
                    return Trace.none("build:317");
                }
                edits.add(e.get());
            } else {
                Optional<String> r = option(h, Rule.PASSIVE.equals(h.rule().transform()) ? v - 1 : v, text, tokens, sen);
                if (r.isEmpty()) {
                    return Trace.none("build:323");
                }
                if (r.get().isEmpty() && h.rule().category() == Category.VAGUE && !h.options().isEmpty()
                        && h.options().get(0).contains(Templates.THEN) && !nextStepElsewhere(job)) {
                    // the fragment alone is taken out only when the message already says what happens next
                    return Trace.none("build:328");
                }
                String rep = r.get();
                if (!rep.isEmpty() && h.rule().jargon() != null && job.lang() == Lang.RU) {
                    rep = undeclinedTerm(tokens, h, rep);
                    if (rep == null) {
                        return Trace.none("build:334");
                    }
                }
                // «в ближайшие дни || Точную дату я уточню и сообщу вам»: the fragment, then a sentence after this one
                int bar = rep.indexOf(Templates.THEN);
                if (bar >= 0) {
                    String then = tidy(rep.substring(bar + Templates.THEN.length()));
                    if (!then.isEmpty() && appended.isEmpty()) {
                        appended.add(sentenceCase(finish(then, '.')));
                    }
                    edits.add(absorb(text, tokens, h, rep.substring(0, bar).strip()));
                } else {
                    if (SENTENCE_BREAK.matcher(rep).find() && wordsAfter(tokens, h.match().toToken(), sen)) {
                        // a replacement that ends with a sentence of its own («…не возим. Если хотите, подскажу…») fits only at the end
                        return Trace.none("build:348");
                    }
                    Rewriter.Edit e = rep.isEmpty() ? dropEdit(text, tokens, sen, h.start(), h.end()) : absorb(text, tokens, h, rep);
                    if (!rep.isEmpty() && h.rule().jargon() != null && job.lang() == Lang.RU) {
                        agreements.addAll(agreeAround(text, tokens, h, e));
                    }
                    edits.add(e);
                }
            }
        }
        // words re-agreed with a replaced term, unless another finding rewrites them itself
        for (Rewriter.Edit a : agreements) {
            boolean overlaps = false;
            for (Rewriter.Edit x : edits) {
                overlaps |= a.start() < x.end() && x.start() < a.end();
            }
            if (!overlaps) {
                edits.add(a);
            }
        }
        if (politeAll) {
            edits = withPolite(text, tokens, sen, edits);
        }
        edits.sort(java.util.Comparator.comparingInt(Rewriter.Edit::start));
        // one regret per sentence: «не повезём, к сожалению, делить партию не сможем, к сожалению» says it twice
        boolean regret = false;
        for (int i = 0; i < edits.size(); i++) {
            Rewriter.Edit e = edits.get(i);
            if (!REGRET.matcher(e.replacement()).find()) {
                continue;
            }
            if (regret) {
                String plain = REGRET_CUT.matcher(e.replacement()).replaceFirst(" ").strip();
                edits.set(i, new Rewriter.Edit(e.start(), e.end(), e.replacement().startsWith(",") && !plain.startsWith(",") ? " " + plain : plain));
            }
            regret = true;
        }
        // a fragment edit reaching into a removed clause goes with it: its own clauses are removed too
        for (PhrasingEngine.Hit h : job.hits()) {
            if (h.rule().scope() != Rule.Scope.CLAUSE && !clauses.isEmpty()) {
                int a = firstClause(clauses, h.match().fromToken());
                int b = lastClause(clauses, h.match().toToken() - 1);
                boolean touches = false;
                for (int c = a; c <= b; c++) {
                    touches |= removed[c];
                }
                if (touches) {
                    for (int c = a; c <= b; c++) {
                        removed[c] = true;
                    }
                    firstRemoved = Math.min(firstRemoved, a);
                }
            }
        }
        // the sentence without its removed clauses, the fragment edits applied inside what is kept
        StringBuilder kept = new StringBuilder();
        int from = sen.start();
        boolean vocative = false;
        String vocativeText = null;
        if (firstRemoved == 1 && isVocative(tokens, clauses.get(0))) {
            vocative = true;
        }
        for (int c = 0; c < clauses.size(); c++) {
            Segment cl = clauses.get(c);
            if (removed[c]) {
                // keep what came before (with the separator before the clause), drop the separator after it
                kept.append(keepEdits(text, from, cl.start(), edits)).append(' ');
                from = c + 1 < clauses.size() ? clauses.get(c + 1).start() : sen.end();
            }
        }
        kept.append(keepEdits(text, from, sen.end(), edits));
        // a conjunction that opened the draft's sentence («А то без них никак», «И ещё: …») is the writer's and stays when
        // the sentence's first clause is kept; after a removed first clause it hung on that clause and goes
        // (the first sentence of a message has nothing before it to continue: «а таксисты гоняют…» loses its «а»)
        String rest = firstRemoved != 0 && !vocative && hasWord(text.substring(0, sen.start()))
                ? tidyKeepingConjunction(kept.toString()) : tidy(kept.toString());
        if (vocative) {
            vocativeText = text.substring(clauses.get(0).start(), clauses.get(0).end());
            rest = tidy(rest.substring(Math.min(rest.length(), rest.indexOf(vocativeText) + vocativeText.length())));
        }
        if (LONE_REST.contains(coach.text.Normalizer.norm(PUNCT_OR_SPACE_RUN.matcher(rest).replaceAll(" ").strip()))) {
            rest = ""; // «…, конечно.» «…, please.»: a word that leaned on the removed clause does not stand alone
        }
        boolean restHasWords = hasWord(rest);
        String restSentence = restHasWords ? sentenceCase(finish(rest, droppedQuestionTag(job, v) ? '.' : closing(text, sen))) : "";
        List<String> parts = new ArrayList<>();
        boolean before = firstRemoved >= 0 && (firstRemoved == 0 || vocative);
        if (before) {
            parts.addAll(inserted);
            if (!restSentence.isEmpty()) {
                parts.add(restSentence);
            }
        } else {
            if (!restSentence.isEmpty()) {
                parts.add(restSentence);
            }
            parts.addAll(inserted);
        }
        if (vocative && !parts.isEmpty()) {
            parts.set(0, vocativeText + ", " + Rewriter.decapitalise(parts.get(0)));
        }
        if (!parts.isEmpty() && inserted.isEmpty()) {
            parts.addAll(appended);
        }
        return Optional.of(String.join(" ", parts));
    }

    /**
     * The sentence with every «ты» form in its «вы» counterpart: «приезжай и забирай свой заказ» → «приезжайте и
     * забирайте ваш заказ», «тебе» → «вам», «твой» → «ваш». Empty when nothing changes.
     */
    static Optional<String> polite(String text, List<Token> tokens, Segment sen) {
        List<Rewriter.Edit> edits = politeEdits(text, tokens, sen);
        if (edits.isEmpty()) {
            return Optional.empty();
        }
        String s = Rewriter.apply(text.substring(0, sen.end()), edits).substring(sen.start());
        return Optional.of(sentenceCase(s.strip()));
    }

    /** A rewrite of exactly the words of a «ты» finding by another rule («закинь»: chat slang → «пришли»), or null. */
    private static PhrasingEngine.Hit sameWordsRewrite(PhrasingEngine.Hit h) {
        for (PhrasingEngine.Hit a : h.alternatives()) {
            if (a.start() == h.start() && a.end() == h.end() && a.rule().scope() == Rule.Scope.FRAGMENT && !a.options().isEmpty()
                    && a.rule().transform() == null) {
                return a;
            }
        }
        return null;
    }

    /**
     * The edits with the sentence's «ты» forms turned: a word no edit touches takes its «вы» form, and a one-word
     * replacement of a «ты» form takes the «вы» form of the same kind («закинь» → «пришли» → «пришлите»).
     */
    private static List<Rewriter.Edit> withPolite(String text, List<Token> tokens, Segment sen, List<Rewriter.Edit> edits) {
        List<Rewriter.Edit> out = new ArrayList<>(edits);
        coach.text.morph.Morphology m = coach.text.morph.Morphology.russian();
        for (Rewriter.Edit p : politeEdits(text, tokens, sen)) {
            int over = -1;
            for (int i = 0; i < out.size(); i++) {
                Rewriter.Edit e = out.get(i);
                if (e.start() < p.end() && p.start() < e.end()) {
                    over = i;
                    break;
                }
            }
            if (over < 0) {
                out.add(p);
                continue;
            }
            Rewriter.Edit e = out.get(over);
            String rep = e.replacement().strip();
            String original = text.substring(p.start(), p.end());
            if (e.start() == p.start() && e.end() == p.end() && rep.equalsIgnoreCase(original)) {
                out.set(over, p); // a word only re-agreed with a replaced term («Твою ласточку» → «Твою машину»): its «вы» form
            } else if (e.start() == p.start() && e.end() == p.end() && !rep.isEmpty() && rep.indexOf(' ') < 0) {
                Optional<String> vy = politeLike(m, original, rep);
                if (vy.isPresent()) {
                    out.set(over, new Rewriter.Edit(e.start(), e.end(), e.replacement().replace(rep, vy.get())));
                }
            }
        }
        return out;
    }

    /** The «вы» form of a word put in for a «ты» form: the reading of the same mood and person as the original's. */
    private static Optional<String> politeLike(coach.text.morph.Morphology m, String original, String rep) {
        for (coach.text.morph.Reading o : m.analyze(original)) {
            if (!o.isVerb() || m.toPolitePlural(original, o).isEmpty()) {
                continue;
            }
            for (coach.text.morph.Reading r : m.analyze(rep)) {
                if (r.isVerb() && r.has("IMP") == o.has("IMP") && r.has("P2") == o.has("P2") && r.has("Past") == o.has("Past")) {
                    Optional<String> x = m.toPolitePlural(rep, r);
                    if (x.isPresent()) {
                        return x;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Words that may come before an imperative at the start of its clause: «И пришли», «Пожалуйста, пришли». */
    private static final Set<String> BEFORE_IMPERATIVE = Set.of("и", "а", "но", "пожалуйста", "плз", "плиз", "тогда", "потом",
            "лучше", "просто", "сразу", "еще", "ещё", "уж", "ну", "только", "обязательно", "заодно", "срочно", "скорее");

    /**
     * One edit per «ты» form of the sentence, in its «вы» form: «ты»/«твой» forms, 2nd person singular verbs and
     * imperatives; past and short forms and «сам» where «ты» is their subject (the morphology's clause reading); a form
     * that is also something else («пришли»: «прислать» or «прийти») only where an imperative stands, at the head of
     * its clause; «свой» → «ваш» in a clause whose imperative addresses the client («забирай свой заказ» → «забирайте
     * ваш заказ»).
     */
    static List<Rewriter.Edit> politeEdits(String text, List<Token> tokens, Segment sen) {
        coach.text.morph.Morphology m = coach.text.morph.Morphology.russian();
        int from = sen.fromToken();
        int to = sen.toToken();
        List<String> words = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            words.add(tokens.get(i).text());
        }
        List<String> vy = new ArrayList<>(m.toPolitePlural(words));
        subjectlessPast(m, tokens, from, to, words, vy);
        boolean[] addressed = new boolean[to - from];
        List<Rewriter.Edit> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            String p = vy.get(i - from);
            if (!t.isWord() || p == null || p.equals(t.text())) {
                continue;
            }
            List<coach.text.morph.Reading> rs = m.analyze(t.norm());
            boolean other = false;
            boolean verb = false;
            boolean noun = false;
            for (coach.text.morph.Reading r : rs) {
                boolean ty = m.toPolitePlural(t.norm(), r).isPresent();
                other |= !ty && r.isVerb(); // «пришли»: also the past of «прийти» («готов» is also «готы»: no matter)
                noun |= !ty && r.isNoun();
                verb |= ty && r.isVerb() && r.has("IMP");
            }
            // «день»: the noun, or the imperative of «деть» only at the head of its clause
            // «дверь открой и собаку закрой»: after an imperative of the same sentence, a form that is also a noun is the
            // second imperative
            boolean afterImperative = verb && noun && !other && anyTrue(addressed, i - from);
            if ((other || verb && noun) && !headOfClause(tokens, from, i) && !afterImperative) {
                continue; // «документы пришли», «в любой день»: the past of «прийти», the noun, not an imperative
            }
            if (verb && i > from && preposition(m, tokens.get(i - 1))) {
                continue; // no verb right after a preposition: «на куй» is a masked word, not «ковать»
            }
            addressed[i - from] = verb;
            out.add(new Rewriter.Edit(t.start(), t.end(), p));
        }
        if (out.isEmpty()) {
            return out;
        }
        // «свой» where the client is the one addressed: «ваш» in the same form
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (!t.isWord() || !addressedInClause(tokens, from, to, i, addressed)
                    || (i > from && Set.of("со", "во", "ко", "обо").contains(tokens.get(i - 1).norm()))) {
                continue; // «со своими» would need «с вашими»: left as it is
            }
            for (coach.text.morph.Reading r : m.analyze(t.norm())) {
                if (r.lemma().equals("свой") && r.isAdjective()) {
                    List<String> f = m.synthesize("ваш", r.tag());
                    if (!f.isEmpty()) {
                        String w = Character.isUpperCase(t.text().charAt(0)) ? Rewriter.capitalise(f.get(0)) : f.get(0);
                        out.add(new Rewriter.Edit(t.start(), t.end(), w));
                    }
                    break;
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(Rewriter.Edit::start));
        return out;
    }

    private static boolean anyTrue(boolean[] a, int before) {
        for (int i = 0; i < before; i++) {
            if (a[i]) {
                return true;
            }
        }
        return false;
    }

    private static boolean register(List<PhrasingEngine.Hit> hits) {
        for (PhrasingEngine.Hit h : hits) {
            if (h.rule().category() == Category.INFORMAL) {
                return true;
            }
        }
        return false;
    }

    /** Forms that are a «ты» imperative and also a past plural («пришли»: «прислать» / «прийти»). */
    private static final Set<String> AMBIGUOUS_IMPERATIVE = Set.of("пришли", "вышли", "перешли", "зашли", "отошли", "подошли");

    /** Whether the sentence holds such a form at the head of a clause, where it reads as an imperative as well. */
    private static boolean ambiguousImperative(List<Token> tokens, Segment sen) {
        for (int i = sen.fromToken(); i < sen.toToken(); i++) {
            if (AMBIGUOUS_IMPERATIVE.contains(tokens.get(i).norm()) && headOfClause(tokens, sen.fromToken(), i)) {
                return true;
            }
        }
        return false;
    }

    /** Words that open a clause which may share the subject of the clause before it. */
    private static final Set<String> SHARED_SUBJECT_OPENERS = Set.of("что", "когда", "если", "как", "пока", "потому", "чтобы", "и", "а", "но");

    /**
     * «Ты молодец, что сразу написал»: a past form in a clause with no subject of its own, after a clause whose subject
     * is «ты», agrees with «ты» too («…, что сразу написали»). Only where the sentence names «ты» before it and no
     * nominative word stands in its clause.
     */
    private static void subjectlessPast(coach.text.morph.Morphology m, List<Token> tokens, int from, int to, List<String> words, List<String> vy) {
        int ty = -1;
        for (int i = from; i < to; i++) {
            if (tokens.get(i).norm().equals("ты")) {
                ty = i;
                break;
            }
        }
        if (ty < 0) {
            return;
        }
        for (int i = ty + 1; i < to; i++) {
            Token t = tokens.get(i);
            if (!t.isWord() || !vy.get(i - from).equals(words.get(i - from))) {
                continue;
            }
            boolean past = false;
            for (coach.text.morph.Reading r : m.analyze(t.norm())) {
                past |= r.isVerb() && r.has("Past") && !r.has("PL") && !r.has("Neut");
            }
            if (!past || !subjectlessClause(m, tokens, from, to, i)) {
                continue;
            }
            int at = i - from;
            m.toPolitePlural(t.text()).ifPresent(p -> vy.set(at, p));
        }
    }

    /** Whether the clause of token {@code i} (between punctuation) opens with a shared-subject word and holds no nominative noun or pronoun. */
    private static boolean subjectlessClause(coach.text.morph.Morphology m, List<Token> tokens, int from, int to, int i) {
        // the clause opens at the nearest opener word («что», «когда», «и»…) or after the nearest punctuation mark
        int a = i;
        while (a - 1 >= from && !(tokens.get(a - 1).kind() == Token.Kind.PUNCT && CLAUSE_PUNCT.contains(tokens.get(a - 1).norm()))
                && !SHARED_SUBJECT_OPENERS.contains(tokens.get(a).norm())) {
            a--;
        }
        if (a == from || !SHARED_SUBJECT_OPENERS.contains(tokens.get(a).norm())) {
            return false;
        }
        int b = i;
        while (b + 1 < to && !(tokens.get(b + 1).kind() == Token.Kind.PUNCT && CLAUSE_PUNCT.contains(tokens.get(b + 1).norm()))
                && !SHARED_SUBJECT_OPENERS.contains(tokens.get(b + 1).norm()) && !finiteVerb(m, tokens.get(b + 1))) {
            b++; // up to the next verb: «…все что мог не суй свой нос» — «нос» belongs to «суй»
        }
        for (int k = a; k <= b; k++) {
            if (k == i || !tokens.get(k).isWord()) {
                continue;
            }
            List<coach.text.morph.Reading> rs = m.analyze(tokens.get(k).norm());
            if (rs.isEmpty() && Character.isLetter(tokens.get(k).text().charAt(0))) {
                return false; // an unknown word may be the subject
            }
            for (coach.text.morph.Reading r : rs) {
                if ((r.isNoun() || r.isPronoun()) && r.grammaticalCase() == coach.text.morph.Case.NOM && !r.lemma().equals("что")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** English words that carry no content of their own (a replacement may drop them). */
    private static final Set<String> EN_FUNCTION = Set.of("a", "an", "the", "and", "or", "but", "so", "if", "then", "to", "of", "in",
            "on", "at", "for", "with", "by", "from", "about", "as", "into", "over", "up", "out", "off", "this", "that", "these",
            "those", "it", "its", "it's", "i", "i'm", "me", "my", "we", "we're", "us", "our", "you", "you're", "your", "he", "she",
            "they", "them", "their", "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "don't", "doesn't",
            "didn't", "not", "no", "yes", "will", "won't", "would", "can", "can't", "cannot", "could", "shall", "should", "must",
            "have", "has", "had", "just", "really", "very", "any", "all", "some", "here", "there", "now", "again", "also", "too",
            "please", "well", "oh", "ok", "okay", "'s", "s", "t", "n't", "ll", "re", "ve", "d", "m");

    /**
     * Whether a stock replacement of tokens {@code [from, to)} keeps what they say: every word there that names a fact
     * (see {@link #content}) is one the rule's patterns name themselves (the risky phrase) or one the replacement
     * repeats — but for one (what the phrase was about: «ищите другого подрядчика», «…, что курьер опоздал»). A stock sentence put over a sentence or clause that says
     * more than the risky phrase loses that content: «Прекратите писать капсом и изложите, что у вас случилось» →
     * «Я держу ваш вопрос на контроле» drops the request. Names are left to the check of facts.
     */
    static boolean keepsContent(PhrasingEngine.Hit h, List<Token> tokens, int from, int to, String replacement, Lang lang) {
        List<Token> rep = TextAnalyzer.analyze(replacement);
        coach.text.morph.Morphology m = coach.text.morph.Morphology.russian();
        int lost = 0;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (!(t.isWord() || t.kind() == Token.Kind.NUMBER) || isName(t, true) || namedByRule(h, t)) {
                continue;
            }
            if (!content(m, t)) {
                continue;
            }
            boolean repeated = false;
            for (Token r : rep) {
                if (r.norm().equals(t.norm()) || (r.isWord() && t.isWord() && r.stem().equals(t.stem()))) {
                    repeated = true;
                    break;
                }
            }
            if (repeated) {
                continue;
            }
            if (++lost > 1) {
                return false; // more of the case than the one thing the phrase was about
            }
        }
        return true;
    }

    /**
     * Whether the hit's v-th option is a stock sentence that answers in the writer's place (a refusal, a dismissal, a
     * rude reply, a deflection...): a template without a slot for the words the match took.
     */
    private static boolean stock(PhrasingEngine.Hit h, int v) {
        Category c = h.rule().category();
        if (c == Category.BLAME || c == Category.SARCASM || c == Category.PRESSURE) {
            // the words around a reproach, a jibe or a push are what it is made of («Если бы вы сразу сообщили о
            // поломке, ремонт обошёлся бы дешевле»): the stock sentence replaces them on purpose
            return false;
        }
        List<String> own = h.options();
        return own.isEmpty() || !Templates.hasSlots(own.get(Math.min(v, own.size() - 1)));
    }

    private static boolean namedByRule(PhrasingEngine.Hit h, Token t) {
        for (coach.match.TokenPattern p : h.rule().patterns()) {
            if (p.names(t)) {
                return true;
            }
        }
        for (PhrasingEngine.Hit a : h.alternatives()) {
            for (coach.match.TokenPattern p : a.rule().patterns()) {
                if (p.names(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * English words that name no fact of the client's case, beyond {@link #EN_FUNCTION}: what a reproach or a refusal is
     * made of («you should have told us earlier»), as against the facts a stock sentence would lose («opened skincare»).
     */
    private static final Set<String> EN_NO_FACT = Set.of("told", "tell", "said", "say", "asked", "ask", "called", "call", "checked",
            "check", "read", "known", "know", "thought", "think", "earlier", "sooner", "before", "already", "again", "first",
            "properly", "carefully", "yourself", "yourselves", "ever", "never", "always", "even", "only", "still", "way",
            "thing", "things", "something", "anything", "nothing", "everything", "done", "do", "doing", "made", "make", "get",
            "got", "go", "going", "come", "coming", "see", "look", "need", "want", "like", "mind", "matter", "care", "bother");

    /**
     * A word that names a fact of its own: a noun (by every reading), a number, or a word the dictionary does not know.
     * Verbs, adjectives and adverbs a stock sentence leaves out are what the risky phrase was made of («Раньше надо
     * было предупреждать»); the nouns are the case («в какой коробке пришёл заказ», «капсом в чат»).
     */
    private static boolean content(coach.text.morph.Morphology m, Token t) {
        if (t.kind() == Token.Kind.NUMBER) {
            return true;
        }
        char c = t.norm().charAt(0);
        if (!Lang.isCyrillic(c)) {
            String w = t.norm();
            return Character.isLetter(c) && w.length() > 2 && !EN_FUNCTION.contains(w) && !EN_NO_FACT.contains(w)
                    && !w.endsWith("ed") && !w.endsWith("ly") && !w.endsWith("ing");
        }
        List<coach.text.morph.Reading> rs = m.analyze(t.norm());
        if (rs.isEmpty()) {
            return true;
        }
        for (coach.text.morph.Reading r : rs) {
            if (!r.isNoun()) {
                return false; // «что», «уже», «пришёл», «нормально»: no sure name of a fact
            }
        }
        return true;
    }

    /** Words that open a relative clause: its verb is not the predicate of the clause it leans on. */
    private static final Set<String> RELATIVE = Set.of("который", "которая", "которое", "которые", "которого", "которой",
            "которому", "которую", "которым", "которыми", "котором", "которых", "где", "куда", "откуда", "чей", "чья", "чьё", "чье", "чьи");

    /**
     * Whether clauses {@code a..b} (about to be taken out) carry the only predicate of the clauses before them: the kept
     * part before holds words but no finite verb outside a vocative or a relative clause («Пломба, которую поставил
     * врач, | прослужит всю жизнь»). Taking such a clause out leaves the subject without its predicate.
     */
    static boolean predicateOfEarlierSubject(List<Token> tokens, List<Segment> clauses, int a, int b) {
        if (a == 0) {
            return false;
        }
        coach.text.morph.Morphology m = coach.text.morph.Morphology.russian();
        boolean verbRemoved = false;
        for (int c = a; c <= b && !verbRemoved; c++) {
            for (int i = clauses.get(c).fromToken(); i < clauses.get(c).toToken() && !verbRemoved; i++) {
                verbRemoved = finiteVerb(m, tokens.get(i)) && !imperative(m, tokens.get(i));
            }
        }
        if (!verbRemoved) {
            return false;
        }
        for (int c = a; c <= b; c++) {
            for (int i = clauses.get(c).fromToken(); i < clauses.get(c).toToken(); i++) {
                if (subject(m, tokens.get(i))) {
                    return false; // «…, такую квартиру вы больше не найдёте»: the clause has a subject of its own
                }
                if (tokens.get(i).isWord() && m.analyze(tokens.get(i).norm()).stream().anyMatch(r -> r.isVerb()
                        && (r.person() == coach.text.morph.Person.FIRST || r.person() == coach.text.morph.Person.SECOND))) {
                    return false; // «…, дальнейшую переписку считаем завершённой»: «мы» is said by the verb itself
                }
            }
        }
        boolean subject = false;
        for (int c = 0; c < a; c++) {
            Segment cl = clauses.get(c);
            if ((c == 0 && isVocative(tokens, cl)) || cl.size() == 0) {
                continue;
            }
            int first = cl.fromToken();
            while (first < cl.toToken() && !tokens.get(first).isWord()) {
                first++;
            }
            if (first < cl.toToken() && RELATIVE.contains(tokens.get(first).norm())) {
                continue;
            }
            for (int i = cl.fromToken(); i < cl.toToken(); i++) {
                if (finiteVerb(m, tokens.get(i))) {
                    return false;
                }
                subject |= subject(m, tokens.get(i));
            }
        }
        return subject;
    }

    /** Whether every verb reading of the word is an imperative («оторвитесь»): a clause of its own, with no subject to lose. */
    private static boolean imperative(coach.text.morph.Morphology m, Token t) {
        boolean any = false;
        for (coach.text.morph.Reading r : m.analyze(t.norm())) {
            if (r.isVerb()) {
                if (!r.has("IMP")) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** A sure subject: a personal pronoun in the nominative, or a noun every reading of which is nominative. */
    private static boolean subject(coach.text.morph.Morphology m, Token t) {
        return everyReading(m, t, r -> (r.isNoun() || r.isPronoun()) && r.grammaticalCase() == coach.text.morph.Case.NOM);
    }

    private static boolean preposition(coach.text.morph.Morphology m, Token t) {
        return m == coach.text.morph.Morphology.russian() && t.isWord() ? t.word().get(PREPOSITION) : everyReading(m, t, r -> r.pos().equals("PREP"));
    }

    /** Whether every reading of a word form is a preposition (Russian morphology), remembered with the form. */
    private static final coach.text.Word.Derived<Boolean> PREPOSITION = new coach.text.Word.Derived<>(w -> {
        List<coach.text.morph.Reading> rs = coach.text.morph.Morphology.russian().analyze(w.norm());
        return !rs.isEmpty() && rs.stream().allMatch(r -> r.pos().equals("PREP"));
    });

    /** Whether the word has readings and every one of them is {@code p}. */
    private static boolean everyReading(coach.text.morph.Morphology m, Token t, java.util.function.Predicate<coach.text.morph.Reading> p) {
        if (!t.isWord()) {
            return false;
        }
        List<coach.text.morph.Reading> rs = m.analyze(t.norm());
        return !rs.isEmpty() && rs.stream().allMatch(p);
    }

    private static boolean finiteVerb(coach.text.morph.Morphology m, Token t) {
        if (!t.isWord()) {
            return false;
        }
        for (coach.text.morph.Reading r : m.analyze(t.norm())) {
            if (r.isVerb() && !r.has("INF")) {
                return true;
            }
        }
        return false;
    }

    /** Whether only words that may lead an imperative stand between the clause's start and token {@code i}. */
    private static boolean headOfClause(List<Token> tokens, int from, int i) {
        for (int k = i - 1; k >= from; k--) {
            Token t = tokens.get(k);
            if (!t.isWord()) {
                if (CLAUSE_PUNCT.contains(t.norm())) {
                    return true;
                }
                continue;
            }
            if (!BEFORE_IMPERATIVE.contains(t.norm())) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> CLAUSE_PUNCT = Set.of(",", ";", ":", "—", "–", "-", ".", "!", "?", "(");

    /** Whether the clause of token {@code i} holds a verb that addresses the client (a «ты» verb turned to «вы»). */
    private static boolean addressedInClause(List<Token> tokens, int from, int to, int i, boolean[] addressed) {
        for (int step = -1; step <= 1; step += 2) {
            for (int k = i + step; k >= from && k < to; k += step) {
                Token t = tokens.get(k);
                if (!t.isWord() && CLAUSE_PUNCT.contains(t.norm())) {
                    int n = k + step;
                    if (t.norm().equals(",") && n >= from && n < to && tokens.get(n).norm().equals("пожалуйста")) {
                        // «Пришли, пожалуйста, свои пожелания»: the commas of «пожалуйста» end no clause
                        k = n + step < to && n + step >= from && tokens.get(n + step).norm().equals(",") ? n + step : n;
                        continue;
                    }
                    break;
                }
                if (addressed[k - from]) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Leaving a word out takes its separators with it: «Ты, бля, не мороси» → «Ты не мороси», «…служил, гандон.» →
     * «…служил.», «Сука, опять…» → «Опять…»; a word between words goes alone (the spaces are tidied later).
     */
    /**
     * {@link #dropEdit(String, Segment, int, int)}, except that a piece between two commas right after the client's
     * name or a greeting leaves the address its comma: «Anna, as I said, the gym is closed» → «Anna, the gym is closed».
     */
    static Rewriter.Edit dropEdit(String text, List<Token> tokens, Segment sen, int start, int end) {
        Rewriter.Edit e = dropEdit(text, sen, start, end);
        if (e.end() <= end || e.start() >= start || text.charAt(e.start()) != ',') {
            return e; // not the «…, piece, …» case
        }
        int comma = sen.fromToken();
        while (comma < sen.toToken() && tokens.get(comma).start() < e.start()) {
            comma++;
        }
        if (comma > sen.fromToken() && isVocative(tokens, new Segment(sen.fromToken(), comma, sen.start(), e.start()))) {
            return new Rewriter.Edit(e.start() + 1, e.end(), "");
        }
        return e;
    }

    static Rewriter.Edit dropEdit(String text, Segment sen, int start, int end) {
        int b = start;
        while (b > sen.start() && text.charAt(b - 1) == ' ') {
            b--;
        }
        int a = end;
        while (a < sen.end() && text.charAt(a) == ' ') {
            a++;
        }
        boolean atStart = b == sen.start();
        boolean sepBefore = b > sen.start() && ",;—–-".indexOf(text.charAt(b - 1)) >= 0;
        boolean atEnd = a >= sen.end() || ".!?…".indexOf(text.charAt(a)) >= 0;
        boolean sepAfter = a < sen.end() && ",;:—–-!".indexOf(text.charAt(a)) >= 0;
        if (sepBefore && a < sen.end() && text.charAt(a) == ',' && text.charAt(b - 1) == ',') {
            return new Rewriter.Edit(b - 1, a + 1, ""); // a word between two commas goes with both: «Счёт, сука, пришёл» → «Счёт пришёл»
        }
        if (sepBefore && (sepAfter || atEnd)) {
            return new Rewriter.Edit(b - 1, end, ""); // the separator before goes, the one after stays
        }
        if (atStart && sepAfter) {
            int e = a;
            while (e < sen.end() && (",;:—–-! ".indexOf(text.charAt(e)) >= 0)) {
                e++;
            }
            return new Rewriter.Edit(start, e, "");
        }
        return new Rewriter.Edit(start, end, "");
    }

    private static final java.util.regex.Pattern SENTENCE_BREAK = java.util.regex.Pattern.compile("[.!?]\\s+\\p{Lu}");

    /** Whether a word follows token {@code from} inside the sentence. */
    private static boolean wordsAfter(List<Token> tokens, int from, Segment sen) {
        for (int i = from; i < sen.toToken(); i++) {
            if (tokens.get(i).kind() != Token.Kind.PUNCT) {
                return true;
            }
        }
        return false;
    }

    private static boolean dashBetween(List<Token> tokens, Segment a, Segment b) {
        for (int i = a.toToken(); i < b.fromToken(); i++) {
            if (tokens.get(i).norm().equals("-")) {
                return true;
            }
        }
        return false;
    }

    private static String keepEdits(String text, int from, int to, List<Rewriter.Edit> edits) {
        if (from >= to) {
            return "";
        }
        List<Rewriter.Edit> inside = new ArrayList<>();
        for (Rewriter.Edit e : edits) {
            if (e.start() >= from && e.end() <= to) {
                inside.add(new Rewriter.Edit(e.start() - from, e.end() - from, e.replacement()));
            }
        }
        String piece = text.substring(from, to);
        inside.sort(java.util.Comparator.comparingInt(Rewriter.Edit::start));
        for (int i = 1; i < inside.size(); i++) {
            if (inside.get(i).start() < inside.get(i - 1).end()) {
                inside.remove(i--); // two edits over one word: the first one stands
            }
        }
        if (inside.isEmpty()) {
            return piece;
        }
        String out = Rewriter.apply(piece, inside);
        // a piece after a removed clause is not a sentence start: «…в Казани, можно связаться…», not «…, Можно…»
        int f = 0;
        while (f < piece.length() && !Character.isLetter(piece.charAt(f))) {
            f++;
        }
        return f < piece.length() && Character.isLowerCase(piece.charAt(f)) ? Rewriter.decapitalise(out) : out;
    }

    /**
     * Whether every finding of the sentence is fixed by a rewrite that covers its span: its own replacement or
     * transform, or the replacement of a rule that owns the whole sentence. A detect-only finding ({@code replacements: []})
     * or one a detect-only match reaches past otherwise leaves the sentence without a version: a rewrite of some other
     * span must not stand in for it («We guarantee your visa will be approved.» is no «We expect that.»).
     */
    static boolean everyFindingCovered(List<PhrasingEngine.Hit> hits) {
        boolean transformed = false;
        boolean owned = false;
        boolean sentenceSeen = false;
        for (PhrasingEngine.Hit h : hits) {
            String t = h.rule().transform();
            transformed |= (Rule.POLITE.equals(t) || Rule.CALM.equals(t)) && h.options().isEmpty();
            if (!sentenceSeen && h.rule().scope() == Rule.Scope.SENTENCE) {
                sentenceSeen = true; // the first rule of sentence scope rewrites the sentence (see build)
                owned = !h.options().isEmpty();
            }
        }
        for (PhrasingEngine.Hit h : hits) {
            if ((h.detectOnly() || h.blocked()) && (!owned || transformed)) {
                Trace.say("  uncovered " + h.rule().id() + (h.detectOnly() ? "" : " (blocked)") + " «" + h.fragment() + "»");
                return false;
            }
        }
        return true;
    }

    /**
     * The shorter matches inside a hit whose rewrite would replace exactly what the hit's own does, in the same scope:
     * any for a sentence, the same clauses for a clause, the same words for a fragment (its edges may add punctuation:
     * «, без вариантов» and «без вариантов»). These are real alternatives; another one's text put over the hit's span
     * would drop the rest of it.
     */
    static List<PhrasingEngine.Hit> sameRegion(PhrasingEngine.Hit h, List<Token> tokens, Segment sen) {
        List<PhrasingEngine.Hit> out = new ArrayList<>(0);
        List<Segment> clauses = null;
        for (PhrasingEngine.Hit a : h.alternatives()) {
            if (a.rule().scope() != h.rule().scope() || a.options().isEmpty() || !a.inside(h.start(), h.end())) {
                continue;
            }
            boolean same = switch (h.rule().scope()) {
                case SENTENCE -> true;
                case CLAUSE -> {
                    if (clauses == null) {
                        clauses = Segments.clauses(tokens, sen);
                    }
                    yield clauses.isEmpty() || (firstClause(clauses, a.match().fromToken()) == firstClause(clauses, h.match().fromToken())
                            && lastClause(clauses, a.match().toToken() - 1) == lastClause(clauses, h.match().toToken() - 1));
                }
                case FRAGMENT -> onlyPunctuation(tokens, h.match().fromToken(), a.match().fromToken())
                        && onlyPunctuation(tokens, a.match().toToken(), h.match().toToken());
            };
            if (same) {
                out.add(a);
            }
        }
        return out;
    }

    private static boolean onlyPunctuation(List<Token> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            if (tokens.get(i).kind() != Token.Kind.PUNCT) {
                return false;
            }
        }
        return true;
    }

    /**
     * The hit's v-th option, filled from its captures; then the options of other rules that matched the same words.
     * A shorter match inside it is never put in its place: that rewrite would drop the rest of the span.
     */
    private Optional<String> option(PhrasingEngine.Hit h, int v, String text, List<Token> tokens, Segment sen) {
        List<String> own = h.options();
        if (v < own.size()) {
            return Templates.fill(own.get(v), text, h.match(), inflector);
        }
        int k = v - own.size();
        // a tail left out from its comma («…, ок?») takes no other rule's word for it: «…у склада хорошо.»
        boolean tailDrop = !own.isEmpty() && own.stream().allMatch(String::isEmpty) && endsQuestion(h, tokens, sen);
        List<PhrasingEngine.Hit> same = tailDrop ? List.of() : sameRegion(h, tokens, sen);
        if (k < same.size()) {
            PhrasingEngine.Hit a = same.get(k);
            return Templates.fill(a.options().get(0), text, a.match(), inflector);
        }
        return own.isEmpty() ? Optional.empty() : Templates.fill(own.get(own.size() - 1), text, h.match(), inflector);
    }

    /** The clause a match starting at token t begins in: the one holding t, or the next one when t is a separator. */
    private static int firstClause(List<Segment> clauses, int t) {
        for (int i = 0; i < clauses.size(); i++) {
            if (t < clauses.get(i).toToken()) {
                return i;
            }
        }
        return clauses.size() - 1;
    }

    /** The clause a match ending at token t ends in: the one holding t, or the one before when t is a separator. */
    private static int lastClause(List<Segment> clauses, int t) {
        for (int i = clauses.size() - 1; i >= 0; i--) {
            if (t >= clauses.get(i).fromToken()) {
                return i;
            }
        }
        return 0;
    }

    /** Words of address that open a message: «Коллеги, …», «Уважаемый Олег Николаевич, …». */
    private static final Set<String> ADDRESS = Set.of("коллеги", "друзья", "господа", "уважаемый", "уважаемая", "уважаемые",
            "дорогой", "дорогая", "дорогие", "dear", "colleagues", "team", "hi", "hello", "guest", "guests", "client",
            "clients", "customer", "customers", "partner", "partners", "sir", "madam", "all", "everyone");
    /** English titles written with a full stop: «Mr. Green,» is an address of two words. */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "prof");

    /** A clause of up to three words of address before the rest: «Анна, …», «Ольга Викторовна, …», «Коллеги, …». */
    private static boolean isVocative(List<Token> tokens, Segment clause) {
        int words = 0;
        for (int i = clause.fromToken(); i < clause.toToken(); i++) {
            Token t = tokens.get(i);
            if (!t.isWord() && t.text().equals(".") && i > clause.fromToken() && TITLES.contains(tokens.get(i - 1).norm())) {
                continue; // «Mr. Green»
            }
            if (!t.isWord() || !(isName(t, true) || ADDRESS.contains(t.norm()))) {
                return false;
            }
            words++;
        }
        return words <= 3;
    }

    /**
     * A person's name: a first name, patronymic or surname by the dictionary, a capitalised Latin word, or (when
     * {@code unknownToo}) a capitalised word the dictionary does not know.
     */
    static boolean isName(Token t, boolean unknownToo) {
        if (!t.isWord() || !Character.isUpperCase(t.text().charAt(0))) {
            return false;
        }
        char c = t.norm().charAt(0);
        if (!Lang.isCyrillic(c)) {
            return true;
        }
        List<coach.text.morph.Reading> rs = coach.text.morph.Morphology.russian().analyze(t.norm());
        if (rs.isEmpty()) {
            return unknownToo;
        }
        for (coach.text.morph.Reading r : rs) {
            if (r.has("Name") || r.has("Patr") || r.has("Fam")) {
                return true;
            }
        }
        return false;
    }

    /** The closing mark of the original sentence, as the kept part should end: «!!!» and «?!» calm down to «.» and «?». */
    /**
     * Whether version {@code v} leaves out a tag that alone made the sentence a question: a fragment from a comma to
     * the final «?» («…, ок?», «…, норм?», «…, right?») replaced by nothing. What is left is a statement and ends
     * with a full stop («Сейчас посмотрю, что с заказом № 512, норм?» → «Сейчас посмотрю, что с заказом № 512.»).
     */
    private static boolean droppedQuestionTag(Job job, int v) {
        List<Token> tokens = job.tokens();
        Segment sen = job.sentence();
        for (PhrasingEngine.Hit h : job.hits()) {
            List<String> o = h.options();
            if (h.rule().scope() != Rule.Scope.FRAGMENT || o.isEmpty() || !o.get(Math.min(v, o.size() - 1)).isEmpty()) {
                continue;
            }
            if (endsQuestion(h, tokens, sen)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a hit runs from a comma to its sentence's final «?» (or up to it): a question tag («…, ок?»). */
    private static boolean endsQuestion(PhrasingEngine.Hit h, List<Token> tokens, Segment sen) {
        int end = sen.toToken();
        while (end > sen.fromToken() && tokens.get(end - 1).norm().isBlank()) {
            end--;
        }
        if (end == sen.fromToken() || !tokens.get(end - 1).norm().equals("?")) {
            return false;
        }
        int to = h.match().toToken();
        return tokens.get(h.match().fromToken()).norm().equals(",") && (to == end || to == end - 1);
    }

    private static char closing(String text, Segment sen) {
        String s = text.substring(sen.start(), sen.end()).strip();
        if (s.endsWith("?") || s.endsWith("?!") || s.endsWith("!?")) {
            return '?';
        }
        return '.';
    }

    /** {@link #tidy(String)} without taking out a leading conjunction. */
    static String tidyKeepingConjunction(String s) {
        return tidy(s, false);
    }

    /** Trims separators and spaces left at the edges and doubled inside. */
    static String tidy(String s) {
        return tidy(s, true);
    }

    private static String tidy(String s, boolean conjunction) {
        // each expression runs only where it can change something (most versions need none of them)
        String t = (oddSpaces(s) ? TIDY_SPACES.matcher(s).replaceAll(" ") : s).strip();
        if (spaceBeforeMark(t)) {
            t = TIDY_SPACE_BEFORE_MARK.matcher(t).replaceAll("$1");
        }
        if (separators(t) > 1) {
            t = TIDY_DOUBLED_SEPARATOR.matcher(t).replaceAll("$1");
        }
        t = TIDY_SEPARATOR_BEFORE_END.matcher(t).replaceAll("");
        if (!t.isEmpty() && EDGE.indexOf(t.charAt(0)) >= 0) {
            t = TIDY_LEADING.matcher(t).replaceAll("");
        }
        if (!t.isEmpty() && (EDGE.indexOf(t.charAt(t.length() - 1)) >= 0 || LINE_END.indexOf(t.charAt(t.length() - 1)) >= 0)) {
            // «$» also matches before a last line terminator
            t = TIDY_TRAILING.matcher(t).replaceAll("");
        }
        if (conjunction && !t.isEmpty() && CONJUNCTION_START.indexOf(Character.toLowerCase(Character.toUpperCase(t.charAt(0)))) >= 0) {
            t = TIDY_LEADING_CONJUNCTION.matcher(t).replaceAll("");
        }
        return t.strip();
    }

    /** What {@code \\s} matches (no Unicode classes), the characters of {@link #TIDY_LEADING}'s class, line terminators. */
    private static final String SPACE = " \t\n\u000B\f\r";
    private static final String EDGE = SPACE + ",;:—–-";
    private static final String LINE_END = "\n\r\u0085\u2028\u2029";
    /** First letters of {@link #TIDY_LEADING_CONJUNCTION}'s words, folded as {@code (?iu)} folds. */
    private static final String CONJUNCTION_START = "таинзп";

    /** Whether {@link #TIDY_SPACES} would change the text: a space other than ' ', or two in a row. */
    private static boolean oddSpaces(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && SPACE.indexOf(c) >= 0 || c == ' ' && i + 1 < s.length() && SPACE.indexOf(s.charAt(i + 1)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether a space stands right before a mark {@link #TIDY_SPACE_BEFORE_MARK} removes it from. */
    private static boolean spaceBeforeMark(String s) {
        for (int i = 0; i + 1 < s.length(); i++) {
            if (SPACE.indexOf(s.charAt(i)) >= 0 && (",.;:!?…".indexOf(s.charAt(i + 1)) >= 0 || SPACE.indexOf(s.charAt(i + 1)) >= 0)) {
                return true;
            }
        }
        return false;
    }

    private static int separators(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += ",;:".indexOf(s.charAt(i)) >= 0 ? 1 : 0;
        }
        return n;
    }

    private static final Pattern TIDY_SPACES = Pattern.compile("\\s+");
    /** Compiled once: {@link #build} and {@link #endsWith} ask them of every version. */
    private static final Pattern PUNCT_OR_SPACE_RUN = Pattern.compile("[\\p{Punct}«»—–\\s]+");
    private static final Pattern TRAILING_PUNCT_OR_SPACE = Pattern.compile("[\\p{Punct}\\s]+$");
    private static final Pattern TIDY_SPACE_BEFORE_MARK = Pattern.compile("\\s+([,.;:!?…])");
    private static final Pattern TIDY_DOUBLED_SEPARATOR = Pattern.compile("([,;:])(\\s*[,;:])+");
    /** «…до пятницы, пожалуйста,.»: a separator a replacement brought before the sentence's end goes. */
    private static final Pattern TIDY_SEPARATOR_BEFORE_END = Pattern.compile("[,;]\\s*(?=[.!?…])");
    private static final Pattern TIDY_LEADING = Pattern.compile("^[\\s,;:—–-]+");
    private static final Pattern TIDY_TRAILING = Pattern.compile("[\\s,;:—–-]+$");
    private static final Pattern EXCLAMATIONS = Pattern.compile("!+$");
    private static final Pattern QUESTION_DOT = Pattern.compile("\\?\\.$");
    private static final Pattern TIDY_LEADING_CONJUNCTION = Pattern.compile("^(?iu)(так что|а|и|но|зато|поэтому)\\s+");

    private static final Pattern REPEATED_QUESTION = Pattern.compile("[?!]*\\?[?!]*\\?$|!+\\?$");

    /** Ends a sentence with {@code mark} unless it already ends with one. */
    static String finish(String s, char mark) {
        String t = s.strip();
        if (t.isEmpty()) {
            return t;
        }
        char last = t.charAt(t.length() - 1);
        if (last == '.' || last == '…') {
            return t;
        }
        if (last == '?') {
            // «…снёс ворота у рампы №3??» in a rewritten sentence asks once
            return REPEATED_QUESTION.matcher(t).replaceFirst("?");
        }
        if (last == '!') {
            // «!!!» calms down to «.»; one «!» after a greeting or thanks stays
            return t.endsWith("!!") || t.endsWith("?!") ? QUESTION_DOT.matcher(EXCLAMATIONS.matcher(t).replaceAll(".")).replaceAll("?") : t;
        }
        if (last == ')' || Character.isSurrogate(last) || Character.getType(last) == Character.OTHER_SYMBOL) {
            return t; // an emoticon or emoji ends the sentence as the user wrote it
        }
        while (!t.isEmpty() && ",;:—–-".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t + mark;
    }

    /** Capitalises the first letter, unless the sentence opens with markup (which is left as the user wrote it). */
    static String sentenceCase(String s) {
        return s.isEmpty() || s.charAt(0) == '<' ? s : Rewriter.capitalise(s);
    }

    private static boolean hasWord(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The nouns that carry no fact when an insulting or sarcastic sentence is left out. */
    SentenceRewriter noFactWords(java.util.function.BiPredicate<Lang, String> words) {
        this.noFactWord = words;
        return this;
    }

    /**
     * What {@link #verify} asks of the job's own sentence: the same for every version of it, so asked once per job
     * (on first need, in the order verify asks).
     */
    private static final class Same {
        private final Job job;
        private List<Token> tokens;
        private Map<String, Integer> facts;
        private Boolean doubled;
        private Boolean pastAfterVySingular;
        private Boolean nearEcho;
        private int nextSteps = -1;
        private Set<String> stems;
        private Boolean saysNextStep;
        private Boolean nextStepPhrase;
        private Boolean nextStepSaid;
        private Set<String> pairs;
        private Set<String> norms;

        /** {@link SentenceRewriter#pairs} of the sentence's tokens; not to be modified. */
        Set<String> pairs() {
            if (pairs == null) {
                pairs = SentenceRewriter.pairs(tokens());
            }
            return pairs;
        }

        /** {@link SentenceRewriter#norms} of the sentence's tokens; not to be modified. */
        Set<String> norms() {
            if (norms == null) {
                norms = SentenceRewriter.norms(tokens());
            }
            return norms;
        }

        Same(Job job) {
            this.job = job;
        }

        /** The sentence's tokens. */
        List<Token> tokens() {
            if (tokens == null) {
                tokens = job.tokens().subList(job.sentence().fromToken(), job.sentence().toToken());
            }
            return tokens;
        }

        /** {@link SentenceRewriter#facts} of the sentence, its exempt spans aside; not to be modified. */
        Map<String, Integer> facts() {
            if (facts == null) {
                facts = SentenceRewriter.facts(job.text(), job.tokens(), job.sentence(), exempt(job));
            }
            return facts;
        }

        boolean doubled() {
            if (doubled == null) {
                doubled = SentenceRewriter.doubled(tokens());
            }
            return doubled;
        }

        boolean pastAfterVySingular() {
            if (pastAfterVySingular == null) {
                pastAfterVySingular = SentenceRewriter.pastAfterVySingular(tokens());
            }
            return pastAfterVySingular;
        }

        boolean nearEcho() {
            if (nearEcho == null) {
                nearEcho = SentenceRewriter.nearEcho(tokens());
            }
            return nearEcho;
        }

        /** The stems of the sentence's tokens; not to be modified. */
        Set<String> stems() {
            if (stems == null) {
                stems = new HashSet<>();
                for (Token t : tokens()) {
                    stems.add(t.stem());
                }
            }
            return stems;
        }

        boolean saysNextStep() {
            if (saysNextStep == null) {
                saysNextStep = SentenceRewriter.saysNextStep(tokens(), 0, tokens().size());
            }
            return saysNextStep;
        }

        boolean nextStepPhrase() {
            if (nextStepPhrase == null) {
                nextStepPhrase = SentenceRewriter.nextStepPhrase(text(tokens()));
            }
            return nextStepPhrase;
        }

        boolean nextStepSaid() {
            if (nextStepSaid == null) {
                nextStepSaid = SentenceRewriter.nextStepSaid(job);
            }
            return nextStepSaid;
        }

        int nextSteps() {
            if (nextSteps < 0) {
                nextSteps = SentenceRewriter.nextSteps(job.text().substring(job.sentence().start(), job.sentence().end()), tokens());
            }
            return nextSteps;
        }
    }

    /** {@link #verify}, once per text of one job. */
    private boolean verified(Job job, String original, String version, Map<String, Boolean> checked, Same same) {
        Boolean known = checked.get(version);
        if (known == null) {
            known = verify(job, original, version, same);
            checked.put(version, known);
        }
        return known;
    }

    /** Every check a version must pass before anyone sees it. */
    private boolean verify(Job job, String original, String version, Same same) {
        List<Token> vt = version.isEmpty() ? List.of() : TextAnalyzer.analyze(version);
        if (lostWords(job, vt) > MAX_LOST_WORDS) {
            // the point of the message goes with the removed words: «Про скрип тормозов — …» is no risk to cut
            return Trace.no("verify:1339");
        }
        if (!version.isEmpty() && !jibe(job) && lostSubject(job, vt)) {
            // «Ноутбук починим, сколько займёт — столько займёт.» → «Я уточню сроки…»: what the sentence was about is gone
            return Trace.no("verify:lost-subject");
        }
        boolean modelOnly = !job.hits().isEmpty();
        for (PhrasingEngine.Hit h : job.hits()) {
            if (version.isEmpty() && !Double.isNaN(h.confidence()) && h.confidence() < (job.lang() == Lang.RU ? MODEL_DROP_CONFIDENCE : MODEL_DROP_CONFIDENCE_EN)) {
                return Trace.no("verify:1344"); // the model's guess alone does not take a sentence out unless it is sure
            }
            modelOnly &= !Double.isNaN(h.confidence());
        }
        if (version.isEmpty() && modelOnly && contentWords(job) > (reproachOnly(job) && job.lang() == Lang.RU ? MAX_REPROACH_WORDS : MAX_LOST_WORDS)) {
            // the model sees the tone, not what the sentence says: one with more to say than a jibe stays
            return Trace.no("verify:1350");
        }
        if (version.isEmpty() && modelOnly && reproachOnly(job) && job.lang() == Lang.RU && statesWhatHappens(job)) {
            // «Опять всё упало.», «Шумит — значит так и должно быть»: the model hears the tone, but the sentence says what
            // happens (a verb of the third person or a singular past); left out, the client loses the fact
            return Trace.no("verify:drop-event");
        }
        if (version.isEmpty() && modelOnly && reproachOnly(job) && !namesNothingNew(job)) {
            // «Проверяйте почту внимательнее!!» after «Код пришёл на почту» goes; «Вопросами общежития мы не занимаемся» stays
            return Trace.no("verify:reproach");
        }
        if (version.isEmpty() && listedWordOnly(job) && lostWords(job, vt) > 1) {
            // a coarse word alone does not make its sentence empty of content: «гости суки завистливые» says something
            return Trace.no("verify:1354");
        }
        if (version.isEmpty()) {
            // leaving the sentence out: only when it carries no fact (and a jibe only when it asks nothing and names nothing new)
            if (!same.facts().isEmpty() && !vocativeOnly(job, same.facts())) {
                return Trace.no("verify:drop-facts");
            }
            if (nextLeansBack(job)) {
                // «WHY are you still asking about the invoice?? It was sent on March 3…»: «It» would point at nothing
                return Trace.no("verify:antecedent");
            }
            return !jibe(job) || saysNothing(job) || Trace.no("verify:drop-jibe");
        }
        if (!(listedWordOnly(job) ? wordsClean : clean).test(version, vt)) {
            return Trace.no("verify:1361");
        }
        if (job.lang() == Lang.RU && lostPredicate(original, version)) {
            // «Ваша машина — г@вно, за неё …» → «Ваша машина, за неё …»: the subject lost what the dash said of it
            return Trace.no("verify:lost-predicate");
        }
        if (job.lang() == Lang.RU && danglingContrast(original, version)) {
            // «несуществующий — г@вно, а не заявка» → «несуществующий, а не заявка»: the «а не …» half lost its first half
            return Trace.no("verify:dangling-contrast");
        }
        if (job.lang() == Lang.EN && CONTRACTED_MODAL.matcher(version).find() && !CONTRACTED_MODAL.matcher(original).find()) {
            // «driver's gonna be there» → «driver's will be there»: «'s» (is) before a modal is no English
            return Trace.no("verify:contracted-modal");
        }
        Map<String, Integer> need = same.facts();
        Map<String, Integer> have = new HashMap<>();
        for (Token t : vt) {
            have.merge(t.text(), 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : need.entrySet()) {
            if (have.getOrDefault(e.getKey(), 0) < e.getValue()) {
                return Trace.no("verify:1370");
            }
        }
        for (Segment s : Segments.sentences(version, vt)) {
            Token first = firstWord(vt, s);
            if (first != null && DANGLING_START.contains(first.norm()) && !startsWith(original, first.norm())) {
                return Trace.no("verify:1376");
            }
            if (first != null && STANCE.contains(first.norm()) && strandedStance(original, version, vt, s, first)) {
                // «Honestly, you could have just read the instructions…» → «Honestly, let's look at what we can do now.»:
                // the writer's «honestly» now vouches for a sentence of ours
                return Trace.no("verify:stranded-stance");
            }
            int modals = job.lang() == Lang.RU ? modals(vt, s) : 0;
            if (modals > 1 && modals > modals(job.tokens(), job.sentence())) {
                // «Да пора всех этих депутатов следует наказать»: our «следует» beside the writer's «пора»
                return Trace.no("verify:double-modal");
            }
            if (first != null && job.lang() == Lang.RU && !startsWith(original, first.norm()) && bareInfinitive(vt, s, version)) {
                // «Вам же ясно было написано: ключи оставить у консьержа.» → «Ключи оставить у консьержа.»: the instruction
                // the removed lead-in introduced is left a curt infinitive of its own
                return Trace.no("verify:bare-infinitive");
            }
            if (first != null && PRONOUN_START.contains(first.norm()) && !startsWith(original, first.norm())) {
                // «You should have read the terms, they're printed on the front» → «Let's look … . They're printed …»: the
                // clause the pronoun pointed back to was replaced, and the new sentence starts with nobody to refer to
                return Trace.no("verify:pronoun");
            }
            if (first != null && SUBORDINATE_START.contains(first.norm()) && !hasClauseMark(vt, s) && !version.strip().endsWith("?")
                    && !(startsWith(original, first.norm()) && !hasClauseMark(job.tokens(), job.sentence()))) {
                // «Когда будет готово.»: a subordinate clause left without its main clause
                return Trace.no("verify:1381");
            }
            Token last = lastWord(vt, s);
            if (last != null && DANGLING_END.contains(last.norm())) {
                return Trace.no("verify:1385");
            }
            if (last != null && job.lang() == Lang.EN && barePredicate(vt, s) && !endsWith(original, last.norm())) {
                // «…, so it's best to contact.»: a verb that needs its object ends the sentence
                return Trace.no("verify:1389");
            }
        }
        List<Token> ot = same.tokens();
        if (doubled(vt) && !same.doubled()) {
            return Trace.no("verify:1394");
        }
        if (job.lang() == Lang.RU && pastAfterVySingular(vt) && !same.pastAfterVySingular()) {
            // «Вы путёвки в Сочи получил?»: «ты» became «вы», its verb further on stayed singular
            return Trace.no("verify:1398");
        }
        if (job.lang() == Lang.RU && nearEcho(vt) && !same.nearEcho()) {
            // «срок по сроку ответа»: two replacements side by side said the same noun twice
            return Trace.no("verify:1402");
        }
        if (job.lang() == Lang.RU && NO_COMMA_BUT.matcher(version).find() && !NO_COMMA_BUT.matcher(original).find()) {
            // «Ваш бывший партнёр, конечно, мудак, но …» → «…, конечно но …»: the cut took the comma before «но»
            return Trace.no("verify:comma-before-but");
        }
        if (job.lang() == Lang.RU && JOINT_OFFER.matcher(version).find() && !JOINT_OFFER.matcher(original).find()
                && CLOSED.matcher(job.text()).find()) {
            // «…провайдера. Давайте разберёмся в ситуации вместе. Заявка 4471 закрыта.»: the offer reverses the closing
            return Trace.no("verify:offer-after-closed");
        }
        if (regrets(version) > Math.max(1, regrets(original))) {
            // «…, к сожалению, не сможем. К сожалению, так сделать не получится…»: two findings each said sorry
            return Trace.no("verify:regret-twice");
        }
        if (echoes(job, ot, vt, same)) {
            return Trace.no("verify:1405");
        }
        int steps = nextSteps(version, vt);
        if (steps > 1 && steps > same.nextSteps()) {
            // «…, and I'll confirm the exact date as soon as I have it. I'll check the timing and let you know.»: two
            // findings of one sentence each promised word back
            return Trace.no("verify:1411");
        }
        if (job.lang() == Lang.RU && unknownLeftAfterJargon(job, vt)) {
            return Trace.no("verify:1414");
        }
        if (job.lang() == Lang.RU && !agrees(vt, same.pairs(), same.norms())) {
            return Trace.no("verify:1417");
        }
        if (job.lang() == Lang.RU && losesAntecedent(job, ot, vt)) {
            return Trace.no("verify:1420");
        }
        if (job.lang() == Lang.RU && !coordinatedVerbsAgree(vt, ot)) {
            // «Тестовое проверяет руководитель и повлиять не могу»: a removed clause left two subjects under one «и»
            return Trace.no("verify:1424");
        }
        return !BAD_PUNCTUATION.matcher(version).find();
    }

    /** English verbs that cannot end a sentence: what they act on must follow («contact the bank», «tell them»). */
    private static final Set<String> TRANSITIVE_END = Set.of("contact", "inform", "notify", "tell", "reach", "forward", "send",
            "approach", "consult");
    /** English verbs that end a sentence only on their own («Feel free to ask.»), not after «best to», «need to», «should». */
    private static final Set<String> TRANSITIVE_AFTER_ADVICE = Set.of("ask", "call", "email", "e-mail", "message", "phone", "text",
            "write", "ring");
    private static final Set<String> ADVICE = Set.of("best", "need", "have", "should", "must", "please", "better", "recommend",
            "suggest", "advise", "will", "can", "could", "'ll");

    /** Whether sentence {@code s} of the version ends in a transitive verb with nothing to act on. */
    static boolean barePredicate(List<Token> ts, Segment s) {
        int i = s.toToken() - 1;
        while (i >= s.fromToken() && ts.get(i).kind() == Token.Kind.PUNCT) {
            i--;
        }
        if (i < s.fromToken() || !ts.get(i).isWord()) {
            return false;
        }
        String w = ts.get(i).norm();
        String prev = i - 1 >= s.fromToken() ? ts.get(i - 1).norm() : "";
        String prev2 = i - 2 >= s.fromToken() ? ts.get(i - 2).norm() : "";
        if (TRANSITIVE_END.contains(w)) {
            // «get in touch» aside, a determiner before makes it a noun: «your contact», «a forward»
            return !Set.of("a", "the", "your", "our", "my", "their", "his", "her", "this", "that", "main", "first").contains(prev);
        }
        if (TRANSITIVE_AFTER_ADVICE.contains(w)) {
            return prev.equals("to") ? ADVICE.contains(prev2) : ADVICE.contains(prev) || prev.equals("ll");
        }
        return false;
    }

    private static boolean endsWith(String original, String norm) {
        String o = TRAILING_PUNCT_OR_SPACE.matcher(coach.text.Normalizer.norm(original.strip())).replaceAll("");
        return o.endsWith(" " + norm) || o.equals(norm);
    }

    private static boolean startsWith(String original, String norm) {
        String o = coach.text.Normalizer.norm(original.strip());
        return o.startsWith(norm + " ") || o.startsWith(norm + ",");
    }

    private static boolean hasClauseMark(List<Token> ts, Segment s) {
        for (int i = s.fromToken(); i < s.toToken(); i++) {
            if (Segments.isClauseMark(ts, i)) {
                return true;
            }
        }
        return false;
    }

    /** Sentence adverbs of the writer's own stance, said before what they vouch for. */
    private static final Set<String> STANCE = Set.of("honestly", "frankly", "seriously", "truthfully", "честно", "откровенно",
            "серьезно", "серьёзно");

    /**
     * Whether a version's sentence opens with the writer's stance adverb and its comma, as the original has them, and
     * what follows the comma is not what followed it in the original (a replacement now stands there).
     */
    private static boolean strandedStance(String original, String version, List<Token> vt, Segment s, Token first) {
        int at = vt.indexOf(first);
        int i = at + 1;
        // «честно говоря,», «если честно,»: the comma within two words
        while (i < s.toToken() && i <= at + 2 && !vt.get(i).norm().equals(",")) {
            i++;
        }
        if (i >= s.toToken() || !vt.get(i).norm().equals(",") || i + 1 >= s.toToken()) {
            return false;
        }
        if (!original.contains(version.substring(s.start(), vt.get(i).end()))) {
            return false; // the stance is the replacement's own («Честно скажу, выполнить такой запрос будет непросто»)
        }
        int from = vt.get(i + 1).start();
        int to = Math.min(version.length(), Math.min(s.end(), from + 24));
        String after = version.substring(from, to);
        return !after.isBlank() && !original.contains(after);
    }

    /** Words that make an infinitive a polite or modal statement («лучше оставить», «просьба оставить»). */
    private static final Set<String> INFINITIVE_HOSTS = Set.of("лучше", "можно", "нужно", "надо", "необходимо", "следует",
            "стоит", "пора", "прошу", "просим", "просьба", "пожалуйста", "предлагаю", "предлагаем", "важно", "удобно", "нельзя");

    /** A word and «но»/«однако» with no comma between them (not «не только … но и»). */
    private static final java.util.regex.Pattern NO_COMMA_BUT = java.util.regex.Pattern.compile(
            "(?iu)(?<!только)(?<=\\p{L}) (но|однако) (?!и )");
    /** A stock offer to work the problem out together. */
    private static final java.util.regex.Pattern JOINT_OFFER = java.util.regex.Pattern.compile(
            "(?iu)давайте разбер[её]мся|поможем во вс[её]м разобраться|готовы помочь вам решить");
    /** The message says the request is closed: «Заявка 4471 закрыта», «тикет закрыли». */
    private static final java.util.regex.Pattern CLOSED = java.util.regex.Pattern.compile(
            "(?iu)(заявк|тикет|обращени|запрос|инцидент)\\p{L}*(\\s+(№\\s*)?[\\p{L}\\d-]+)?\\s+(закрыт|закрыл)|закрыл[аи]?\\s+(вашу\\s+|ваш\\s+)?(заявк|тикет|обращени|запрос)");
    private static final java.util.regex.Pattern REGRET_WORDS = java.util.regex.Pattern.compile("(?iu)к сожалению|unfortunately");

    private static int regrets(String s) {
        int n = 0;
        for (java.util.regex.Matcher m = REGRET_WORDS.matcher(s); m.find(); ) {
            n++;
        }
        return n;
    }

    /**
     * Whether the only facts of a sentence are the client's name it opens with («Сергей, вы вообще читаете…?») and a
     * sentence follows it: left out, the sentence hands its address on to the next one ({@link #vocative}).
     */
    private static boolean vocativeOnly(Job job, Map<String, Integer> facts) {
        String sentence = job.text().substring(job.sentence().start(), job.sentence().end());
        String voc = vocative(sentence);
        if (voc == null || job.lang() != Lang.RU) {
            return false;
        }
        String rest = job.text().substring(job.sentence().end());
        if (rest.codePoints().noneMatch(Character::isLetter)) {
            return false;
        }
        for (String f : facts.keySet()) {
            if (!voc.contains(f)) {
                return false;
            }
        }
        return true;
    }

    /** The address a Russian sentence opens with, up to its comma («Сергей,», «Анна Петровна,»), or null. */
    static String vocative(String sentence) {
        List<Token> ts = TextAnalyzer.analyze(sentence);
        int i = 0;
        while (i < ts.size() && i < 2 && ts.get(i).isWord() && Character.isUpperCase(ts.get(i).text().charAt(0))
                && coach.text.morph.Morphology.russian().analyze(ts.get(i).norm()).stream()
                        .anyMatch(r -> r.tag().startsWith("NN:Name") || r.tag().startsWith("NN:Patr"))) {
            i++;
        }
        if (i == 0 || i >= ts.size() || !ts.get(i).norm().equals(",") || i + 1 >= ts.size()) {
            return null;
        }
        return sentence.substring(0, ts.get(i).end());
    }

    private static final Set<String> MODALS = Set.of("следует", "нужно", "надо", "необходимо", "пора", "стоит");

    /** How many words of a sentence put an infinitive under obligation («следует», «нужно», «пора»…). */
    private static int modals(List<Token> ts, Segment s) {
        int n = 0;
        for (int i = s.fromToken(); i < s.toToken(); i++) {
            n += MODALS.contains(ts.get(i).norm()) ? 1 : 0;
        }
        return n;
    }

    /**
     * Whether a Russian sentence of the version says what to do by an infinitive alone: an infinitive, and no finite
     * verb, short form, predicative or polite word that would carry it; a question is not one.
     */
    private static boolean bareInfinitive(List<Token> ts, Segment s, String version) {
        if (version.substring(s.start(), s.end()).strip().endsWith("?")) {
            return false;
        }
        boolean infinitive = false;
        for (int i = s.fromToken(); i < s.toToken(); i++) {
            Token t = ts.get(i);
            if (!t.isWord()) {
                continue;
            }
            if (INFINITIVE_HOSTS.contains(t.norm())) {
                return false;
            }
            List<coach.text.morph.Reading> rs = coach.text.morph.Morphology.russian().analyze(t.norm());
            boolean allInfinitive = !rs.isEmpty();
            for (coach.text.morph.Reading r : rs) {
                String tag = r.tag();
                if ((tag.startsWith("VB:") && !tag.startsWith("VB:INF")) || tag.startsWith("PT_Short") || tag.startsWith("PRDC")
                        || tag.startsWith("ADJ:Short")) {
                    return false;
                }
                allInfinitive &= tag.startsWith("VB:INF");
            }
            infinitive |= allInfinitive;
        }
        return infinitive;
    }

    private static Token firstWord(List<Token> ts, Segment s) {
        for (int i = s.fromToken(); i < s.toToken(); i++) {
            if (ts.get(i).isWord()) {
                return ts.get(i);
            }
        }
        return null;
    }

    private static Token lastWord(List<Token> ts, Segment s) {
        for (int i = s.toToken() - 1; i >= s.fromToken(); i--) {
            if (ts.get(i).kind() != Token.Kind.PUNCT) {
                return ts.get(i);
            }
        }
        return null;
    }

    /** Third-person pronouns that point back at a person named before («Переделывать за ним не будем»). */
    private static final Set<String> BACK_POINTERS = Set.of("он", "она", "они", "его", "её", "ее", "их", "него", "неё", "нее",
            "них", "ним", "ней", "ними", "нему", "ему", "ей", "им", "нём", "нем");

    /**
     * Whether the version drops the only person the next sentence points back at: «Ваш декоратор — полный дилетант, шары
     * висят как попало. Переделывать за ним не будем.» must not become «Шары висят как попало. Переделывать за ним…».
     */
    static boolean losesAntecedent(Job job, List<Token> original, List<Token> version) {
        coach.text.morph.Morphology m = coach.text.morph.Morphology.russian();
        Set<String> kept = new HashSet<>();
        for (Token t : version) {
            kept.add(t.norm());
        }
        boolean lost = false;
        for (Token t : original) {
            if (t.isWord() && !kept.contains(t.norm()) && t.text().length() > 2 && !m.analyze(t.norm()).isEmpty()
                    && m.analyze(t.norm()).stream().allMatch(r -> r.isNoun() && r.animacy() == coach.text.morph.Animacy.ANIM)) {
                lost = true;
                break;
            }
        }
        if (!lost) {
            return false;
        }
        List<Token> all = job.tokens();
        int words = 0;
        for (int i = job.sentence().toToken(); i < all.size() && words < 6; i++) {
            Token t = all.get(i);
            if (t.isWord()) {
                words++;
                if (BACK_POINTERS.contains(t.norm())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Agreement inside the version: every adjective-like word directly before a noun agrees with it in some pair of
     * readings, unless the same two words stood together in the original (the client's own text is not corrected).
     */
    static boolean agrees(List<Token> version, List<Token> original) {
        return agrees(version, pairs(original), norms(original));
    }

    /** The norms of every two neighbouring tokens, joined by a space. */
    private static Set<String> pairs(List<Token> ts) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 1 < ts.size(); i++) {
            out.add(ts.get(i).norm() + " " + ts.get(i + 1).norm());
        }
        return out;
    }

    private static Set<String> norms(List<Token> ts) {
        Set<String> out = new HashSet<>();
        for (Token t : ts) {
            out.add(t.norm());
        }
        return out;
    }

    /** {@link #agrees(List, List)} with the original's {@link #pairs} and {@link #norms} given (made once per job). */
    private static boolean agrees(List<Token> version, Set<String> before, Set<String> ownNorms) {
        coach.text.morph.Morphology m = coach.text.morph.Morphology.russian();
        for (int i = 0; i + 1 < version.size(); i++) {
            Token a = version.get(i);
            Token b = version.get(i + 1);
            if (!a.isWord() || !b.isWord() || a.end() == b.start() || before.contains(a.norm() + " " + b.norm())) {
                continue;
            }
            List<coach.text.morph.Reading> ra = m.analyze(a.norm());
            List<coach.text.morph.Reading> rb = m.analyze(b.norm());
            if (ra.isEmpty() || rb.isEmpty() || !ra.stream().allMatch(coach.text.morph.Reading::isAgreeingModifier)
                    || !rb.stream().allMatch(coach.text.morph.Reading::isNoun)) {
                continue;
            }
            boolean ok = false;
            for (coach.text.morph.Reading x : ra) {
                for (coach.text.morph.Reading y : rb) {
                    if (m.agree(x, y)) {
                        ok = true;
                        break;
                    }
                }
                if (ok) {
                    break;
                }
            }
            if (!ok) {
                return false;
            }
        }
        return predicatesAgree(version, ownNorms, m);
    }

    private static final Set<String> PERSONAL = Set.of("я", "мы", "ты", "вы", "он", "она", "оно", "они");

    /**
     * Two finite verbs joined by «и» without a comma or a subject between share their person: «проверяет … и не могу»
     * cannot stand, unless the client wrote the same pair.
     */
    static boolean coordinatedVerbsAgree(List<Token> version, List<Token> original) {
        for (int i = 0; i < version.size(); i++) {
            if (!version.get(i).norm().equals("и")) {
                continue;
            }
            Token a = null;
            for (int j = i - 1; j >= 0 && j >= i - 6 && version.get(j).isWord(); j--) {
                if (person(version.get(j)) != null) {
                    a = version.get(j);
                    break;
                }
            }
            Token b = null;
            // forward, a parenthetical regret between commas is passed over: «и повлиять, к сожалению, не могу»
            for (int j = i + 1; j < version.size() && j <= i + 7 && (version.get(j).isWord() || version.get(j).norm().equals(",")); j++) {
                if (PERSONAL.contains(version.get(j).norm())) {
                    break;
                }
                if (person(version.get(j)) != null) {
                    b = version.get(j);
                    break;
                }
            }
            if (a == null || b == null || person(a).equals(person(b))) {
                continue;
            }
            boolean clientWroteIt = false;
            for (int j = 0; j + 1 < original.size() && !clientWroteIt; j++) {
                if (original.get(j).norm().equals(a.norm())) {
                    for (int k = j + 1; k < original.size() && k <= j + 10; k++) {
                        clientWroteIt |= original.get(k).norm().equals(b.norm());
                    }
                }
            }
            if (!clientWroteIt) {
                return false;
            }
        }
        return true;
    }

    /** The person of a finite verb form («P1», «P3») when every reading agrees; else null. */
    private static String person(Token t) {
        String p = null;
        List<coach.text.morph.Reading> rs = coach.text.morph.Morphology.russian().analyze(t.norm());
        if (rs.isEmpty()) {
            return null;
        }
        for (coach.text.morph.Reading r : rs) {
            if (r.isVerb() && r.has("IMP")) {
                continue; // «сделаем» is also «давайте сделаем»: the indicative reading decides
            }
            String q = !r.isVerb() ? null : r.has("P1") ? "P1" : r.has("P2") ? "P2" : r.has("P3") ? "P3" : null;
            if (q == null || (p != null && !p.equals(q))) {
                return null;
            }
            p = q;
        }
        return p;
    }

    /**
     * A noun the version brought in as a subject agrees in gender with the past verb or short form after it in its
     * clause: «дедлайн сдвинут» → «срок сдвинут», never «расписание согласован».
     */
    private static boolean predicatesAgree(List<Token> version, Set<String> own, coach.text.morph.Morphology m) {
        for (int i = 0; i < version.size(); i++) {
            Token a = version.get(i);
            if (!a.isWord() || own.contains(a.norm())) {
                continue;
            }
            List<coach.text.morph.Reading> ra = m.analyze(a.norm());
            Set<coach.text.morph.Gender> genders = new HashSet<>();
            for (coach.text.morph.Reading r : ra) {
                if (!r.isNoun()) {
                    genders.clear();
                    break;
                }
                if (r.grammaticalCase() == coach.text.morph.Case.NOM && r.number() != coach.text.morph.GrammaticalNumber.PLUR
                        && r.gender() != null) {
                    genders.add(r.gender());
                }
            }
            if (genders.isEmpty()) {
                continue;
            }
            for (int j = i + 1; j < version.size() && j <= i + 5; j++) {
                Token b = version.get(j);
                if (!b.isWord()) {
                    break;
                }
                List<coach.text.morph.Reading> rb = m.analyze(b.norm());
                if (rb.isEmpty()) {
                    continue;
                }
                boolean predicate = true;
                Set<coach.text.morph.Gender> bg = new HashSet<>();
                for (coach.text.morph.Reading r : rb) {
                    boolean past = r.isVerb() && r.has("Past");
                    if (!(past || r.tag().contains("Short")) || r.gender() == null) {
                        predicate = false;
                        break;
                    }
                    bg.add(r.gender());
                }
                if (predicate) {
                    bg.retainAll(genders);
                    if (bg.isEmpty()) {
                        return false;
                    }
                    break;
                }
            }
        }
        return true;
    }

    /** Whether every hit of the sentence is an insult or sarcasm (rule, model or word list): a sentence that may be a bare jibe. */
    private static boolean jibe(Job job) {
        boolean any = false;
        for (PhrasingEngine.Hit h : job.hits()) {
            Category c = h.rule().category();
            if (c == Category.INFORMAL) {
                continue; // a filler or a greeting beside the jibe («Ну, сейчас мы всё угадаем, конечно.»)
            }
            if (c != Category.INSULT && c != Category.SARCASM) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** Words that ask the reader for something, whatever the verb: «пожалуйста», «просим». */
    private static final Set<String> ASKING = Set.of("пожалуйста", "просим", "прошу", "просьба", "please", "kindly");

    /**
     * Whether an insulting or sarcastic sentence carries nothing the message would miss without it: no request to the
     * reader (an imperative, «пожалуйста», a question put to «вы»), no number word, and no noun (or word the dictionary
     * does not know) that the rest of the message does not repeat, besides the insult itself and the nouns a jibe is
     * made of («Мы обожаем такие сюрпризы.», «Видимо, едут на оленях.» when the next sentence names the «олени»).
     * «Какая неожиданность, принтер снова сломался.» names the printer and stays.
     */
    /** Words that address the reader in a question: «вы …?», «ваш …?», «you …?». */
    private static final Set<String> READER = Set.of("вы", "вас", "вам", "вами", "ваш", "ваша", "ваше", "ваши", "вашего", "вашей",
            "вашу", "вашим", "ваших", "you", "your");

    /** Whether the sentence before or after the job's one is a question to the reader. */
    static boolean besideAQuestionToTheReader(Job job) {
        List<Segment> all = Segments.sentences(job.text(), job.tokens());
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).start() != job.sentence().start()) {
                continue;
            }
            for (int j : new int[] {i - 1, i + 1}) {
                if (j < 0 || j >= all.size()) {
                    continue;
                }
                Segment n = all.get(j);
                if (!job.text().substring(n.start(), n.end()).strip().endsWith("?")) {
                    continue;
                }
                for (int k = n.fromToken(); k < n.toToken(); k++) {
                    if (READER.contains(job.tokens().get(k).norm())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    boolean saysNothing(Job job) {
        return saysNothing(job, false);
    }

    /**
     * Whether the sentence names no noun, figure or unknown word that the rest of the message does not repeat; a
     * request in it does not count («Ищите чек, всё.» after «без чека гарантию не оформляем»).
     */
    boolean namesNothingNew(Job job) {
        return saysNothing(job, true);
    }

    private boolean saysNothing(Job job, boolean requestsMayGo) {
        Segment sen = job.sentence();
        List<Token> tokens = job.tokens();
        boolean question = job.text().substring(sen.start(), sen.end()).strip().endsWith("?");
        if (besideAQuestionToTheReader(job)) {
            // «Вы правда отправили заявку без номера? Ну, сейчас мы его угадаем.»: without the jibe the question reads
            // as the reproach it was part of
            return false;
        }
        if (job.lang() != Lang.RU) {
            return true; // the Russian morphology tells nouns and requests; English drops keep the checks above
        }
        coach.text.morph.Morphology m = coach.text.morph.Morphology.russian();
        Set<String> elsewhere = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if ((i < sen.fromToken() || i >= sen.toToken()) && t.isWord()) {
                elsewhere.add(t.norm());
                elsewhere.add(t.stem());
                for (coach.text.morph.Reading r : m.analyze(t.norm())) {
                    elsewhere.add(r.lemma());
                }
            }
        }
        for (int i = sen.fromToken(); i < sen.toToken(); i++) {
            Token t = tokens.get(i);
            if (!t.isWord() || insultWord(job, t)) {
                continue;
            }
            if (ASKING.contains(t.norm())) {
                return false;
            }
            List<coach.text.morph.Reading> rs = m.analyze(t.norm());
            boolean noun = !rs.isEmpty();
            boolean again = elsewhere.contains(t.norm()) || elsewhere.contains(t.stem());
            for (coach.text.morph.Reading r : rs) {
                if (r.pos().equals("VB") && r.has("P2") && (r.has("IMP") || question) && !requestsMayGo) {
                    return false; // «Пришлите …», «Когда вы сможете …?»
                }
                if (r.pos().equals("NumC") || r.pos().equals("Num") || (r.pos().equals("Ord") && !requestsMayGo)) {
                    return false; // «третий раз», «двадцать лет»: a figure («уже пятый раз» in a reproach is the reproach)
                }
                noun &= r.isNoun();
                again |= elsewhere.contains(r.lemma());
            }
            if (question && t.norm().equals("ли") && !requestsMayGo && !(i > sen.fromToken() && tokens.get(i - 1).norm().equals("что") && insulting(job))) {
                // «Можно ли …?» asks; «Вы совсем тупой, что ли?» only insults
                return false;
            }
            boolean unknown = rs.isEmpty() && t.norm().length() >= 4 && Lang.isCyrillic(t.norm().charAt(0));
            if ((noun || unknown) && !again && !noFactWord.test(job.lang(), t.norm()) && (rs.isEmpty() || !noFactWord.test(job.lang(), rs.get(0).lemma()))) {
                return false; // «принтер», «масло»: the sentence names something the rest of the message does not
            }
        }
        return true;
    }

    /** Whether a word of the job's sentence is the insult a short hit marks (see {@link #insultWord}). */
    private static boolean insulting(Job job) {
        for (int i = job.sentence().fromToken(); i < job.sentence().toToken(); i++) {
            if (job.tokens().get(i).isWord() && insultWord(job, job.tokens().get(i))) {
                return true;
            }
        }
        return false;
    }

    /** A word a short hit of the sentence marks (the insult itself: «клоун», «х*рня»), not a whole-sentence finding. */
    private static boolean insultWord(Job job, Token t) {
        for (PhrasingEngine.Hit h : job.hits()) {
            if (t.start() >= h.start() && t.end() <= h.end()) {
                int words = 0;
                for (int i = job.sentence().fromToken(); i < job.sentence().toToken(); i++) {
                    Token w = job.tokens().get(i);
                    if (w.isWord() && w.start() >= h.start() && w.end() <= h.end()) {
                        words++;
                    }
                }
                if (words <= 2) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether every hit of the sentence is a word of the coarse-word list (no rule or model finding owns the sentence). */
    private static boolean listedWordOnly(Job job) {
        for (PhrasingEngine.Hit h : job.hits()) {
            if (!h.rule().id().endsWith(".insult.profanity") || !Double.isNaN(h.confidence())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A sentence the tone model alone finds rude, dismissive, reproachful, pushy or promising too much may be left
     * out with up to this many content words, when it names nothing the rest of the message does not (see
     * {@link #namesNothingNew}): «Посмотрите внимательно, а не пишите нам уже пятый раз.»
     */
    static final int MAX_REPROACH_WORDS = 7;

    /** Tone categories whose sentence carries an attitude rather than the message's facts. */
    private static final Set<Category> REPROACH = java.util.EnumSet.of(Category.RUDE, Category.DISMISS, Category.BLAME,
            Category.PRESSURE, Category.OVERPROMISE, Category.DEFLECT);

    /** Whether the sentence has a verb of the third person or a singular past: it tells what happens, not only how we feel. */
    private static boolean statesWhatHappens(Job job) {
        coach.text.morph.Morphology m = coach.text.morph.Morphology.russian();
        List<Token> ts = job.tokens();
        for (int i = job.sentence().fromToken(); i < job.sentence().toToken(); i++) {
            Token t = ts.get(i);
            if (!t.isWord()) {
                continue;
            }
            for (coach.text.morph.Reading r : m.analyze(t.norm())) {
                if (r.isVerb() && !r.has("IMP") && !r.has("INF") && (r.has("P3") || r.has("Past") && !r.has("PL"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether every hit of the sentence is the tone model's, in a {@link #REPROACH} category. */
    private static boolean reproachOnly(Job job) {
        for (PhrasingEngine.Hit h : job.hits()) {
            if (Double.isNaN(h.confidence()) || !REPROACH.contains(h.rule().category())) {
                return false;
            }
        }
        return !job.hits().isEmpty();
    }

    /**
     * A word, then «, а не» (the second half of a contrast: «X, а не Y»). The word is matched from its start only (the
     * look-behind): a match inside a word would have been found from its start first, so this only spares the attempts.
     */
    private static final java.util.regex.Pattern CONTRAST = java.util.regex.Pattern.compile(
            "(?<![\\p{L}\\d])([\\p{L}\\d]+)\\s*[,—–-]\\s*а\\s+не\\b", java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);

    /** Whether the version has a «…, а не …» whose first half is not the draft's: something before it was cut. */
    static boolean danglingContrast(String original, String version) {
        if (!mayContrast(version)) {
            return false;
        }
        java.util.regex.Matcher m = CONTRAST.matcher(version);
        while (m.find()) {
            java.util.regex.Matcher o = CONTRAST.matcher(original);
            boolean same = false;
            while (o.find() && !same) {
                same = o.group(1).equalsIgnoreCase(m.group(1));
            }
            if (!same) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a text has «а» between a space or a dash or comma before it and a space after it, as every match of
     * {@link #CONTRAST} does (its {@code \\s} is one of {@link #SPACE}; only «а» and «А» fold to «а»): most versions
     * have none, and the expression costs far more.
     */
    private static boolean mayContrast(String s) {
        for (int i = 1; i + 1 < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == 'а' || c == 'А') && SPACE.indexOf(s.charAt(i + 1)) >= 0 && EDGE.indexOf(s.charAt(i - 1)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A word, a dash and the word after it: «машина — г@вно», the subject and its predicate in a Russian copula. */
    private static final java.util.regex.Pattern DASH_PREDICATE = java.util.regex.Pattern.compile(
            "([\\p{L}\\d]+)\\s+[—–-]\\s+[\\p{L}\\d@*]");

    /**
     * Whether the version cut a predicate after a dash and left its subject before a comma the draft does not have
     * there: «Ваша машина — г@вно, за неё…» → «Ваша машина, за неё…».
     */
    static boolean lostPredicate(String original, String version) {
        if (original.indexOf('—') < 0 && original.indexOf('–') < 0 && original.indexOf('-') < 0) {
            return false; // no dash, no match of DASH_PREDICATE
        }
        java.util.regex.Matcher m = DASH_PREDICATE.matcher(original);
        while (m.find()) {
            // what follows the predicate: from the next comma or full stop, a few characters of it
            int c = m.end();
            while (c < original.length() && ",.;:!?".indexOf(original.charAt(c)) < 0) {
                c++;
            }
            if (c >= original.length() || original.charAt(c) != ',') {
                continue; // a tail cut to the end of the sentence («…до пятницы — пеняйте на себя.») leaves nothing hanging
            }
            String joined = m.group(1) + original.substring(c, Math.min(original.length(), c + 12));
            if (version.contains(joined) && !original.contains(joined)) {
                return true; // the version is the draft with « — predicate» cut out
            }
        }
        return false;
    }

    /** «…'s will», «…’s can»: a contracted «is» or «has» before a modal verb. */
    private static final java.util.regex.Pattern CONTRACTED_MODAL = java.util.regex.Pattern.compile(
            "\\p{L}['’]s\\s+(?:will|can|could|would|should|must|may|might|shall)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A version may leave out at most this many content words that no finding covers (a clause that hung on the risk). */
    static final int MAX_LOST_WORDS = 3;

    /**
     * The tone model must be at least this sure before its finding alone leaves a Russian sentence out; lower than
     * {@link #MODEL_DROP_CONFIDENCE_EN} because a Russian jibe must also pass {@link #saysNothing} (no request, no number,
     * no noun the rest of the message does not repeat).
     */
    static final double MODEL_DROP_CONFIDENCE = 0.8;
    /** The same for English, where only the facts and the lost-word count are checked. */
    static final double MODEL_DROP_CONFIDENCE_EN = 0.9;

    /** Short and function words that carry no content of their own, when counting what a version removed. */
    private static final Set<String> LIGHT = Set.of("это", "этот", "эта", "эти", "того", "тому", "чтобы", "потому", "когда",
            "тоже", "также", "опять", "уже", "ещё", "еще", "всё", "все", "вообще", "просто", "только", "самый", "сами", "сам",
            "сама", "себя", "себе", "вами", "нами", "ваше", "ваши", "ваша", "ваш", "наши", "наша", "наш", "нашей", "вашей",
            "есть", "было", "была", "были", "будет", "будут", "этого", "этим", "этой", "если", "тогда", "тут", "здесь",
            "там", "очень", "может", "можно", "нужно", "надо", "than", "that", "this", "with", "have", "will", "your", "just",
            "there", "then", "they", "them", "what", "when", "from", "about", "only", "also", "even", "very");

    /**
     * How many content words of the sentence that no finding covers are missing from the version (by stem): what a
     * rewrite dropped that nobody said was risky.
     */
    static int lostWords(Job job, List<Token> version) {
        Set<String> have = new HashSet<>();
        for (Token t : version) {
            if (t.isWord()) {
                have.add(t.stem());
            }
        }
        int lost = 0;
        Segment sen = job.sentence();
        for (int i = sen.fromToken(); i < sen.toToken(); i++) {
            Token t = job.tokens().get(i);
            if (!t.isWord() || t.norm().length() < 4 || LIGHT.contains(t.norm()) || covered(job, t)) {
                continue;
            }
            if (!have.contains(t.stem())) {
                lost++;
            }
        }
        return lost;
    }

    /**
     * Whether a Russian version lost a noun that may be the sentence's subject (a nominative reading, no preposition
     * before it) standing before the risky words, when no finding covers it: the thing the sentence is about
     * («Возврат наличными не предусмотрен…», «Ноутбук починим, …») must not vanish behind a stock phrase. A jibe's
     * words are the jibe's own («Отличный портрет, сейчас достанем его из шляпы»), so jibes are not asked.
     */
    static boolean lostSubject(Job job, List<Token> version) {
        if (job.lang() != Lang.RU) {
            return false;
        }
        Set<String> have = new HashSet<>();
        for (Token t : version) {
            if (t.isWord()) {
                have.add(t.stem());
            }
        }
        Set<String> own = new HashSet<>();
        Segment sen = job.sentence();
        for (int i = sen.fromToken(); i < sen.toToken(); i++) {
            own.add(job.tokens().get(i).stem());
        }
        if (own.containsAll(have)) {
            return false; // only cut, nothing put in its place: a clause that went whole with its risk («…, телефон будет как новый»)
        }
        int firstHit = Integer.MAX_VALUE;
        for (PhrasingEngine.Hit h : job.hits()) {
            firstHit = Math.min(firstHit, h.start());
        }
        coach.text.morph.Morphology m = coach.text.morph.Morphology.russian();
        for (int i = sen.fromToken(); i < sen.toToken(); i++) {
            Token t = job.tokens().get(i);
            if (t.start() >= firstHit) {
                break;
            }
            if (!t.isWord() || t.norm().length() < 4 || LIGHT.contains(t.norm()) || covered(job, t) || have.contains(t.stem())) {
                continue;
            }
            boolean afterPrep = i > sen.fromToken() && preposition(m, job.tokens().get(i - 1));
            if (!afterPrep && m.analyze(t.norm()).stream().anyMatch(r -> r.isNoun() && r.grammaticalCase() == coach.text.morph.Case.NOM)) {
                return true;
            }
        }
        return false;
    }

    /** Content words of the sentence (four letters or more, not {@link #LIGHT}). */
    static int contentWords(Job job) {
        int n = 0;
        Segment sen = job.sentence();
        for (int i = sen.fromToken(); i < sen.toToken(); i++) {
            Token t = job.tokens().get(i);
            if (t.isWord() && t.norm().length() >= 4 && !LIGHT.contains(t.norm())) {
                n++;
            }
        }
        return n;
    }

    private static boolean covered(Job job, Token t) {
        for (PhrasingEngine.Hit h : job.hits()) {
            if (t.start() >= h.start() && t.end() <= h.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The edit for a fragment, taking in the word after it when the replacement already ends with that word: «скоуп
     * работ» → «объём работ», not «объём работ работ»; «даунтайм сервиса» → «перерыв в работе сервиса».
     */
    private static Rewriter.Edit absorb(String text, List<Token> tokens, PhrasingEngine.Hit h, String replacement) {
        int next = h.match().fromToken();
        while (next < tokens.size() && tokens.get(next).start() < h.end()) {
            next++;
        }
        String[] words = TIDY_SPACES.split(replacement.strip());
        if (!replacement.isBlank() && next < tokens.size() && tokens.get(next).isWord()
                && coach.text.Normalizer.norm(words[words.length - 1]).equals(tokens.get(next).norm())) {
            return new Rewriter.Edit(h.start(), tokens.get(next).end(), replacement);
        }
        return new Rewriter.Edit(h.start(), h.end(), replacement);
    }

    /** The first token of a hit's fragment: its match may start with context before the marked part. */
    private static int firstTokenOf(List<Token> tokens, PhrasingEngine.Hit h) {
        int first = h.match().fromToken();
        while (first < tokens.size() && tokens.get(first).start() < h.start()) {
            first++;
        }
        return first;
    }

    /**
     * A term the dictionary cannot decline («RCA», «SLA», «KPI») stands in every case; its plain words do not. They take
     * the case the word before the term asks for: a preposition of one case («после RCA» → «после анализа причин»), an
     * adjective of one case, or a noun the term depends on («по итогам RCA» → genitive). At the head of a clause or after
     * a verb the plain words stand when their nominative and accusative are one form; otherwise, or when nothing tells
     * the case («в RCA»), the term stays with its explanation in brackets, or the sentence gets no version (null).
     */
    static String undeclinedTerm(List<Token> tokens, PhrasingEngine.Hit h, String rep) {
        Rule.Jargon j = h.rule().jargon();
        if (j.explain() != null && rep.equals(h.fragment() + " (" + j.explain() + ")")) {
            return explainedInCase(tokens, h, j, rep);
        }
        if (j.plain() == null || !coach.text.Normalizer.norm(rep).equals(coach.text.Normalizer.norm(j.plain()))) {
            return rep; // an explicit form, an inflected one or an explanation
        }
        int first = firstTokenOf(tokens, h);
        if (first >= tokens.size() || tokens.get(first).end() < h.end() || !tokens.get(first).isWord()) {
            return rep; // a term of several words is written out in its forms
        }
        coach.text.morph.Morphology m = coach.text.morph.Morphology.russian();
        if (!m.analyze(tokens.get(first).norm()).isEmpty()) {
            return rep; // the dictionary reads the term: its case was read from it
        }
        if (first > 0 && tokens.get(first - 1).kind() == Token.Kind.NUMBER) {
            return rep; // «на 150 pax»: the number governs the form, which the plain word's own table gives
        }
        if (m.phrases().inflect(j.plain(), coach.text.morph.Case.NOM, coach.text.morph.Case.GEN, null).isEmpty()) {
            return rep; // no noun phrase to decline: «как можно скорее», «свериться»
        }
        coach.text.morph.Case c = governedCase(m, tokens, first);
        Optional<String> out = Optional.empty();
        if (c == coach.text.morph.Case.NOM) {
            // nominative or accusative: the plain words fit only when the two are one form («анализ причин»)
            Optional<String> acc = m.phrases().inflect(j.plain(), coach.text.morph.Case.NOM, coach.text.morph.Case.ACC, null);
            if (acc.isPresent() && coach.text.Normalizer.norm(acc.get()).equals(coach.text.Normalizer.norm(j.plain()))) {
                out = Optional.of(j.plain());
            }
        } else if (c != null) {
            out = m.phrases().inflect(j.plain(), coach.text.morph.Case.NOM, c, null);
        }
        if (out.isEmpty()) {
            return j.explain() == null ? null : h.fragment() + " (" + j.explain() + ")";
        }
        return Character.isUpperCase(rep.charAt(0)) ? Rewriter.capitalise(out.get()) : out.get();
    }

    /**
     * The case the word before token {@code at} asks of it: a one-case preposition's, a one-case adjective's, the
     * genitive after a noun; the nominative (read: nominative or accusative) at the head of a clause or after a verb;
     * null when it cannot be told.
     */
    /**
     * An abbreviation explained in brackets, the explanation in the case the word before the term asks for: «по ЕНС
     * (единому налоговому счёту)», «без ОСВ (оборотно-сальдовой ведомости)». Where nothing tells the case, or the words
     * do not decline as a noun phrase, the explanation stays as written.
     */
    private static String explainedInCase(List<Token> tokens, PhrasingEngine.Hit h, Rule.Jargon j, String rep) {
        int first = firstTokenOf(tokens, h);
        if (first >= tokens.size() || tokens.get(first).end() < h.end()) {
            return rep;
        }
        coach.text.morph.Morphology m = coach.text.morph.Morphology.russian();
        coach.text.morph.Case c = governedCase(m, tokens, first);
        if (c == null || c == coach.text.morph.Case.NOM || c == coach.text.morph.Case.ACC) {
            return rep;
        }
        for (String w : j.explain().split(" ")) {
            int dash = w.indexOf('-');
            if (dash > 0 && m.analyze(w.substring(0, dash).toLowerCase(java.util.Locale.ROOT)).stream().anyMatch(coach.text.morph.Reading::isNoun)) {
                return rep; // «счёт-фактура»: both halves decline («счёта-фактуры»), the inflector knows only the last
            }
        }
        return m.phrases().inflect(j.explain(), coach.text.morph.Case.NOM, c, null)
                .map(e -> h.fragment() + " (" + e + ")").orElse(rep);
    }

    private static coach.text.morph.Case governedCase(coach.text.morph.Morphology m, List<Token> tokens, int at) {
        int i = at - 1;
        if (i < 0 || !tokens.get(i).isWord()) {
            return coach.text.morph.Case.NOM;
        }
        Token w = tokens.get(i);
        List<coach.text.morph.Reading> rs = m.analyze(w.norm());
        if (rs.isEmpty()) {
            return null;
        }
        if (rs.stream().anyMatch(r -> r.pos().equals("PREP"))) {
            return coach.text.morph.Government.caseAfter(w.norm()).orElse(null);
        }
        if (rs.stream().allMatch(coach.text.morph.Reading::isAgreeingModifier)) {
            coach.text.morph.Case one = null;
            for (coach.text.morph.Reading r : rs) {
                coach.text.morph.Case c = r.grammaticalCase() == null ? null : r.grammaticalCase().base();
                if (c == null || (one != null && one != c)) {
                    return null;
                }
                one = c;
            }
            return one == coach.text.morph.Case.NOM || one == coach.text.morph.Case.ACC ? null : one;
        }
        if (rs.stream().allMatch(coach.text.morph.Reading::isNoun)) {
            return coach.text.morph.Case.GEN;
        }
        if (rs.stream().allMatch(coach.text.morph.Reading::isVerb)) {
            return coach.text.morph.Case.NOM;
        }
        return null;
    }

    /**
     * The words that agree with a replaced jargon noun, put into the plain word's gender: the adjectives right before
     * it («в следующем релизе» → «в следующей версии») and a past verb or short form after it in its clause
     * («тикет закрыт» → «заявка закрыта»). Nothing when the forms cannot be told: the agreement check then keeps the
     * version out.
     */
    private static List<Rewriter.Edit> agreeAround(String text, List<Token> tokens, PhrasingEngine.Hit h, Rewriter.Edit e) {
        coach.text.morph.Morphology m = coach.text.morph.Morphology.russian();
        int first = firstTokenOf(tokens, h);
        int last = first;
        while (last + 1 < tokens.size() && tokens.get(last + 1).end() <= e.end()) {
            last++;
        }
        if (first >= tokens.size() || first != last) {
            return List.of(); // a one-word term only
        }
        List<coach.text.morph.Reading> term = new ArrayList<>();
        for (coach.text.morph.Reading x : m.analyze(tokens.get(first).norm())) {
            if (x.isNoun()) {
                term.add(x);
            }
        }
        coach.text.morph.Reading head = null;
        List<coach.text.morph.Reading> headReadings = List.of();
        for (String w : TIDY_SPACES.split(e.replacement().strip())) {
            List<coach.text.morph.Reading> rs = m.analyze(coach.text.Normalizer.norm(w));
            if (!rs.isEmpty() && rs.stream().anyMatch(coach.text.morph.Reading::isNoun)
                    && rs.stream().noneMatch(coach.text.morph.Reading::isAgreeingModifier)) {
                headReadings = rs;
                break;
            }
        }
        if (term.isEmpty() || headReadings.isEmpty()) {
            return List.of();
        }
        List<Rewriter.Edit> out = new ArrayList<>();
        // adjectives before the term
        for (int i = first - 1; i >= 0 && i >= first - 2; i--) {
            Token a = tokens.get(i);
            if (!a.isWord() || a.end() == tokens.get(i + 1).start()) {
                break;
            }
            List<coach.text.morph.Reading> ra = m.analyze(a.norm());
            if (ra.isEmpty() || !ra.stream().allMatch(coach.text.morph.Reading::isAgreeingModifier)) {
                break;
            }
            String form = null;
            for (coach.text.morph.Reading r : ra) {
                for (coach.text.morph.Reading x : term) {
                    if (form == null && m.agree(r, x)) {
                        coach.text.morph.Reading y = like(headReadings, x);
                        if (y != null && !m.agree(r, y)) {
                            form = m.agreeing(r.lemma(), y).orElse(null);
                        }
                    }
                }
            }
            if (form != null) {
                out.add(new Rewriter.Edit(a.start(), a.end(), Character.isUpperCase(a.text().charAt(0)) ? Rewriter.capitalise(form) : form));
            }
        }
        // a past verb or short form after a nominative term
        for (int j = last + 1; j < tokens.size() && j <= last + 5; j++) {
            Token b = tokens.get(j);
            if (!b.isWord()) {
                break;
            }
            List<coach.text.morph.Reading> rb = m.analyze(b.norm());
            if (rb.isEmpty() || !rb.stream().allMatch(r -> ((r.isVerb() && r.has("Past")) || r.tag().contains("Short")) && r.gender() != null)) {
                continue;
            }
            for (coach.text.morph.Reading x : term) {
                if (x.grammaticalCase() == coach.text.morph.Case.NOM && rb.get(0).gender() == x.gender()) {
                    coach.text.morph.Reading y = like(headReadings, x);
                    if (y != null && y.gender() != x.gender()) {
                        m.agreeWith(b.norm(), rb.get(0), y).ifPresent(f -> out.add(new Rewriter.Edit(b.start(), b.end(), f)));
                    }
                    break;
                }
            }
            break;
        }
        return out;
    }

    /** The reading of the plain noun in the case and number of the term's reading. */
    private static coach.text.morph.Reading like(List<coach.text.morph.Reading> plain, coach.text.morph.Reading term) {
        for (coach.text.morph.Reading y : plain) {
            if (y.isNoun() && y.grammaticalCase() != null && term.grammaticalCase() != null
                    && y.grammaticalCase().base() == term.grammaticalCase().base() && y.number() == term.number()) {
                return y;
            }
        }
        return null;
    }

    /**
     * A sentence whose jargon was replaced still holds a word the dictionary does not know («кросс-докинг на хабе»,
     * «по стандартному флоу»): most likely more jargon, so the version would still need a hand to be sendable.
     */
    private static boolean unknownLeftAfterJargon(Job job, List<Token> version) {
        boolean jargon = false;
        for (PhrasingEngine.Hit h : job.hits()) {
            jargon |= h.rule().category() == Category.JARGON;
        }
        if (!jargon) {
            return false;
        }
        coach.text.morph.Morphology m = coach.text.morph.Morphology.russian();
        for (Token t : version) {
            if (!t.isWord() || t.norm().length() < 4 || !Character.isLowerCase(t.text().charAt(0))) {
                continue;
            }
            char c = t.norm().charAt(0);
            if (c < 0x0400 || c > 0x04FF || t.norm().chars().anyMatch(Character::isDigit)) {
                continue;
            }
            if (m.analyze(t.norm()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Stems of words that say what happens next: «уточню», «сообщу», «напишу», «свяжусь», «перезвоню». */
    private static final Set<String> NEXT_STEP = Set.of("уточн", "сообщ", "напиш", "напишем", "свяж", "свяжем", "позвон",
            "перезвон", "верн", "confirm", "updat");
    /**
     * Verbs whose first-person future says who does what next: «уточню», «сообщим», «трек пришлём», «вернёмся с
     * комментариями», «отправим».
     */
    private static final Set<String> NEXT_STEP_LEMMAS = Set.of("уточнить", "сообщить", "написать", "связаться", "позвонить",
            "перезвонить", "вернуться", "прислать", "выслать", "отправить", "переслать", "ответить", "известить", "оповестить",
            "подтвердить", "направить", "передать");
    /** Of those, the verbs that promise word back («сообщим», «вернусь»), not a delivery («пришлём акт»). */
    private static final Set<String> WORD_BACK_LEMMAS = Set.of("уточнить", "сообщить", "написать", "связаться", "позвонить",
            "перезвонить", "вернуться", "ответить", "известить", "оповестить", "подтвердить");
    /** English verb stems that, after «we'll», «I will», say what happens next: «We will send tracking», «we'll email you». */
    private static final Set<String> NEXT_STEP_EN = Set.of("send", "email", "call", "confirm", "updat", "repli", "write", "contact",
            "notifi", "forward", "share", "follow", "let", "get", "text", "messag", "ring", "inform", "ship", "dispatch");
    /** Of those, a delivery rather than word back. */
    private static final Set<String> DELIVERY_EN = Set.of("send", "forward", "share", "ship", "dispatch");
    /** What a stock next-step sentence says in English («I'll check the timing and let you know»). */
    private static final Pattern NEXT_STEP_PHRASE = Pattern.compile("(?iu)\\b(let you know|get back to you|keep you (posted|updated)|update you|confirm)\\b");
    /** Literals every match of {@link #NEXT_STEP_PHRASE} holds, folded. */
    private static final String[] NEXT_STEP_WORDS = {"you", "confirm"};

    /** {@link #NEXT_STEP_PHRASE} found in the text; the expression runs only when a literal it needs is there. */
    private static boolean nextStepPhrase(String text) {
        return coach.text.CaseFold.containsAny(text, NEXT_STEP_WORDS) && NEXT_STEP_PHRASE.matcher(text).find();
    }

    /**
     * Whether a sentence of the message other than the job's own already promises word back («Как будут, сообщим»,
     * «Вернусь отдельно»): only then is a vague clause simply taken out.
     */
    static boolean nextStepElsewhere(Job job) {
        return elsewhere(job, WORD_BACK_LEMMAS);
    }

    /**
     * Whether a sentence of the message other than the job's own already says who does what next, word back or a
     * delivery («Трек пришлём», «We will send tracking»): a stock next-step sentence is then not added.
     */
    static boolean nextStepSaid(Job job) {
        return elsewhere(job, NEXT_STEP_LEMMAS);
    }

    private static boolean elsewhere(Job job, Set<String> lemmas) {
        for (Segment s : Segments.sentences(job.text(), job.tokens())) {
            if (s.start() == job.sentence().start()) {
                continue;
            }
            if (saysNextStep(job.tokens(), s.fromToken(), s.toToken(), lemmas)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether tokens [from, to) promise a next step of ours: a Russian first-person future of a verb of
     * {@link #NEXT_STEP_LEMMAS} («Как будут, сообщим», «Трек пришлём»), or «we'll / I will» and an English verb of
     * {@link #NEXT_STEP_EN} within three words («We will send tracking»).
     */
    /** Whether a text promises a next step of ours: {@link #saysNextStep} or a stock English one («let you know»). */
    static boolean promisesNextStep(String text) {
        List<Token> ts = TextAnalyzer.analyze(text);
        return saysNextStep(ts, 0, ts.size()) || nextStepPhrase(text(ts));
    }

    /** How many sentences of a text promise word back («сообщу», «уточним», "I'll confirm"); a delivery («пришлём») is no such promise. */
    private static int nextSteps(String text, List<Token> ts) {
        int n = 0;
        int from = 0;
        for (int i = 0; i <= ts.size(); i++) {
            boolean end = i == ts.size() || (!ts.get(i).isWord() && ts.get(i).kind() == Token.Kind.PUNCT
                    && ".!?;".indexOf(ts.get(i).text().charAt(0)) >= 0);
            if (end) {
                if (i > from && (saysNextStep(ts, from, i, WORD_BACK_LEMMAS) || nextStepPhrase(text(ts.subList(from, i))))) {
                    n++;
                }
                from = i + 1;
            }
        }
        return n;
    }

    static boolean saysNextStep(List<Token> ts, int from, int to) {
        return saysNextStep(ts, from, to, NEXT_STEP_LEMMAS);
    }

    private static boolean saysNextStep(List<Token> ts, int from, int to, Set<String> lemmas) {
        for (int i = from; i < to; i++) {
            Token t = ts.get(i);
            if (!t.isWord()) {
                continue;
            }
            char c = t.norm().charAt(0);
            if (Lang.isCyrillic(c)) {
                if (promises(t, lemmas)) {
                    return true;
                }
            } else if (c < 128 && (t.norm().equals("we") || t.norm().equals("i"))) {
                int j = i + 1;
                if (j + 1 < to && ts.get(j).norm().equals("'") && ts.get(j + 1).norm().equals("ll")) {
                    j += 2;
                } else if (j < to && (ts.get(j).norm().equals("will") || ts.get(j).norm().equals("shall"))) {
                    j++;
                } else {
                    continue;
                }
                for (int k = j; k < to && k < j + 3; k++) {
                    if (ts.get(k).isWord() && NEXT_STEP_EN.contains(ts.get(k).stem())
                            && (lemmas != WORD_BACK_LEMMAS || !DELIVERY_EN.contains(ts.get(k).stem()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A word of a next step that promises one: «уточним», «сообщу», «пришлём», not «уточнили», «сообщаем» or «сообщение». */
    private static boolean promises(Token t, Set<String> lemmas) {
        // the answer depends on the word form alone: remembered with it for the two lemma sets asked
        if (lemmas == NEXT_STEP_LEMMAS) {
            return t.word().get(PROMISES_NEXT_STEP);
        }
        if (lemmas == WORD_BACK_LEMMAS) {
            return t.word().get(PROMISES_WORD_BACK);
        }
        return promises(t.norm(), lemmas);
    }

    private static final coach.text.Word.Derived<Boolean> PROMISES_NEXT_STEP = new coach.text.Word.Derived<>(
            w -> promises(w.norm(), NEXT_STEP_LEMMAS));
    private static final coach.text.Word.Derived<Boolean> PROMISES_WORD_BACK = new coach.text.Word.Derived<>(
            w -> promises(w.norm(), WORD_BACK_LEMMAS));

    private static boolean promises(String norm, Set<String> lemmas) {
        for (coach.text.morph.Reading r : coach.text.morph.Morphology.russian().analyze(norm)) {
            if (r.isVerb() && r.has("Fut") && r.has("P1") && lemmas.contains(r.lemma())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the version brings in two or more content words that another sentence of the message already has: a
     * stock sentence that repeats what the message says («Я уточню срок и сообщу вам. Сроки сдачи уточним.»).
     */
    private static boolean echoes(Job job, List<Token> original, List<Token> version, Same same) {
        // what it asks of the original sentence (original: its tokens) is asked once per job ({@link Same})
        Set<String> own = same.stems();
        Set<String> added = new HashSet<>();
        for (Token t : version) {
            if (t.isWord() && t.norm().length() >= 4 && !LIGHT.contains(t.norm()) && !own.contains(t.stem())) {
                added.add(t.stem());
            }
        }
        if (added.isEmpty()) {
            return false;
        }
        boolean addsNextStep = false;
        for (String a : added) {
            addsNextStep |= NEXT_STEP.contains(a) || a.startsWith("уточн") || a.startsWith("сообщ");
        }
        addsNextStep |= saysNextStep(version, 0, version.size()) && !same.saysNextStep();
        addsNextStep |= nextStepPhrase(text(version)) && !same.nextStepPhrase();
        if (addsNextStep && same.nextStepSaid()) {
            return true; // «Я уточню срок и сообщу вам. Как будут, сообщим.»: the message already says what happens next
        }
        if (added.size() < 2) {
            return false;
        }
        for (Segment s : Segments.sentences(job.text(), job.tokens())) {
            if (s.start() == job.sentence().start()) {
                continue;
            }
            Set<String> there = new HashSet<>();
            for (int i = s.fromToken(); i < s.toToken(); i++) {
                Token t = job.tokens().get(i);
                if (added.contains(t.stem())) {
                    there.add(t.stem());
                }
            }
            if (there.size() >= 2) {
                return true;
            }
        }
        return false;
    }

    private static String text(List<Token> ts) {
        StringBuilder b = new StringBuilder();
        for (Token t : ts) {
            b.append(t.norm()).append(' ');
        }
        return b.toString();
    }

    /** Whether some run of three words occurs twice. */
    /**
     * Whether a «вы» is followed in its clause by a past verb that can only be singular («Вы путёвки получил»), with no
     * word between that must be a nominative of its own (another subject).
     */
    static boolean pastAfterVySingular(List<Token> ts) {
        coach.text.morph.Morphology m = coach.text.morph.Morphology.russian();
        for (int i = 0; i < ts.size(); i++) {
            if (!ts.get(i).isWord() || !ts.get(i).norm().equals("вы")) {
                continue;
            }
            for (int j = i + 1; j < ts.size() && j <= i + 10; j++) {
                Token t = ts.get(j);
                if (!t.isWord()) {
                    if (t.kind() == Token.Kind.PUNCT && ",;:.!?—()".indexOf(t.text().charAt(0)) >= 0) {
                        break;
                    }
                    continue;
                }
                List<coach.text.morph.Reading> rs = m.analyze(t.norm());
                if (rs.isEmpty()) {
                    continue;
                }
                boolean past = rs.stream().anyMatch(r -> r.isVerb() && r.has("Past"));
                if (past) {
                    if (rs.stream().allMatch(r -> r.isVerb() && r.has("Past") && !r.has("PL"))) {
                        return true;
                    }
                    break;
                }
                boolean subject = rs.stream().allMatch(r -> (r.isNoun() || r.isPronoun()) && r.grammaticalCase() == coach.text.morph.Case.NOM);
                if (subject || t.norm().equals("и") || t.norm().equals("что") || t.norm().equals("который") || t.norm().equals("которые")) {
                    break;
                }
            }
        }
        return false;
    }

    /**
     * Whether one noun's lemma comes twice side by side, or with only a preposition between («срок по сроку», «заявку по
     * заявке»); punctuation between ends the stretch («анализ причин провели, причину нашли» is fine).
     */
    static boolean nearEcho(List<Token> ts) {
        coach.text.morph.Morphology m = coach.text.morph.Morphology.russian();
        for (int i = 0; i + 1 < ts.size(); i++) {
            if (!ts.get(i).isWord()) {
                continue;
            }
            int k = i + 1;
            if (k < ts.size() && ts.get(k).isWord() && preposition(m, ts.get(k))) {
                k++;
            }
            if (k >= ts.size() || !ts.get(k).isWord()) {
                continue;
            }
            Set<String> a = nounLemmas(m, ts.get(i));
            if (a.isEmpty()) {
                continue;
            }
            for (String l : nounLemmas(m, ts.get(k))) {
                if (a.contains(l)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> nounLemmas(coach.text.morph.Morphology m, Token t) {
        return m == coach.text.morph.Morphology.russian() ? t.word().get(NOUN_LEMMAS) : nounLemmas(m, t.norm());
    }

    /** The noun lemmas of a word form (Russian morphology), remembered with the form; not to be modified. */
    private static final coach.text.Word.Derived<Set<String>> NOUN_LEMMAS = new coach.text.Word.Derived<>(
            w -> java.util.Collections.unmodifiableSet(nounLemmas(coach.text.morph.Morphology.russian(), w.norm())));

    private static Set<String> nounLemmas(coach.text.morph.Morphology m, String norm) {
        Set<String> ls = new HashSet<>(2);
        for (coach.text.morph.Reading r : m.analyze(norm)) {
            if (r.isNoun()) {
                ls.add(r.lemma());
            }
        }
        return ls;
    }

    static boolean doubled(List<Token> ts) {
        List<String> words = new ArrayList<>();
        for (Token t : ts) {
            if (t.kind() != Token.Kind.PUNCT) {
                words.add(t.norm());
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i + 3 <= words.size(); i++) {
            if (!seen.add(words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Spans whose facts are meant to go: jargon terms, the figures of an overpromise («100%»), and the familiar or
     * insulting word a fragment rule replaces («Хай!» is no surname).
     */
    private static List<int[]> exempt(Job job) {
        List<int[]> out = new ArrayList<>();
        for (PhrasingEngine.Hit h : job.hits()) {
            Category c = h.rule().category();
            boolean word = h.rule().scope() == Rule.Scope.FRAGMENT && (c == Category.INFORMAL || c == Category.INSULT) && h.end() - h.start() < 20
                    && h.fragment().indexOf(' ') < 0 && h.fragment().chars().noneMatch(Character::isDigit);
            if (c == Category.OVERPROMISE) {
                exemptAroundNumbers(job.tokens(), h, out);
            } else if (c == Category.JARGON || word) {
                out.add(new int[] {h.start(), h.end()});
            }
        }
        return out;
    }

    /**
     * An absolute promise's words are no facts («на 100 %», «сто процентов»), but a number a loose pattern reached into
     * is one: «, заказ 90331 100%» keeps «90331». The hit's span goes into {@code out} without such numbers (three
     * digits or more, not «100», not before «%»).
     */
    private static void exemptAroundNumbers(List<Token> tokens, PhrasingEngine.Hit h, List<int[]> out) {
        int from = h.start();
        for (int i = h.match().fromToken(); i < h.match().toToken(); i++) {
            Token t = tokens.get(i);
            boolean percent = i + 1 < tokens.size() && (tokens.get(i + 1).norm().equals("%") || tokens.get(i + 1).norm().startsWith("процент"));
            if (t.kind() == Token.Kind.NUMBER && t.norm().length() >= 3 && !t.norm().equals("100") && !percent) {
                if (t.start() > from) {
                    out.add(new int[] {from, t.start()});
                }
                from = t.end();
            }
        }
        if (h.end() > from) {
            out.add(new int[] {from, h.end()});
        }
    }

    /**
     * The facts of a sentence, counted: numbers, words with digits, names (a capital letter inside the sentence),
     * Latin-script words in a Cyrillic text (product names, CRM) and the sign №.
     */
    /** Whether token {@code i} of the sentence is a word of two letters or more in capitals that is not an abbreviation. */
    private static boolean shoutedWord(List<Token> tokens, int i, Segment sen, boolean cyrillic) {
        if (i < sen.fromToken() || i >= sen.toToken() || !tokens.get(i).isWord()) {
            return false;
        }
        String w = tokens.get(i).text();
        return w.length() > 1 && w.equals(w.toUpperCase(java.util.Locale.ROOT)) && !w.equals(w.toLowerCase(java.util.Locale.ROOT))
                && !Shouting.keepsCapitals(w, cyrillic ? Lang.RU : Lang.EN);
    }

    static Map<String, Integer> facts(String text, List<Token> tokens, Segment sen, List<int[]> exempt) {
        Map<String, Integer> out = new HashMap<>();
        boolean cyrillic = false;
        for (int i = sen.fromToken(); i < sen.toToken(); i++) {
            Token t = tokens.get(i);
            if (t.isWord() && Lang.isCyrillic(t.norm().charAt(0))) {
                cyrillic = true;
                break;
            }
        }
        boolean first = true;
        for (int i = sen.fromToken(); i < sen.toToken(); i++) {
            Token t = tokens.get(i);
            boolean inExempt = false;
            for (int[] e : exempt) {
                if (t.start() >= e[0] && t.end() <= e[1]) {
                    inExempt = true;
                    break;
                }
            }
            boolean fact = t.kind() == Token.Kind.NUMBER || t.norm().equals("№") || t.norm().equals("%");
            if (t.isWord()) {
                boolean afterMarkup = i > 0 && tokens.get(i - 1).norm().equals(">");
                boolean cap = Character.isUpperCase(t.text().charAt(0)) && !t.text().equals("I") && !afterMarkup;
                boolean latinInRu = cyrillic && t.norm().charAt(0) < 128;
                // a name opening the sentence is a fact too («Арсений опять без сменки»)
                // an ordinary word in capitals is shouting, not a name («ОПЛАТИТЕ ДО ПЯТНИЦЫ»)
                boolean shouted = shoutedWord(tokens, i, sen, cyrillic);
                // a one-letter word between shouted ones is shouted too: «ПРИХОДИТ В СМС», not a name «В»
                shouted |= t.text().length() == 1 && cap && shoutedWord(tokens, i - 1, sen, cyrillic) && (shoutedWord(tokens, i + 1, sen, cyrillic)
                        || (i + 1 < sen.toToken() && tokens.get(i + 1).isWord() && Shouting.keepsCapitals(tokens.get(i + 1).text(), cyrillic ? Lang.RU : Lang.EN)));
                fact = !shouted && ((cap && !first) || latinInRu || (first && cyrillic && isName(t, false) && t.norm().charAt(0) >= 0x0400));
                first = false;
            }
            if (fact && !inExempt) {
                out.merge(t.text(), 1, Integer::sum);
            }
        }
        return out;
    }
}
