package coach.drill;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import coach.TestKb;
import coach.app.Coach;
import coach.text.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The {@code check: phrasing} criteria as the coach really scores them (the phrasing engine's tone findings plus
 * the scenario's own rude patterns): their polite examples are polite, their rude ones are not. Model answers and
 * hints are checked against the whole engine in {@link ScenarioFactsTest}.
 */
class PolitenessContentTest {
    @Test
    void politeExamplesAreScoredPoliteAndRudeOnesAreNot() {
        Predicate<String> impolite = Coach.impoliteText(TestKb.kb());
        assumeTrue(impolite.test("Это не наша проблема."), "no phrasing engine wired yet");
        Drills drills = Drills.load(TestKb.kb(), impolite);
        List<String> failures = new ArrayList<>();
        for (Scenario s : drills.scenarios()) {
            for (Criterion c : s.rubric()) {
                if (!c.phrasing()) {
                    continue;
                }
                for (String x : c.matchExamples()) {
                    if (!drills.scorer().assess(s, x).criteria().get(c.id())) {
                        failures.add(s.id() + "/" + c.id() + " does not score a polite example polite: " + x);
                    }
                }
                for (String x : c.noMatchExamples()) {
                    if (drills.scorer().assess(s, x, Lang.detect(x)).criteria().get(c.id())) {
                        failures.add(s.id() + "/" + c.id() + " scores a rude example polite: " + x);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
