package coach.drill;

import coach.text.TextAnalyzer;
import coach.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Scores a free-text answer against rubric criteria. Pattern criteria run the shared token matcher over
 * one analysis of the text; {@code check: phrasing} criteria are met when {@code risky} says the text is
 * not risky (the phrasing engine). Thread-safe.
 */
public final class DrillScorer {
    private final Predicate<String> risky;

    /** @param risky whether the phrasing engine finds something risky in a text */
    public DrillScorer(Predicate<String> risky) {
        this.risky = Objects.requireNonNull(risky, "risky");
    }

    /** The answer against the whole rubric of the scenario (the batch contract and the quiz task). */
    public Assessment assess(Scenario scenario, String reply) {
        return assess(scenario.rubric(), reply, scenario.defaults());
    }

    Assessment assess(List<Criterion> criteria, String reply, Map<String, String> vars) {
        String text = reply == null ? "" : reply;
        List<Token> tokens = TextAnalyzer.analyze(text);
        boolean empty = tokens.stream().noneMatch(t -> t.isWord());
        List<Assessment.Outcome> outcomes = new ArrayList<>(criteria.size());
        for (Criterion c : criteria) {
            boolean met;
            if (empty) {
                met = false;
            } else if (c.phrasing()) {
                met = !risky.test(text);
            } else {
                met = c.satisfiedBy(tokens);
            }
            outcomes.add(new Assessment.Outcome(c, met));
        }
        return new Assessment(outcomes, score(outcomes), empty, vars);
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
