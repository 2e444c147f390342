package coach.tone;

import coach.classify.Doc;
import coach.classify.TextFeatureGenerator;
import coach.text.Token;
import java.util.List;
import java.util.Set;

/**
 * The tone classifier's features of one sentence:
 * <ul>
 *   <li>{@code w=}stem and {@code bi=}stem_stem of the writer's own words; words inside quotes
 *       (the client's words being quoted) count as {@code q=}stem only, so quoting a rude phrase is
 *       not writing one; {@code first=}stem of the first word (imperatives, greetings); {@code f=scare-quote}
 *       for one or two lowercase words in quotes («срочный» запрос — irony);</li>
 *   <li>{@code cue=}class for hits of the cue lexicon ({@link Cues});</li>
 *   <li>address and mood: {@code f=ty} («ты», «твой»…), {@code f=vy}, a plural imperative
 *       ({@code f=imp}) with or without «пожалуйста»;</li>
 *   <li>shouting and punctuation: {@code f=caps} (most letters in capitals, abbreviations aside),
 *       {@code f=capsword}, {@code f=excl}, {@code f=excl2} («!!»…), {@code f=qexcl} («?!»),
 *       {@code f=qq}, {@code f=q}; emoji ({@code f=emoji}); length bucket;</li>
 *   <li>{@code prof=}kind for obscene, coarse and insulting words ({@link Profanity}).</li>
 * </ul>
 */
final class ToneFeatures extends TextFeatureGenerator {
    private static final Set<String> TY = Set.of("ты", "тебя", "тебе", "тобой", "твой", "твоя", "твое", "твои", "твоего", "твоей", "твоему",
            "твоим", "твоих", "твою", "твоими", "тя");
    private static final Set<String> VY = Set.of("вы", "вас", "вам", "вами", "ваш", "ваша", "ваше", "ваши", "вашего", "вашей", "вашему",
            "вашим", "ваших", "вашу", "вашими");
    private static final Set<String> QUOTES = Set.of("«", "»", "\"", "“", "”", "„");

    /** A word's own features, made once per word form ({@link coach.text.Word.Derived}). */
    private record Own(String s, String w, String q, String first, String address, boolean please, boolean imp) {
    }

    private static final coach.text.Word.Derived<Own> OWN = new coach.text.Word.Derived<>(word -> {
        String s = word.kind() == Token.Kind.NUMBER ? "#" : word.stem();
        String n = word.norm();
        String address = TY.contains(n) ? "f=ty" : VY.contains(n) ? "f=vy"
                : n.length() >= 4 && (n.endsWith("ешь") || n.endsWith("ишь")) && !n.equals("лишь") ? "f=ty-verb" : null;
        return new Own(s, "w=" + s, "q=" + s, "first=" + s, address, n.equals("пожалуйста") || n.equals("please"),
                n.length() >= 5 && (n.endsWith("ите") || n.endsWith("йте")) && n.charAt(0) >= 'а');
    });

    private final Cues cues;
    private final Profanity profanity;

    ToneFeatures(Cues cues, Profanity profanity) {
        this.cues = cues;
        this.profanity = profanity;
    }

    @Override
    public String describe() {
        return "coach.tone.ToneFeatures/6";
    }

    @Override
    public void features(Doc doc, List<String> out) {
        List<Token> tokens = doc.tokens();
        String prev = "^";
        boolean quoted = false;
        boolean first = true;
        boolean please = false;
        boolean imp = false;
        int words = 0;
        int quotedWords = 0;
        boolean quotedLower = false;
        boolean scare = false;
        for (Token t : tokens) {
            if (t.kind() == Token.Kind.PUNCT) {
                if (QUOTES.contains(t.text())) {
                    boolean was = quoted;
                    quoted = t.text().equals("«") || t.text().equals("„") ? true : t.text().equals("»") ? false : !quoted;
                    if (!was && quoted) {
                        quotedWords = 0;
                    } else if (was && !quoted && quotedWords >= 1 && quotedWords <= 2 && quotedLower) {
                        scare = true;
                    }
                    prev = "^";
                }
                continue;
            }
            Own own = t.word().get(OWN);
            String s = own.s();
            words++;
            if (quoted) {
                out.add(own.q());
                if (quotedWords++ == 0) {
                    quotedLower = Character.isLowerCase(t.text().charAt(0));
                }
                continue;
            }
            out.add(own.w());
            out.add("bi=" + prev + "_" + s);
            prev = s;
            if (first) {
                out.add(own.first());
                first = false;
            }
            if (own.address() != null) {
                out.add(own.address());
            }
            please |= own.please();
            imp |= own.imp();
        }
        out.add("bi=" + prev + "_$");
        if (scare) {
            // one or two lowercase words in quotes inside the writer's sentence: «срочный», "quick" — how irony
            // quotes a word; a quoted name starts with a capital («Волга»), a quoted request is longer
            out.add("f=scare-quote");
        }
        if (imp) {
            out.add(please ? "f=imp+please" : "f=imp");
        }
        out.add(words <= 2 ? "len=xs" : words <= 5 ? "len=s" : words <= 12 ? "len=m" : "len=l");
        cueFeatures(tokens, out);
        shape(doc.text(), out);
        for (Profanity.Hit h : listed(profanity, doc)) {
            out.add("prof=" + h.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * {@code cue=}class for each cue hit; {@code lead=}class for a cue among the first three words
     * («Видимо, …», «Ну конечно, …» open a sarcastic sentence, «Конечно, пришлём» a polite one:
     * the model learns which); {@code cc=}a+b for two different cue classes in one sentence (praise
     * beside a reproach is how mock praise sounds).
     */
    private void cueFeatures(List<Token> tokens, List<String> out) {
        int end = 0;
        int words = 0;
        while (end < tokens.size() && words < 3) {
            if (tokens.get(end).isWord()) {
                words++;
            }
            end++;
        }
        int from = out.size();
        // the cues among the first three words are those of the whole sentence that end by then: one scan finds both
        java.util.TreeSet<String> lead = new java.util.TreeSet<>();
        cues.features(tokens, out, end, lead);
        if (out.size() == from) {
            return;
        }
        java.util.TreeSet<String> classes = new java.util.TreeSet<>();
        for (int i = from; i < out.size(); i++) {
            classes.add(out.get(i).substring(4));
        }
        for (String l : lead) {
            out.add("lead=" + l.substring(4));
        }
        String[] cs = classes.toArray(new String[0]);
        for (int i = 0; i < cs.length; i++) {
            for (int j = i + 1; j < cs.length; j++) {
                out.add("cc=" + cs[i] + "+" + cs[j]);
            }
        }
    }

    /**
     * Features that are evidence of a risky tone on their own: a cue of a risky class, a listed word, «ты», a plain
     * imperative (without «пожалуйста»), capitals, «!!», «?!», «??», a scare quote, an emoji. A sentence with none of them
     * is told from a polite one by its words alone, and the model then needs more confidence ({@code bare.<label>}).
     */
    private static final Set<String> EVIDENCE = Set.of("cue=threat", "cue=urgency", "cue=slang", "cue=sarcasm", "cue=reproach",
            "cue=dismissive", "cue=command", "cue=promise", "cue=insult", "f=ty", "f=ty-verb", "f=imp", "f=caps", "f=capsword", "f=excl2", "f=qexcl", "f=qq",
            "f=scare-quote", "f=emoji");

    /** Whether the features of a sentence hold any evidence of risk besides its words ({@link #EVIDENCE}, {@code prof=}). */
    static boolean evidence(List<String> features) {
        for (String f : features) {
            if (EVIDENCE.contains(f) || f.startsWith("prof=")) {
                return true;
            }
        }
        return false;
    }

    /** The key of {@link Doc#extra} under which a caller passes {@code profanity.find(doc.text())} it has already. */
    static final String LISTED = "coach.tone.listed";

    /** The listed words of the doc's text: what the caller passed under {@link #LISTED}, else found now. */
    @SuppressWarnings("unchecked")
    static List<Profanity.Hit> listed(Profanity profanity, Doc doc) {
        Object l = doc.extra().get(LISTED);
        return l != null ? (List<Profanity.Hit>) l : profanity.find(doc.text());
    }

    /** Capitals, punctuation runs and emoji of the raw sentence. */
    static void shape(String text, List<String> out) {
        int letters = 0;
        int upperInLongWords = 0;
        int lettersInLongWords = 0;
        int capsWords = 0;
        int excl = 0;
        int maxExclRun = 0;
        int run = 0;
        boolean qexcl = false;
        boolean qq = false;
        boolean emoji = false;
        int wordStart = -1;
        int wordUpper = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                letters++;
                if (wordStart < 0) {
                    wordStart = i;
                    wordUpper = 0;
                }
                if (Character.isUpperCase(c)) {
                    wordUpper++;
                }
            } else {
                if (wordStart >= 0) {
                    int len = i - wordStart;
                    if (len >= 5) {
                        lettersInLongWords += len;
                        upperInLongWords += wordUpper;
                        if (wordUpper == len) {
                            capsWords++;
                        }
                    }
                    wordStart = -1;
                }
                if (c == '!') {
                    excl++;
                    run++;
                    maxExclRun = Math.max(maxExclRun, run);
                } else {
                    run = 0;
                }
                if ((c == '?' && i + 1 < n && text.charAt(i + 1) == '!') || (c == '!' && i + 1 < n && text.charAt(i + 1) == '?')) {
                    qexcl = true;
                }
                if (c == '?' && i + 1 < n && text.charAt(i + 1) == '?') {
                    qq = true;
                }
                if (Character.isSurrogate(c) || Character.getType(c) == Character.OTHER_SYMBOL) {
                    emoji = true;
                }
            }
        }
        if (lettersInLongWords >= 8 && upperInLongWords * 10 >= lettersInLongWords * 6) {
            out.add("f=caps");
        } else if (capsWords > 0) {
            out.add("f=capsword");
        }
        if (maxExclRun >= 2) {
            out.add("f=excl2");
        } else if (excl > 0) {
            out.add("f=excl");
        }
        if (qexcl) {
            out.add("f=qexcl");
        }
        if (qq) {
            out.add("f=qq");
        }
        String t = text.stripTrailing();
        if (t.endsWith("?")) {
            out.add("f=q");
        }
        if (emoji) {
            out.add("f=emoji");
        }
        if (letters == 0) {
            out.add("f=noletters");
        }
    }
}
