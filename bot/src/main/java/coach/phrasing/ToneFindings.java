package coach.phrasing;

import coach.kb.KnowledgeBase;
import coach.kb.Principle;
import coach.match.Match;
import coach.match.PhraseSet;
import coach.match.TokenPattern;
import coach.text.Lang;
import coach.text.Token;
import coach.tone.NeutralWords;
import coach.tone.ToneChecker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tone model and word lists of {@code coach.tone} beside the rules. A sentence the model flags and no rule hit
 * covers, and every obscene or coarse word the word list finds outside the rules' hits, becomes a hit of its own,
 * in sentence scope, so the rewriter treats it like any rule's: an insulting or sarcastic sentence that carries no
 * fact may be left out (verified like every version); anything else has no automatic rewrite and the report gives
 * the category's guidance. The one place the engine calls.
 */
final class ToneFindings {
    /** Categories whose sentences may simply be left out when they carry no fact. */
    private static final Set<String> DROPPABLE = Set.of("insult", "sarcasm", "rude", "dismiss", "blame", "pressure", "overpromise", "deflect");
    private static final String PROFANITY = "profanity";
    /** The same word list's hit for a word that can go on its own (an interjection, a word of address, a modifier). */
    private static final String PROFANITY_WORD = "profanity-word";
    private static final String SHOUTING = "shouting";
    private static final Map<Lang, String> SHOUTING_WHY = Map.of(
            Lang.RU, "Слова заглавными буквами и «!!!» читаются как крик. Напишите то же самое обычными буквами и с одним знаком в конце.",
            Lang.EN, "Words in capitals and «!!!» read as shouting. Say the same in ordinary letters with one mark at the end.");

    private final ToneChecker tone;
    /** One synthetic rule per language, category and source: what a tone hit's finding says and how it is rewritten. */
    private final Map<String, Rule> rules = new HashMap<>();

    ToneFindings(ToneChecker tone, KnowledgeBase kb) {
        this.tone = tone.validate(kb);
        PhraseSet never = new PhraseSet(List.of(TokenPattern.compile("\u0000")), List.of());
        for (Lang lang : Lang.values()) {
            for (Category c : Category.values()) {
                ToneChecker.Category tc = tone.category(c.id());
                if (tc == null) {
                    continue;
                }
                Principle p = kb.principle(tc.principleId()).orElseThrow();
                List<String> replacements = DROPPABLE.contains(c.id()) ? List.of("") : List.of();
                if (c == Category.RUDE) {
                    // shouting: found by Shouting, rewritten by calming the sentence
                    rules.put(key(lang, c.id(), SHOUTING), new Rule(lang.code() + ".rude." + SHOUTING, c, Rule.Scope.SENTENCE, Rule.CALM, lang,
                            never, List.of(), List.of(), p.id(), 0, p, SHOUTING_WHY.get(lang), List.of(), null, List.of(),
                            ToneChecker.CATEGORIES, 0));
                }
                for (String source : List.of(Finding.MODEL, PROFANITY, PROFANITY_WORD)) {
                    String id = source.equals(Finding.MODEL) ? "tone." + lang.code() + "." + c.id() : lang.code() + ".insult." + PROFANITY;
                    Category cat = source.equals(Finding.MODEL) ? c : Category.INSULT;
                    // a word that stands apart or only qualifies the next one is dropped alone; any other takes its sentence
                    Rule.Scope scope = source.equals(PROFANITY_WORD) ? Rule.Scope.FRAGMENT : Rule.Scope.SENTENCE;
                    rules.putIfAbsent(key(lang, c.id(), source), new Rule(id, cat, scope, null, lang, never, List.of(), List.of(),
                            p.id(), 0, p, tc.why().get(lang), replacements, null, List.of(), ToneChecker.CATEGORIES, 0));
                }
            }
        }
    }

    private static String key(Lang lang, String category, String source) {
        return lang.code() + "/" + category + "/" + source;
    }

    ToneChecker checker() {
        return tone;
    }

    /** Hits for what the tone checker finds outside the rules' hits, in text order. */
    List<PhrasingEngine.Hit> hits(String text, List<Token> tokens, Lang lang, List<PhrasingEngine.Hit> ruleHits) {
        return hits(text, tokens, lang, ruleHits, null);
    }

    /** The same, keeping the model's reading of each sentence in {@code keep} (the message gate asks about them again). */
    List<PhrasingEngine.Hit> hits(String text, List<Token> tokens, Lang lang, List<PhrasingEngine.Hit> ruleHits, ToneChecker.Scores keep) {
        if (tokens.isEmpty()) {
            return List.of();
        }
        List<ToneChecker.Flag> flags = tone.check(text, tokens, keep);
        List<PhrasingEngine.Hit> out = new ArrayList<>();
        Set<PhrasingEngine.Hit> neutral = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        // the word list first (precise spans), then shouting sentences no rule covers, then the model's sentences
        for (ToneChecker.Source pass : new ToneChecker.Source[] {ToneChecker.Source.LEXICON, null, ToneChecker.Source.MODEL}) {
            if (pass == null) {
                Rule shout = rules.get(key(lang, Category.RUDE.id(), SHOUTING));
                List<coach.text.Segments.Segment> sentences = coach.text.Segments.sentences(text, tokens);
                boolean loud = false;
                int caps = 0;
                boolean marks = false;
                for (coach.text.Segments.Segment s : sentences) {
                    loud |= Shouting.shouts(tokens, s, lang);
                    caps += Shouting.capsWords(tokens, s, lang);
                    marks |= Shouting.exclaims(tokens, s);
                }
                // «Акция заканчивается через 2 часа!!! Потом такой цены не будет НИКОГДА.»: capitals in one sentence and
                // «!!!» in another shout together
                loud |= caps > 0 && marks;
                for (coach.text.Segments.Segment s : sentences) {
                    // in a message that shouts, every sentence with a word in capitals or «!!» is calmed («…is OVERDUE. PAY IT TODAY!!!»)
                    boolean calm = loud && (Shouting.capsWords(tokens, s, lang) > 0 || Shouting.exclaims(tokens, s));
                    if (shout == null || !calm || overlaps(ruleHits, s.start(), s.end())
                            || overlaps(out, s.start(), s.end())) {
                        continue;
                    }
                    Match m = new Match(s.fromToken(), s.toToken(), s.start(), s.end());
                    out.add(new PhrasingEngine.Hit(shout, s.start(), s.end(), text.substring(s.start(), s.end()), new ArrayList<>(), m,
                            Double.NaN));
                }
                continue;
            }
            for (ToneChecker.Flag f : flags) {
                if (f.source() != pass || overlaps(ruleHits, f.start(), f.end()) || overlaps(out, f.start(), f.end())) {
                    continue;
                }
                boolean model = pass == ToneChecker.Source.MODEL;
                int from = tokenAt(tokens, f.start());
                int to = Math.max(from + 1, tokenAfter(tokens, f.end()));
                coach.text.Segments.Segment flagged = new coach.text.Segments.Segment(from, to, f.start(), f.end());
                if (model && PhrasingEngine.greeting(tokens, flagged) && PhrasingEngine.greets(tokens, flagged)) {
                    continue; // «Елена Викторовна, здравствуйте.»: a greeting and a name say nothing for the model to judge
                }
                if (!model && !apart(tokens, from, to)) {
                    // a word inside its clause: its neutral counterpart in the same form, when there is one for sure
                    Rule word = rules.get(key(lang, f.category(), PROFANITY_WORD));
                    NeutralWords.Edit e = word == null ? null : NeutralWords.edit(tone.profanity(), text, tokens, from, to, lang);
                    if (e != null && !overlaps(ruleHits, e.start(), e.end()) && !overlaps(out, e.start(), e.end())) {
                        Rule r = new Rule(word.id(), word.category(), Rule.Scope.FRAGMENT, null, lang, word.phrases(), List.of(), List.of(),
                                word.principleId(), 0, word.principle(), word.explanation(), List.of(e.replacement()), null, List.of(),
                                word.file(), 0);
                        Match m = new Match(e.fromToken(), e.toToken(), e.start(), e.end());
                        PhrasingEngine.Hit h = new PhrasingEngine.Hit(r, e.start(), e.end(), text.substring(e.start(), e.end()), new ArrayList<>(), m,
                                Double.NaN);
                        out.add(h);
                        neutral.add(h);
                        continue;
                    }
                }
                String source = model ? Finding.MODEL : droppableWord(tokens, from, to) ? PROFANITY_WORD : PROFANITY;
                Rule r = rules.get(key(lang, f.category(), source));
                if (r == null) {
                    continue;
                }
                Match m = new Match(from, to, f.start(), f.end());
                out.add(new PhrasingEngine.Hit(r, f.start(), f.end(), text.substring(f.start(), f.end()), new ArrayList<>(), m,
                        model ? f.confidence() : Double.NaN));
            }
        }
        out.sort(java.util.Comparator.comparingInt(PhrasingEngine.Hit::start));
        return neutral.size() < 2 ? out : coordinated(text, out, neutral);
    }

    /**
     * Two insults joined by «и» or a comma that get the same neutral word become one: «уёбков и тварей» → «людей», not
     * «людей и людей»; when the first is left out (an aside: «монтажники уёбки и ублюдки сломали»), both go with the «и».
     */
    private static List<PhrasingEngine.Hit> coordinated(String text, List<PhrasingEngine.Hit> hits, Set<PhrasingEngine.Hit> neutral) {
        List<PhrasingEngine.Hit> out = new ArrayList<>(hits.size());
        for (PhrasingEngine.Hit h : hits) {
            PhrasingEngine.Hit prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (prev != null && neutral.contains(prev) && neutral.contains(h)
                    && ((prev.rule().replacements().get(0).isEmpty() && PERSON.matcher(h.rule().replacements().get(0)).matches())
                            || prev.rule().replacements().get(0).equalsIgnoreCase(h.rule().replacements().get(0)))
                    && JOINED.matcher(text.substring(prev.end(), h.start())).matches()) {
                Match m = new Match(prev.match().fromToken(), h.match().toToken(), prev.start(), h.end());
                PhrasingEngine.Hit both = new PhrasingEngine.Hit(prev.rule(), prev.start(), h.end(), text.substring(prev.start(), h.end()),
                        new ArrayList<>(), m, Double.NaN);
                out.set(out.size() - 1, both);
                neutral.add(both);
                continue;
            }
            out.add(h);
        }
        return out;
    }

    /** The neutral word for a person insult: after an aside that goes, such a word goes too («монтажники уёбки и ублюдки»), any other stays («суки пиздят» → «врут»). */
    private static final java.util.regex.Pattern PERSON = java.util.regex.Pattern.compile("(?iu)(человек|люд)\\p{L}*|");
    private static final java.util.regex.Pattern JOINED = java.util.regex.Pattern.compile("\\s*(,|\\s)\\s*(и\\s+)?|\\s+и\\s+");

    /** Whether the tone checker finds anything in a version (a rewrite must be clean by the model too). */
    boolean flags(String text, List<Token> tokens) {
        return !tone.check(text, tokens).isEmpty();
    }

    /**
     * Whether the word list finds anything in a version, the model aside: what a version of a sentence whose only
     * findings were listed words must pass. The model read that sentence's tone before and its guess about the rest
     * of it (which stays as the writer wrote it) does not change by taking the words out.
     */
    boolean flagsWords(String text, List<Token> tokens) {
        for (ToneChecker.Flag f : tone.check(text, tokens)) {
            if (f.source() != ToneChecker.Source.MODEL) {
                return true;
            }
        }
        return false;
    }

    /** Separators around a word that stands apart: «Ты, бля, не мороси», «…служил, гандон», «Сука, опять…». */
    private static final Set<String> APART = Set.of(",", ";", ":", "-", "—", "–", "!", "?", ".", "…", "(", ")");
    /** Adjective endings: a coarse word with one of them before another word only qualifies it («гребаный проездной»). */
    private static final java.util.regex.Pattern ADJECTIVE = java.util.regex.Pattern.compile(
            ".*(ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ую|юю|ых|их|ыми|ими)");

    /**
     * Whether the listed word(s) at tokens [from, to) can be left out alone and the sentence still reads: a word between
     * separators or the sentence's edges (an interjection, a word of address), or an adjective before another word that
     * does not follow a preposition. A noun or verb inside a clause cannot («эту х*рню» → «эту»).
     */
    static boolean droppableWord(List<Token> tokens, int from, int to) {
        if (apart(tokens, from, to)) {
            return true;
        }
        if (to - from != 1 || to >= tokens.size() || !tokens.get(to).isWord() || !ADJECTIVE.matcher(tokens.get(from).norm()).matches()) {
            return false;
        }
        if (from > 0 && tokens.get(from - 1).isWord()) {
            List<coach.text.morph.Reading> rs = coach.text.morph.Morphology.russian().analyze(tokens.get(from - 1).norm());
            if (!rs.isEmpty() && rs.stream().allMatch(x -> x.pos().equals("PREP"))) {
                return false;
            }
        }
        // the next word must be what it qualifies, not «и», «в» or a verb: «он тупой и ленивый» keeps its word
        List<coach.text.morph.Reading> next = coach.text.morph.Morphology.russian().analyze(tokens.get(to).norm());
        return next.isEmpty() || next.stream().anyMatch(x -> x.isNoun() || x.isAgreeingModifier());
    }

    /** Whether the word(s) at tokens [from, to) stand between separators or the text's edges: an interjection, a word of address. */
    static boolean apart(List<Token> tokens, int from, int to) {
        boolean before = from == 0 || separator(tokens.get(from - 1));
        boolean after = to >= tokens.size() || separator(tokens.get(to));
        return before && after;
    }

    /** A separator, also a run of them («!!!», «----», «?!»). */
    private static boolean separator(Token t) {
        if (APART.contains(t.norm())) {
            return true;
        }
        return !t.isWord() && !t.norm().isEmpty() && t.norm().chars().allMatch(c -> ",;:-—–!?.…()".indexOf(c) >= 0);
    }

    private static int tokenAt(List<Token> tokens, int offset) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).end() > offset) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    private static int tokenAfter(List<Token> tokens, int offset) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (tokens.get(i).start() < offset) {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean overlaps(List<PhrasingEngine.Hit> hs, int start, int end) {
        for (PhrasingEngine.Hit h : hs) {
            if (h.start() < end && start < h.end()) {
                return true;
            }
        }
        return false;
    }

    /** What to do instead, for a finding of the tone model or the word list; null for the rules' findings. */
    String guidance(Finding f, Lang lang) {
        if (f.source().equals(Finding.MODEL) || f.rule().endsWith(".insult." + PROFANITY)) {
            ToneChecker.Category c = tone.category(f.category());
            return c == null ? null : c.guidance().get(lang);
        }
        return null;
    }

    /** The text with obscene and coarse words masked, as the report quotes it. */
    String mask(String s) {
        return tone.profanity().maskAll(s);
    }
}
