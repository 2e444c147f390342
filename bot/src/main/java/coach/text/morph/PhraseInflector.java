package coach.text.morph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts a short noun phrase into another case (and optionally number): «своему новому менеджеру»
 * → instrumental «вашим новым менеджером», «ваша заявка» → dative «вашей заявке», «отдел продаж» →
 * instrumental «отделом продаж».
 *
 * <p>The phrase is: adjective-like words (adjectives, pronominal adjectives, full participles,
 * ordinals, with adverbs in front of them: «очень важному»), then the head noun, then an
 * optional tail that stays as it is (a genitive attribute «продаж», «нового филиала», a
 * prepositional one «по продажам», numbers and other non-Cyrillic tokens «№ 245»). Among the
 * readings of each word it keeps those in which every modifier agrees with the head (see
 * {@link Morphology#agree}); if the readings left lead to different results, or none is left, the
 * answer is empty: callers prefer no rewrite to a wrong one.
 *
 * <p>«свой» and «твой» become «ваш» in the agreeing form (the coach rewrites messages that
 * address the client). Capitalisation of each word is kept. Thread-safe.
 */
public final class PhraseInflector {
    private final Morphology morph;

    PhraseInflector(Morphology morph) {
        this.morph = morph;
    }

    /**
     * The phrase's words in {@code target} case.
     *
     * @param words  the word forms of the phrase, in order (no punctuation except in the tail)
     * @param source the case the phrase is in, when the caller knows it (after «к» it is the
     *               dative), or null; it removes ambiguity such as «заявки» (genitive singular or
     *               nominative plural)
     * @param target the case wanted
     * @param number the number wanted, or null to keep the phrase's own
     * @return the new word forms, one per input word, or empty when unsure
     */
    public Optional<List<String>> inflect(List<String> words, Case source, Case target, GrammaticalNumber number) {
        if (words == null || words.isEmpty() || words.size() > 12 || target == null) {
            return Optional.empty();
        }
        List<List<Reading>> readings = new ArrayList<>(words.size());
        for (String w : words) {
            readings.add(morph.analyze(w));
        }
        // Try the head positions from the right: with «нового клиента», «клиента» is the head and
        // «нового» its modifier, not a noun «новое» with a genitive tail.
        for (int head = words.size() - 1; head >= 0; head--) {
            if (!validModifiers(readings, head)) {
                continue;
            }
            Optional<List<String>> r = inflectWithHead(words, readings, head, source, target, number);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    /** The same for a phrase written with single spaces between words: «своему менеджеру» → «вашим менеджером». */
    public Optional<String> inflect(String phrase, Case source, Case target, GrammaticalNumber number) {
        if (phrase == null || phrase.isBlank()) {
            return Optional.empty();
        }
        List<String> words = Arrays.asList(phrase.strip().split("\\s+"));
        return inflect(words, source, target, number).map(ws -> String.join(" ", ws));
    }

    /** {@link #inflect(String, Case, Case, GrammaticalNumber)} keeping the number, from an unknown case. */
    public Optional<String> inflect(String phrase, Case target) {
        return inflect(phrase, null, target, null);
    }

    private static boolean validModifiers(List<List<Reading>> readings, int head) {
        for (int i = 0; i < head; i++) {
            boolean modifier = false;
            boolean adverb = false;
            for (Reading r : readings.get(i)) {
                modifier |= r.isAgreeingModifier();
                adverb |= "ADV".equals(r.pos());
            }
            if (!modifier && !(adverb && i + 1 < head)) {
                return false;
            }
        }
        return true;
    }

    private static boolean validTail(List<String> words, List<List<Reading>> readings, int from) {
        if (from >= words.size()) {
            return true;
        }
        if (!hasCyrillic(words.get(from))) {
            return true;
        }
        boolean genitive = false;
        boolean preposition = false;
        for (Reading r : readings.get(from)) {
            Case c = r.grammaticalCase();
            genitive |= c != null && c.base() == Case.GEN && !r.isVerb();
            preposition |= "PREP".equals(r.pos());
        }
        if (!genitive && !preposition) {
            return false;
        }
        for (int i = from; i < words.size(); i++) {
            if (!hasCyrillic(words.get(i))) {
                continue;
            }
            List<Reading> rs = readings.get(i);
            if (rs.isEmpty()) {
                return false;
            }
            boolean nonVerb = false;
            for (Reading r : rs) {
                nonVerb |= !r.isVerb() && !"DPT".equals(r.pos());
            }
            if (!nonVerb) {
                return false;
            }
        }
        return true;
    }

    private Optional<List<String>> inflectWithHead(List<String> words, List<List<Reading>> readings, int head,
                                                   Case source, Case target, GrammaticalNumber number) {
        List<String> answer = null;
        for (Reading noun : readings.get(head)) {
            if (!noun.isNoun()) {
                continue;
            }
            Case nc = noun.grammaticalCase();
            if (source != null && nc != null && nc.base() != source.base()) {
                continue;
            }
            List<String> out = build(words, readings, head, noun, target, number);
            if (out == null) {
                continue;
            }
            if (answer == null) {
                answer = out;
            } else if (!answer.equals(out)) {
                return Optional.empty(); // two readings, two different answers: unsure
            }
        }
        return Optional.ofNullable(answer);
    }

    /** The phrase rebuilt around one reading of the head noun, or null if a modifier does not agree or a form is missing. */
    private List<String> build(List<String> words, List<List<Reading>> readings, int head, Reading noun,
                               Case target, GrammaticalNumber number) {
        Tag n = Tag.of(noun.tag());
        GrammaticalNumber newNumber = number != null ? number : n.number;
        if (n.gender == null && newNumber == GrammaticalNumber.SING && n.number == GrammaticalNumber.PLUR) {
            return null; // a plural-only noun has no singular
        }
        // the head
        String headForm;
        if (n.caseIndex < 0 && n.numberIndex < 0) {
            headForm = words.get(head); // indeclinable
        } else {
            Map<String, String> changes = newNumber != null && newNumber != n.number
                    ? Map.of(Morphology.CASE, target.tag(), Morphology.NUMBER, newNumber.tag())
                    : Map.of(Morphology.CASE, target.tag());
            Optional<String> f = morph.inflect(words.get(head), noun, changes);
            if (f.isEmpty()) {
                return null;
            }
            headForm = f.get();
        }
        Animacy animacy = n.animacy;
        List<String> out = new ArrayList<>(words);
        out.set(head, headForm);
        // names in apposition take the head's case: «менеджеру Ивану Петрову» → «менеджером Иваном Петровым»
        int tail = head + 1;
        while (tail < words.size() && n.grammaticalCase != null) {
            String f = appositionForm(words.get(tail), readings.get(tail), n, target, newNumber);
            if (f == null) {
                break;
            }
            out.set(tail, f);
            tail++;
        }
        if (!validTail(words, readings, tail)) {
            return null;
        }
        for (int i = 0; i < head; i++) {
            List<Reading> rs = readings.get(i);
            String produced = null;
            boolean agreeing = false;
            for (Reading m : rs) {
                if (!morph.agree(m, noun)) {
                    continue;
                }
                agreeing = true;
                String f = modifierForm(words.get(i), m, n, target, newNumber, animacy);
                if (f == null) {
                    return null;
                }
                if (produced != null && !produced.equals(f)) {
                    return null;
                }
                produced = f;
            }
            if (!agreeing) {
                boolean adverb = rs.stream().anyMatch(r -> "ADV".equals(r.pos()));
                if (!adverb) {
                    return null;
                }
                continue; // an adverb in front of an adjective stays
            }
            out.set(i, produced);
        }
        return out;
    }

    /** The word as a proper name in apposition to the head, put into the target case; null if it is none. */
    private String appositionForm(String word, List<Reading> rs, Tag head, Case target, GrammaticalNumber number) {
        String produced = null;
        for (Reading r : rs) {
            Tag t = Tag.of(r.tag());
            if (!r.isNoun() || !(t.has("Name") || t.has("Patr") || t.has("Fam")) || t.grammaticalCase == null
                    || t.grammaticalCase.base() != head.grammaticalCase.base() || t.number != head.number) {
                continue;
            }
            Map<String, String> changes = number != null && number != t.number
                    ? Map.of(Morphology.CASE, target.tag(), Morphology.NUMBER, number.tag())
                    : Map.of(Morphology.CASE, target.tag());
            Optional<String> f = morph.inflect(word, r, changes);
            if (f.isEmpty() || (produced != null && !produced.equals(f.get()))) {
                return null;
            }
            produced = f.get();
        }
        return produced;
    }

    private String modifierForm(String word, Reading m, Tag noun, Case target, GrammaticalNumber number, Animacy animacy) {
        String tag = Morphology.agreeingTag(Tag.of(m.tag()), noun, target, number);
        if (tag == null) {
            return null;
        }
        String lemma = m.lemma();
        if (lemma.equals("свой") || lemma.equals("твой")) {
            lemma = "ваш";
        }
        List<String> forms = morph.synthesize(lemma, tag);
        if (forms.isEmpty()) {
            return null;
        }
        return morph.pick(word, forms, Tag.of(tag)).orElse(null);
    }

    private static boolean hasCyrillic(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.UnicodeBlock.of(w.charAt(i)) == Character.UnicodeBlock.CYRILLIC) {
                return true;
            }
        }
        return false;
    }
}
