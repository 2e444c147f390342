package coach.drill;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import coach.TestKb;
import coach.app.Coach;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The {@code check: phrasing} criteria against the politeness check the coach really wires: their own
 * examples, and every model answer and Russian hint must read as polite. Skipped while the coach has no
 * phrasing engine (then nothing is risky and there is nothing to check).
 */
class PolitenessContentTest {
    @Test
    void politeExamplesModelAnswersAndHintsAgreeWithThePhrasingEngine() {
        Predicate<String> risky = Coach.riskyText(TestKb.kb());
        assumeTrue(risky.test("Это не наша проблема."), "no phrasing engine wired yet");
        Drills drills = Drills.load(TestKb.kb(), risky);
        coach.phrasing.PhrasingEngine rules = coach.phrasing.PhrasingEngine.rulesOnly(TestKb.kb());
        List<String> failures = new ArrayList<>();
        for (Scenario s : drills.scenarios()) {
            for (Criterion c : s.rubric()) {
                if (!c.phrasing()) {
                    continue;
                }
                c.matchExamples().stream().filter(risky).forEach(x -> failures.add(s.id() + "/" + c.id() + " flags a polite example: " + x));
                c.noMatchExamples().stream().filter(risky.negate()).forEach(x -> failures.add(s.id() + "/" + c.id() + " misses a rude example: " + x));
            }
            for (long seed = 0; seed < 4; seed++) {
                Map<String, String> vars = s.pick(seed);
                for (Turn t : s.turns()) {
                    String answer = Template.fill(t.modelAnswer(), vars);
                    if (risky.test(answer)) {
                        failures.add(s.id() + " model answer flagged: " + answer);
                    }
                }
            }
            for (Criterion c : s.rubric()) {
                String hint = Template.fill(c.hintRu(), s.defaults());
                // a hint is advice to the assistant (imperatives addressed to them), so the rules check it, not the tone model
                if (!c.phrasing() && rules.check(hint).risky()) {
                    failures.add(s.id() + "/" + c.id() + " hint flagged: " + hint);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures.stream().distinct().toList()));
    }
}
