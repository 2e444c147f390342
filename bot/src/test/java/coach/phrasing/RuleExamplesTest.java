package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.text.Lang;
import coach.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule against its own examples, the way LanguageTool's PatternRuleTest checks grammar rules:
 * each incorrect example is found by its rule (or, for a fallback rule, kept as the rewrite of a
 * longer match), the expected correction is the first suggestion and checks clean itself (a rule without
 * replacements leaves its sentence to be rephrased by hand); each
 * correct example checks clean. A rule without examples cannot even load.
 */
class RuleExamplesTest {
    private static PhrasingEngine engine;

    @BeforeAll
    static void load() {
        engine = PhrasingEngine.rulesOnly(TestKb.kb());
    }

    @TestFactory
    Stream<DynamicTest> everyRuleOnItsOwnExamples() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule r : engine.allRules()) {
            tests.add(DynamicTest.dynamicTest(r.id(), () -> {
                for (Rule.Example x : r.examples()) {
                    String where = r.file() + ":" + x.line() + " (" + r.id() + ")";
                    if (x.isIncorrect()) {
                        CheckResult c = engine.check(x.incorrect());
                        assertTrue(fires(r, x.incorrect(), c.lang()), where + ": the rule does not find anything in «" + x.incorrect() + "»");
                        if (x.corrected() == null) {
                            // a rule that detects but does not rewrite: its finding says so, and nothing half-fixed is offered
                            assertTrue(c.findings().stream().anyMatch(f -> f.rule().equals(r.id()) && !f.rewritable()),
                                    where + ": a rule without replacements must leave its sentence to the user: " + c.findings());
                            continue;
                        }
                        String first = c.suggestions().isEmpty() ? null : c.suggestions().get(0);
                        assertEquals(x.corrected(), first, where + ": the first suggestion differs; all: " + c.suggestions());
                        CheckResult again = engine.check(x.corrected());
                        assertFalse(again.risky(), where + ": the correction is risky itself: " + again.findings());
                    } else {
                        CheckResult c = engine.check(x.correct());
                        assertFalse(c.risky(), where + ": false alarm on «" + x.correct() + "»: " + c.findings());
                    }
                }
            }));
        }
        return tests.stream();
    }

    private static boolean fires(Rule r, String text, Lang lang) {
        for (PhrasingEngine.Hit h : engine.scan(text, TextAnalyzer.analyze(text), lang)) {
            if (h.rule() == r || h.alternatives().stream().anyMatch(a -> a.rule() == r)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void idsAreUniqueAndEveryRuleHasBothKindsOfExamples() {
        Set<String> ids = new HashSet<>();
        for (Rule r : engine.allRules()) {
            assertTrue(ids.add(r.id()), "duplicate id " + r.id());
            assertTrue(r.examples().stream().anyMatch(Rule.Example::isIncorrect), r.id());
            assertTrue(r.examples().stream().anyMatch(x -> !x.isIncorrect()), r.id());
            assertTrue(r.id().startsWith(r.lang().code() + "." + r.category().id() + "."), r.id());
        }
    }

    @Test
    void everyCategoryIsCoveredInBothLanguages() {
        for (Lang lang : Lang.values()) {
            for (Category c : Category.values()) {
                if (c.byModel()) {
                    continue; // the tone model's categories (coach.tone, tested in ToneModelTest)
                }
                assertTrue(engine.rules(lang).stream().anyMatch(r -> r.category() == c), lang + " has no " + c.id() + " rule");
            }
        }
        assertEquals(engine.allRules().size(), engine.rules(Lang.RU).size() + engine.rules(Lang.EN).size());
    }
}
