package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.kb.ContentSource;
import coach.kb.Yaml;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The company's own good texts are the largest set of hard negatives there is: every line of the
 * materials and every tip example must check clean. (The guide's "instead of «Это не наша
 * проблема»" example is quoted on purpose and is not part of this set.)
 */
class GuideTextsAreCleanTest {
    /** The rules: the materials speak to the assistant on «ты» and hold headings and YAML, so they are checked by the rules. */
    private static final PhrasingEngine ENGINE = PhrasingEngine.rulesOnly(TestKb.kb());
    /** Rules and the tone model, for what is meant for clients: the tips' example phrases. */
    private static final PhrasingEngine FULL = PhrasingEngine.load(TestKb.kb());

    @Test
    void materialsAndTipExamplesCheckClean() throws Exception {
        ContentSource src = TestKb.source();
        List<String> texts = new ArrayList<>();
        for (String f : src.list("materials", ".md")) {
            for (String line : src.read(f).split("\n")) {
                if (!line.isBlank()) {
                    texts.add(line.strip());
                }
            }
        }
        Yaml.Node tips = Yaml.parse("tips/tips.yaml", src.read("tips/tips.yaml")).get("tips");
        for (Yaml.Node t : tips.items()) {
            for (String k : List.of("example_ru", "example_en")) {
                if (t.has(k)) {
                    texts.add(t.get(k).value());
                }
            }
        }
        assertTrue(texts.size() > 300, "materials and tips were read: " + texts.size());
        List<String> flagged = new ArrayList<>();
        for (String t : texts) {
            CheckResult r = ENGINE.check(t);
            if (r.risky()) {
                flagged.add(t + " -> " + r.findings());
            }
        }
        assertTrue(flagged.isEmpty(), String.join("\n", flagged));
    }

    /**
     * The tips' example phrases are what a client would read: the tone model beside the rules may
     * flag at most one in twenty of them (its false-alarm rate on the company's own good texts).
     */
    @Test
    void tipExamplesStayCleanWithTheToneModel() throws Exception {
        Yaml.Node tips = Yaml.parse("tips/tips.yaml", TestKb.source().read("tips/tips.yaml")).get("tips");
        List<String> texts = new ArrayList<>();
        for (Yaml.Node t : tips.items()) {
            for (String k : List.of("example_ru", "example_en")) {
                if (t.has(k)) {
                    texts.add(t.get(k).value());
                }
            }
        }
        List<String> flagged = new ArrayList<>();
        for (String t : texts) {
            CheckResult r = FULL.check(t);
            if (r.risky()) {
                flagged.add(t + " -> " + r.findings());
            }
        }
        System.out.printf("tone model on %d tip examples: %d flagged%n", texts.size(), flagged.size());
        assertTrue(texts.size() > 100, "tips were read: " + texts.size());
        assertTrue(flagged.size() * 20 <= texts.size(), flagged.size() + " of " + texts.size() + " flagged:\n" + String.join("\n", flagged));
    }
}
