package coach.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.kb.Topic;
import coach.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the content's own checks: every criterion's examples, every model answer and every hint against its rubric. */
class DrillContentTest {
    static Drills drills;

    @BeforeAll
    static void load() {
        drills = Drills.load(TestKb.kb(), text -> false, () -> 42L);
    }

    /** Every pattern criterion and quiz key point, with where it is defined. */
    static List<Criterion> allPatternCriteria() {
        List<Criterion> out = new ArrayList<>();
        for (Scenario s : drills.scenarios()) {
            s.rubric().stream().filter(c -> !c.phrasing()).forEach(out::add);
        }
        drills.quiz().questions().forEach(q -> out.addAll(q.keyPoints()));
        return out;
    }

    @Test
    void everyCriterionAcceptsItsMatchExamplesAndRejectsItsNoMatchExamples() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Criterion c : allPatternCriteria()) {
            for (String ex : c.matchExamples()) {
                checked++;
                if (!c.satisfiedBy(TextAnalyzer.analyze(ex))) {
                    failures.add(c.file() + ":" + c.examplesLine() + " " + c.id() + " should accept: " + ex);
                }
            }
            for (String ex : c.noMatchExamples()) {
                checked++;
                if (c.satisfiedBy(TextAnalyzer.analyze(ex))) {
                    failures.add(c.file() + ":" + c.examplesLine() + " " + c.id() + " should reject: " + ex);
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " examples fail:\n" + String.join("\n", failures));
        assertTrue(checked > 300, "examples checked: " + checked);
    }

    @Test
    void everyQuizKeyPointHintSatisfiesItsOwnPoint() {
        List<String> failures = new ArrayList<>();
        for (Quiz.Question q : drills.quiz().questions()) {
            for (Criterion c : q.keyPoints()) {
                if (!c.satisfiedBy(TextAnalyzer.analyze(c.hintRu()))) {
                    failures.add("quiz/" + c.id() + ": " + c.hintRu());
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void quizReferenceAnswersCoverAllTheirKeyPointsAndTheTaskReferenceMeetsTheRubric() {
        for (Quiz.Question q : drills.quiz().questions()) {
            Assessment a = drills.scorer().assess(q.keyPoints(), q.referenceRu(), Map.of());
            assertEquals(100, a.score(), q.textRu() + " " + a.criteria());
        }
        Scenario task = drills.quiz().taskScenario();
        Assessment a = drills.scorer().assess(task, drills.quiz().taskReference(coach.text.Lang.RU));
        assertEquals(100, a.score(), a.criteria().toString());
    }

    @Test
    void scenariosCoverEveryTopicOfTheGuideAndTheComplaintRubricIsTheIssues() {
        assertTrue(drills.scenarios().size() >= 6, "scenarios: " + drills.scenarios().size());
        Set<String> covered = new HashSet<>();
        drills.scenarios().forEach(s -> covered.add(s.topicId()));
        for (Topic t : TestKb.kb().topics()) {
            assertTrue(covered.contains(t.id()), "no scenario for topic " + t.id());
        }
        Scenario c = drills.scenario(Drills.COMPLAINT_SCENARIO).orElseThrow();
        assertEquals(List.of("apology", "empathy", "clarify", "solution", "follow_up", "polite"), c.criterionIds());
        for (Scenario s : drills.scenarios()) {
            assertTrue(s.turnCount() >= 2 && s.turnCount() <= 4, s.id());
            assertTrue(s.criterionIds().contains("polite"), s.id() + " has a politeness criterion");
            assertEquals(100, s.rubric().stream().mapToInt(Criterion::weight).sum(), s.id() + " weights add up to 100");
        }
    }

    @Test
    void variablesVaryBetweenRunsAndASeedReproducesThem() {
        Scenario s = drills.scenario(Drills.COMPLAINT_SCENARIO).orElseThrow();
        assertEquals(s.pick(7), s.pick(7));
        Set<Map<String, String>> seen = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            seen.add(s.pick(seed));
        }
        assertTrue(seen.size() > 10, "runs differ: " + seen.size());
        for (Scenario sc : drills.scenarios()) {
            for (long seed = 0; seed < 5; seed++) {
                Map<String, String> vars = sc.pick(seed);
                for (int i = 0; i < sc.turnCount(); i++) {
                    for (Reaction r : sc.turns().get(i).reactions()) {
                        if (r.has().isEmpty()) {
                            assertTrue(!Template.fill(r.ru(), vars).contains("{{"), sc.id());
                        }
                    }
                    assertTrue(!Template.fill(sc.turns().get(i).modelAnswer(), vars).contains("{{"), sc.id());
                }
                assertTrue(!Template.fill(sc.opening() + sc.persona() + sc.situation(), vars).contains("{{"), sc.id());
            }
        }
        assertNotEquals(s.pick(1), s.pick(2));
    }
}
