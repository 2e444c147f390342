package coach.phrasing;

import coach.kb.KnowledgeBase;
import coach.kb.Principle;
import coach.text.Lang;
import coach.text.Token;
import coach.tone.Profanity;
import coach.tone.SentenceDrop;
import coach.tone.Sentences;
import coach.tone.ToneChecker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tone model and the word lists of {@code coach.tone} beside the rules: a sentence the model
 * flags and no rule finding covers becomes a finding of its own ({@code source: model}, with its
 * confidence), and every obscene, coarse or insulting word is a finding ({@code <lang>.insult.profanity}).
 * They carry no rewrite, except a fact-free insulting or sarcastic sentence that can simply be
 * dropped while the rest of the message still reads well. The one place the engine calls.
 */
final class ToneFindings {
    private static final Set<String> DROPPABLE = Set.of("insult", "sarcasm");

    private final ToneChecker tone;
    private final KnowledgeBase kb;

    ToneFindings(ToneChecker tone, KnowledgeBase kb) {
        this.tone = tone.validate(kb);
        this.kb = kb;
    }

    ToneChecker checker() {
        return tone;
    }

    /** The rule findings with the tone findings added where no rule finding is; in text order, not overlapping. */
    List<Finding> merge(String text, List<Token> tokens, Lang lang, List<Finding> rules) {
        List<ToneChecker.Flag> flags = tone.check(text, tokens);
        if (flags.isEmpty()) {
            return rules;
        }
        List<int[]> sentences = Sentences.split(text);
        List<Finding> out = new ArrayList<>(rules);
        List<Finding> words = new ArrayList<>();
        for (ToneChecker.Flag f : flags) {
            if (f.source() == ToneChecker.Source.LEXICON && !overlaps(out, f.start(), f.end())) {
                words.add(finding(text, lang, f, sentences));
            }
        }
        out.addAll(words);
        for (ToneChecker.Flag f : flags) {
            if (f.source() == ToneChecker.Source.MODEL && !overlaps(out, f.start(), f.end())) {
                out.add(finding(text, lang, f, sentences));
            }
        }
        out.sort(Comparator.comparingInt(Finding::start));
        return out;
    }

    private Finding finding(String text, Lang lang, ToneChecker.Flag f, List<int[]> sentences) {
        ToneChecker.Category c = tone.category(f.category());
        Principle p = kb.principle(c.principleId()).orElseThrow();
        boolean model = f.source() == ToneChecker.Source.MODEL;
        String rule = model ? "tone." + lang.code() + "." + f.category() : lang.code() + ".insult.profanity";
        int[] sentence = model ? new int[] {f.start(), f.end()} : sentenceOf(sentences, f.start());
        boolean drop = DROPPABLE.contains(f.category()) && droppable(text, sentence, sentences);
        return new Finding(rule, f.category(), f.start(), f.end(), text.substring(f.start(), f.end()), p.id(), p.titleRu(),
                c.why().get(lang), model ? Finding.MODEL : Finding.RULE, model ? Math.round(f.confidence() * 1000) / 1000.0 : null, drop);
    }

    private static int[] sentenceOf(List<int[]> sentences, int at) {
        for (int[] s : sentences) {
            if (s[0] <= at && at < s[1]) {
                return s;
            }
        }
        return new int[] {at, at};
    }

    /**
     * Whether a sentence can go without losing anything: it names no fact (no digit, no name or other
     * capitalised word after its first, no quote, address or link) and another sentence of three
     * words or more stays.
     */
    private static boolean droppable(String text, int[] s, List<int[]> sentences) {
        if (s[1] <= s[0]) {
            return false;
        }
        String sentence = text.substring(s[0], s[1]);
        boolean first = true;
        for (String w : sentence.split("[\\s,;:—–()!?.…]+")) {
            if (w.isEmpty()) {
                continue;
            }
            boolean email = w.indexOf('@') > 0 && w.indexOf('.', w.indexOf('@')) > 0;
            if (w.chars().anyMatch(Character::isDigit) || email || w.contains("http") || w.indexOf('«') >= 0 || w.indexOf('"') >= 0) {
                return false;
            }
            if (!first && Character.isUpperCase(w.charAt(0))) {
                return false;
            }
            first = false;
        }
        for (int[] o : sentences) {
            if (o[0] != s[0] && text.substring(o[0], o[1]).split("\\s+").length >= 3) {
                return SentenceDrop.dropSentence(text, s[0], s[1]).isPresent();
            }
        }
        return false;
    }

    private static boolean overlaps(List<Finding> fs, int start, int end) {
        for (Finding f : fs) {
            if (f.start() < end && start < f.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The suggestions with every droppable sentence dropped: the rules' suggestions (each still holds
     * those sentences word for word), or the text itself when no rule rewrote anything.
     */
    List<String> withDrops(String text, List<Finding> findings, List<String> suggestions) {
        List<String> drop = new ArrayList<>();
        List<int[]> sentences = null;
        for (Finding f : findings) {
            if (f.rewritable() && DROPPABLE.contains(f.category())) {
                if (f.source().equals(Finding.MODEL)) {
                    drop.add(f.fragment());
                } else if (f.rule().endsWith(".insult.profanity")) {
                    sentences = sentences == null ? Sentences.split(text) : sentences;
                    int[] s = sentenceOf(sentences, f.start());
                    String st = text.substring(s[0], s[1]);
                    if (!drop.contains(st)) {
                        drop.add(st);
                    }
                }
            }
        }
        if (drop.isEmpty()) {
            return suggestions;
        }
        List<String> bases = suggestions.isEmpty() ? List.of(text) : suggestions;
        List<String> out = new ArrayList<>(bases.size());
        for (String base : bases) {
            String s = base;
            for (int i = drop.size() - 1; i >= 0 && s != null; i--) {
                int at = s.lastIndexOf(drop.get(i));
                Optional<String> d = at < 0 ? Optional.empty() : SentenceDrop.dropSentence(s, at, at + drop.get(i).length());
                s = d.orElse(null);
            }
            if (s != null && !s.equals(text) && !out.contains(s)) {
                out.add(s);
            }
        }
        return out.isEmpty() ? suggestions : List.copyOf(out);
    }

    /** What to do instead, for a finding of the tone model or the word list; null for others. */
    String guidance(Finding f, Lang lang) {
        if (f.source().equals(Finding.MODEL) || f.rule().endsWith(".insult.profanity")) {
            ToneChecker.Category c = tone.category(f.category());
            return c == null ? null : c.guidance().get(lang);
        }
        return null;
    }

    /** The text with obscene and coarse words masked, as the report quotes it. */
    String mask(String s) {
        return tone.profanity().maskAll(s);
    }

    Profanity profanity() {
        return tone.profanity();
    }
}
