package coach.drill;

import coach.text.Lang;
import coach.text.TextAnalyzer;
import coach.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Scores a free-text answer against rubric criteria. Pattern criteria run the shared token matcher over
 * one analysis of the text (the language's own patterns); {@code check: phrasing} criteria are met when
 * {@code risky} says the text is not risky (the phrasing engine) and the reply says something: a criterion
 * of the list is met or a slot (time, day, amount, channel…) is read from it — «x», «Да, всё нормально,
 * работаем» or a line of pleasantries is not scored polite. A reply written in English is scored with the
 * English patterns whatever the drill's language (and a Russian one with the Russian patterns). Thread-safe.
 */
public final class DrillScorer {
    /** A reply that says nothing the rubric knows and is shorter than this many words is off topic: the client is confused. */
    static final int OFF_TOPIC_WORDS = 6;
    private final Predicate<String> risky;
    private final Slots slots;

    /** @param risky whether the phrasing engine finds something risky in a text */
    DrillScorer(Predicate<String> risky, Slots slots) {
        this.risky = Objects.requireNonNull(risky, "risky");
        this.slots = Objects.requireNonNull(slots, "slots");
    }

    Slots slots() {
        return slots;
    }

    /** The answer against the whole rubric of the scenario (the batch contract and the quiz task), in Russian. */
    public Assessment assess(Scenario scenario, String reply) {
        return assess(scenario, reply, Lang.RU);
    }

    /** The answer against the whole rubric of the scenario, scored with the patterns of {@code lang}. */
    public Assessment assess(Scenario scenario, String reply, Lang lang) {
        return assess(scenario.rubric(), reply, scenario.defaults(lang), lang);
    }

    Assessment assess(List<Criterion> criteria, String reply, Map<String, String> vars) {
        return assess(criteria, reply, vars, Lang.RU);
    }

    /**
     * Every criterion of {@code criteria} for one reply. A {@code check: phrasing} criterion is judged against the
     * pattern criteria of the same list (a substantive reply meets at least one, or names a slot, or says enough).
     */
    Assessment assess(List<Criterion> criteria, String reply, Map<String, String> vars, Lang lang) {
        String text = reply == null ? "" : reply;
        Lang written = Lang.detect(text);
        List<Token> tokens = TextAnalyzer.analyze(text);
        boolean empty = tokens.stream().noneMatch(t -> t.isWord() || t.kind() == Token.Kind.NUMBER);
        Map<String, String> found = empty ? Map.of() : slots.read(text, written);
        boolean anyPattern = false;
        boolean anySubstance = false;
        boolean anyViolated = false;
        List<Boolean> verdicts = new ArrayList<>(criteria.size());
        for (Criterion c : criteria) {
            boolean met = !empty && !c.phrasing() && c.satisfiedBy(tokens, written);
            verdicts.add(met);
            if (met && !c.absent()) {
                anyPattern = true;
                anySubstance |= !c.courtesy();
            }
            if (!empty && !met && c.absent() && !c.phrasing()) {
                anyViolated = true;
            }
        }
        // a reply of pleasantries whose only points are courtesies says nothing: the courtesies do not count
        if (anyPattern && !anySubstance && !anyViolated && found.isEmpty() && slots.boilerplate(tokens, written)) {
            for (int i = 0; i < criteria.size(); i++) {
                if (criteria.get(i).courtesy()) {
                    verdicts.set(i, false);
                }
            }
            anyPattern = false;
        }
        boolean isRisky = !empty && risky.test(text);
        for (Criterion c : criteria) {
            if (c.phrasing() && !empty && c.rudeBy(tokens, written)) {
                isRisky = true;
            }
        }
        // something was said: a criterion met, a promise the rubric rejects, or a fact (time, amount, channel…)
        long words = tokens.stream().filter(Token::isWord).count();
        boolean said = anyPattern || (anyViolated && words >= 3) || !found.isEmpty();
        boolean substantive = !empty && said;
        boolean offTopic = !said && words < OFF_TOPIC_WORDS;
        List<Assessment.Outcome> outcomes = new ArrayList<>(criteria.size());
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            boolean met = c.phrasing() ? substantive && !isRisky : verdicts.get(i);
            outcomes.add(new Assessment.Outcome(c, met));
        }
        return new Assessment(outcomes, score(outcomes), empty, vars, lang, isRisky, offTopic, found);
    }

    static int score(List<Assessment.Outcome> outcomes) {
        int total = 0;
        int got = 0;
        for (Assessment.Outcome o : outcomes) {
            total += o.criterion().weight();
            if (o.met()) {
                got += o.criterion().weight();
            }
        }
        int score = total == 0 ? 0 : (int) Math.round(100.0 * got / total);
        for (Assessment.Outcome o : outcomes) {
            if (!o.met() && o.criterion().cap() >= 0) {
                score = Math.min(score, o.criterion().cap());
            }
        }
        return score;
    }
}
