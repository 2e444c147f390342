package coach.app;

import coach.core.Button;
import coach.core.Context;
import coach.core.FreeTextRouter;
import coach.core.Reply;
import coach.kb.ContentException;
import coach.kb.KnowledgeBase;
import coach.kb.Yaml;
import coach.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message without a command is: small talk or meta («привет», «что ты умеешь», «спасибо»)
 * gets a friendly answer; a text for a client (a draft) gets a check, even when it ends with «?»;
 * a question about how to behave goes to the guide. The cues are data ({@code knowledge-base/routing.yaml}):
 * a salutation, the reader addressed as «вы», the company's «мы», a sign-off, verbs in the polite
 * plural, facts and risky phrasing count for a draft; question words before an infinitive («как
 * ответить», «что делать»), «ли», a client spoken of in the third person, asks for advice and the
 * user's «я» count for a question. With no cue, a short phrase without sentence punctuation is a
 * search-box question and anything else a draft.
 *
 * <p>The guess is remembered for the next button: a draft's report carries «Это вопрос», an answer
 * «Это черновик» ({@link ModeCommand}).
 */
public final class QuestionOrDraftRouter implements FreeTextRouter {
    public static final String FILE = "routing.yaml";
    static final int SHORT_WORDS = 6;
    static final int MAX_SMALL_TALK_WORDS = 8;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*");
    private static final Pattern SENTENCE = Pattern.compile("([^.!?…\\n]+)([.!?…\\n]+|$)");
    private static final Pattern FACT = Pattern.compile("№|\\b\\d{1,2}:\\d{2}\\b|\\d{3,}|\\b\\d{1,2}\\.\\d{1,2}(\\.\\d{2,4})?\\b");
    private static final java.util.Set<String> PREPOSITIONS = java.util.Set.of("в", "во", "на", "о", "об", "обо", "при", "по");
    private static final java.util.Set<String> LEAD_FILLERS = java.util.Set.of("а", "и", "ну", "пожалуйста", "please", "так", "вот");
    private static final Pattern QUOTED = Pattern.compile("«[^»]*»|\"[^\"]*\"|“[^”]*”|„[^“”]*[“”]");
    private static final Pattern VOCATIVE = Pattern.compile("^\\s*(\\p{Lu}\\p{Ll}+)(\\s+\\p{Lu}\\p{Ll}+)?\\s*,\\s*\\S+\\s+\\S+");

    public enum Mode {
        DRAFT("check"), QUESTION("ask"), CHAT("hello");

        private final String command;

        Mode(String command) {
            this.command = command;
        }

        public String command() {
            return command;
        }
    }

    /** A guess with its small-talk kind (thanks, help, menu, about, bye, greeting, ok) when it is small talk. */
    public record Guess(Mode mode, String chatKind, int draftScore, int questionScore) {
    }

    private final Predicate<String> risky;
    private final Map<String, Lexicon> smallTalk = new LinkedHashMap<>();
    private final Lexicon smallTalkAll;
    private final List<String> salutations;
    private final Lexicon secondPerson;
    private final Lexicon firstPlural;
    private final List<String> signoffs;
    private final List<String> rhetorical;
    private final List<String> offers;
    private final Lexicon notClientVerbs;
    private final Lexicon notNames;
    private final Lexicon questionWords;
    private final Lexicon thirdParty;
    private final Lexicon addressWords;
    private final Lexicon firstSingular;
    private final List<String> advicePhrases;
    /** One-word asks to the coach ("помоги", "подскажи"): a question word when an infinitive follows. */
    private final java.util.Set<String> adviceVerbs;
    private final Lexicon notInfinitives;

    /**
     * @param kb    the content with {@value #FILE}
     * @param risky whether the phrasing engine flags a text (null when there is no phrasing engine: everything is a question)
     */
    public QuestionOrDraftRouter(KnowledgeBase kb, Predicate<String> risky) {
        this.risky = risky;
        Yaml.Node root = Yaml.parse(FILE, kb.source().read(FILE));
        Yaml.Node st = section(root, "small_talk");
        List<String> all = new ArrayList<>();
        st.fields().keySet().forEach(k -> {
            List<String> words = st.strings(k);
            all.addAll(words);
            if (!k.equals("filler")) {
                smallTalk.put(k, new Lexicon(words));
            }
        });
        smallTalkAll = new Lexicon(all);
        Yaml.Node d = section(root, "draft");
        salutations = phrases(d, "salutations");
        secondPerson = new Lexicon(d.strings("second_person"));
        firstPlural = new Lexicon(d.strings("first_plural"));
        signoffs = phrases(d, "signoffs");
        rhetorical = phrases(d, "rhetorical");
        offers = phrases(d, "offers");
        notClientVerbs = new Lexicon(d.strings("not_client_verbs"));
        notNames = new Lexicon(d.strings("not_names"));
        Yaml.Node q = section(root, "question");
        questionWords = new Lexicon(q.strings("words"));
        thirdParty = new Lexicon(q.strings("third_party"));
        addressWords = new Lexicon(q.strings("address_words"));
        firstSingular = new Lexicon(q.strings("first_singular"));
        advicePhrases = phrases(q, "advice");
        adviceVerbs = advicePhrases.stream().filter(p -> !p.contains(" ")).collect(java.util.stream.Collectors.toSet());
        notInfinitives = new Lexicon(q.strings("not_infinitives"));
        if (smallTalk.isEmpty() || salutations.isEmpty() || questionWords.isEmpty()) {
            throw new ContentException(FILE, 1, "small_talk, draft.salutations and question.words must not be empty");
        }
    }

    private static Yaml.Node section(Yaml.Node root, String name) {
        Yaml.Node n = root.get(name);
        if (!n.isMap()) {
            throw root.error(name, "missing section '" + name + "'");
        }
        return n;
    }

    private static List<String> phrases(Yaml.Node n, String field) {
        return n.strings(field).stream().map(Normalizer::norm).toList();
    }

    /** Words, with entries ending in * matching any ending. */
    private static final class Lexicon {
        final java.util.Set<String> exact = new java.util.HashSet<>();
        final List<String> prefixes = new ArrayList<>();

        Lexicon(List<String> words) {
            for (String w : words) {
                String n = Normalizer.norm(w);
                if (n.endsWith("*")) {
                    prefixes.add(n.substring(0, n.length() - 1));
                } else {
                    exact.add(n);
                }
            }
        }

        boolean has(String w) {
            if (exact.contains(w)) {
                return true;
            }
            for (String p : prefixes) {
                if (w.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }

        boolean isEmpty() {
            return exact.isEmpty() && prefixes.isEmpty();
        }
    }

    @Override
    public String commandFor(Context ctx, String text) {
        return guess(text).mode().command();
    }

    @Override
    public List<Reply> route(Context ctx, String text) {
        Guess g = guess(text);
        if (g.mode() == Mode.CHAT) {
            return ctx.run(Mode.CHAT.command(), g.chatKind());
        }
        return ModeCommand.runAs(ctx, g.mode(), text);
    }

    static List<String> words(String normalized) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(normalized);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The mode of a message, with the points each side got. */
    public Guess guess(String text) {
        String t = text.strip();
        String norm = Normalizer.norm(t);
        List<String> words = words(norm);
        if (risky == null) {
            return new Guess(Mode.QUESTION, null, 0, 0);
        }
        if (words.isEmpty()) {
            return new Guess(Mode.CHAT, "ok", 0, 0); // "👍", "-", "…": nothing to check or look up
        }
        String chat = smallTalkKind(words);
        if (chat != null) {
            return new Guess(Mode.CHAT, chat, 0, 0);
        }
        int d = 0;
        int q = 0;
        // words the user quotes («Вы обещали доставку вчера!») are the client's, not the user's: cues of a draft
        // are read outside quotes when there is text outside them
        String outsideQuotes = QUOTED.matcher(t).replaceAll(" ");
        List<String> own = words(Normalizer.norm(outsideQuotes));
        boolean quoting = own.size() >= 2 && own.size() < words.size();
        List<String> cueWords = quoting ? own : words;
        // --- a text for a client
        String head = norm.replaceAll("^[\\s\\p{Punct}«»]+", "");
        boolean salutation = salutations.stream().anyMatch(s -> head.startsWith(s) && (head.length() == s.length()
                || !Character.isLetterOrDigit(head.charAt(s.length()))));
        Matcher voc = VOCATIVE.matcher(t);
        boolean vocative = !salutation && voc.find() && !notNames.has(Normalizer.norm(voc.group(1)))
                && !Normalizer.norm(voc.group(1)).endsWith("те") && !questionWords.has(Normalizer.norm(voc.group(1)));
        if (salutation) {
            d += 3;
        } else if (vocative) {
            d += 2;
        }
        boolean second = cueWords.stream().anyMatch(secondPerson::has);
        boolean politeVerb = false;
        for (int i = 0; i < cueWords.size() && !politeVerb; i++) {
            String w = cueWords.get(i);
            // "пришлите", "можете", "обращайтесь"; not a noun after a preposition ("в ответе", "на месте")
            politeVerb = w.length() >= 5 && (w.endsWith("те") || w.endsWith("тесь")) && !notClientVerbs.has(w)
                    && (i == 0 || !PREPOSITIONS.contains(cueWords.get(i - 1)));
        }
        if (second) {
            d += 2;
        }
        if (politeVerb) {
            d += 2;
        }
        if (cueWords.stream().anyMatch(firstPlural::has)) {
            d += 1;
        }
        if (signoffs.stream().anyMatch(norm::contains)) {
            d += 2;
        }
        String spaced = " " + String.join(" ", words) + " ";
        if (rhetorical.stream().anyMatch(r -> spaced.contains(" " + r + " "))) {
            d += 3; // "Сколько можно…", "Что за…": said to someone, not asked
        }
        if (FACT.matcher(t).find()) {
            d += 1;
        }
        if (words.size() > 40 || t.lines().filter(l -> !l.isBlank()).count() >= 3) {
            d += 2;
        }
        boolean offer = offers.stream().anyMatch(norm::contains);
        if (offer) {
            d += 3;
        }
        // --- a question about how to behave
        boolean addressed = second || politeVerb || offer;
        boolean ends = t.endsWith("?");
        if (ends) {
            q += 1;
        }
        // a sentence asks only when it ends with "?" or the whole text has no full stop (a search-box phrase):
        // "Как закончит, так и пришлём." and "Надо было читать договор." do not ask
        boolean noStops = !norm.matches("(?s).*[.!…].*");
        Matcher sm = SENTENCE.matcher(norm);
        while (sm.find()) {
            String sentence = sm.group(1);
            boolean asks = sm.group(2).contains("?") || (noStops && sm.group(2).isEmpty());
            if (!asks) {
                continue;
            }
            List<String> sw = words(sentence);
            int start = 0;
            while (start < sw.size() && (LEAD_FILLERS.contains(sw.get(start))
                    || notClientVerbs.has(sw.get(start)) && !(adviceVerbs.contains(sw.get(start)) && infinitiveWithin(sw, start + 1, 2)))) {
                start++;
            }
            if (start >= sw.size()) {
                continue;
            }
            String first = sw.get(start);
            if (questionWords.has(first) || adviceVerbs.contains(first)) {
                q += 1;
                if (!addressed && infinitiveWithin(sw, start + 1, 4)) {
                    q += 3;
                }
            }
            if (start + 1 < sw.size() && sw.get(start + 1).equals("ли")) {
                q += addressed ? 1 : 2; // "Удобно ли вам…" asks the client
            }
        }
        for (int i = 0; i < words.size(); i++) {
            if (thirdParty.has(words.get(i)) && (i == 0 || !addressWords.has(words.get(i - 1)))) {
                q += 2;
                break;
            }
        }
        if (!addressed && advicePhrases.stream().anyMatch(p -> spaced.contains(" " + p + " "))) {
            q += 2;
        }
        if (ends && !addressed && words.stream().anyMatch(firstSingular::has)) {
            q += 1;
        }
        if (risky.test(quoting ? outsideQuotes : text)) {
            d += 2;
        }
        Mode mode;
        if (q > d) {
            mode = Mode.QUESTION;
        } else if (d > 0) {
            mode = Mode.DRAFT;
        } else {
            boolean sentence = t.matches("(?s).*[.!;:,—–].*");
            mode = words.size() <= SHORT_WORDS && !sentence ? Mode.QUESTION : Mode.DRAFT;
        }
        return new Guess(mode, null, d, q);
    }

    private boolean infinitiveWithin(List<String> words, int from, int window) {
        for (int i = from; i < Math.min(words.size(), from + window); i++) {
            String w = words.get(i);
            if (w.length() >= 4 && (w.endsWith("ть") || w.endsWith("ться") || w.endsWith("чь")) && !notInfinitives.has(w)
                    && !w.endsWith("ость")) {
                return true;
            }
            if (w.equals("to") || w.equals("i")) { // "how to …", "what do I …"
                return true;
            }
        }
        return false;
    }

    /** The small-talk kind when every word is small talk and one of them says which kind; else null. */
    String smallTalkKind(List<String> words) {
        if (words.isEmpty() || words.size() > MAX_SMALL_TALK_WORDS || !words.stream().allMatch(smallTalkAll::has)) {
            return null;
        }
        for (Map.Entry<String, Lexicon> e : smallTalk.entrySet()) {
            if (words.stream().anyMatch(e.getValue()::has)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The button that switches a guess: «Это вопрос» under a draft's report, «Это черновик» under an answer. */
    static Button switchButton(Context ctx, Mode shown) {
        return shown == Mode.DRAFT
                ? new Button(ctx.t("mode.btn.question"), "/mode ask")
                : new Button(ctx.t("mode.btn.draft"), "/mode check");
    }
}
