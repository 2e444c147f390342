package coach.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.core.Button;
import coach.core.Reply;
import coach.drill.Drills;
import coach.kb.ContentException;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.kb.Principle;
import coach.text.Lang;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TipCatalogueTest {
    @TempDir
    Path tmp;

    @Test
    void theRealCatalogueHasAuthoredTipsAndOnePerPrincipleFromTheGuide() {
        KnowledgeBase kb = TestKb.kb();
        TipCatalogue c = TipCatalogue.load(kb);
        long authored = c.all().stream().filter(t -> !t.fromGuide()).count();
        assertTrue(authored >= 60, "authored: " + authored);
        assertTrue(c.size() >= 100, "total: " + c.size());
        for (Principle p : kb.principles()) {
            Tip g = c.tip(Tip.GUIDE_PREFIX + p.id()).orElseThrow();
            assertEquals(p.example(), g.exampleRu());
            assertEquals(p.explanation(), g.ru());
            assertFalse(g.en().isBlank());
            assertTrue(c.forPrinciple(p.id()).size() >= 2, p.id());
        }
        for (Tip t : c.all()) {
            assertTrue(kb.principle(t.principleId()).isPresent());
            assertFalse(t.ru().isBlank() || t.en().isBlank(), t.id());
            assertEquals(Lang.RU, Lang.detect(t.ru()), t.id() + " ru is Russian");
            assertEquals(Lang.EN, Lang.detect(t.en()), t.id() + " en is English");
        }
        assertEquals(c.ids().stream().sorted().toList(), c.ids());
        assertEquals(c.size(), new HashSet<>(c.ids()).size());
    }

    @Test
    void everyTipRendersWithinTelegramLimitsInBothLanguages() {
        TipCatalogue c = TipCatalogue.load(TestKb.kb());
        TipFormat f = new TipFormat(c);
        for (Tip t : c.all()) {
            for (Lang l : Lang.values()) {
                Reply r = f.daily(t, l);
                String text = r.text().plain();
                assertTrue(text.length() < 4096, t.id());
                assertTrue(text.contains(t.text(l)), t.id());
                for (coach.core.Rich.Seg seg : r.text().segments()) {
                    if (seg.style() == coach.core.Rich.Style.QUOTE) {
                        assertFalse(seg.text().startsWith("\"") || seg.text().startsWith("«"), "quoted once: " + seg.text());
                    }
                }
                for (List<Button> row : r.buttons()) {
                    for (Button b : row) {
                        assertTrue(b.data().getBytes(StandardCharsets.UTF_8).length <= 64, b.data());
                    }
                }
            }
        }
    }

    /** A copy of the real knowledge base whose tips file the test rewrites. */
    Path kbCopy() throws IOException {
        return TestKb.copyTo(Files.createTempDirectory(tmp, "kb"));
    }

    ContentException failsWith(String tipsYaml) throws IOException {
        Path kb = kbCopy();
        Files.writeString(kb.resolve(TipCatalogue.FILE), tipsYaml);
        KnowledgeBase base = KnowledgeBase.load(ContentSource.directory(kb));
        ContentException e = assertThrows(ContentException.class, () -> TipCatalogue.load(base));
        assertEquals(TipCatalogue.FILE, e.file());
        return e;
    }

    static final String GOOD = """
            tips:
              - id: a-01
                principle: principles.politeness
                ru: "Здоровайся."
                en: "Say hello."
            """;

    @Test
    void malformedTipsFailStartUpNamingFileAndLine() throws IOException {
        ContentException unknown = failsWith(GOOD + """
                  - id: a-02
                    principle: principles.telepathy
                    ru: "Угадывай мысли."
                    en: "Read minds."
                """);
        assertEquals(6, unknown.line());
        assertTrue(unknown.getMessage().contains("principles.telepathy"), unknown.getMessage());
        assertTrue(unknown.getMessage().startsWith("knowledge-base/tips/tips.yaml:6"), unknown.getMessage());

        ContentException dup = failsWith(GOOD + """
                  - id: a-01
                    principle: principles.clarity
                    ru: "Пиши ясно."
                    en: "Write clearly."
                """);
        assertEquals(6, dup.line());
        assertTrue(dup.getMessage().contains("duplicate tip id 'a-01'"), dup.getMessage());

        ContentException noEn = failsWith(GOOD + """
                  - id: a-02
                    principle: principles.clarity
                    ru: "Пиши ясно."
                """);
        assertEquals(6, noEn.line());
        assertTrue(noEn.getMessage().contains("'en'"), noEn.getMessage());

        ContentException typo = failsWith(GOOD + """
                  - id: a-02
                    principle: principles.clarity
                    ru: "Пиши ясно."
                    en: "Write clearly."
                    exmaple_ru: "Пример"
                """);
        assertTrue(typo.getMessage().contains("unknown field 'exmaple_ru'"), typo.getMessage());

        ContentException half = failsWith(GOOD + """
                  - id: a-02
                    principle: principles.clarity
                    ru: "Пиши ясно."
                    en: "Write clearly."
                    example_ru: "Пример"
                """);
        assertTrue(half.getMessage().contains("both example_ru and example_en"), half.getMessage());

        ContentException reserved = failsWith(GOOD.replace("a-01", "guide-x"));
        assertTrue(reserved.getMessage().contains("reserved"), reserved.getMessage());

        ContentException badId = failsWith(GOOD.replace("a-01", "Tip One"));
        assertTrue(badId.getMessage().contains("valid id"), badId.getMessage());

        ContentException yaml = failsWith(GOOD + "  - id: [unclosed\n");
        assertTrue(yaml.line() >= 6, "line " + yaml.line());
        assertTrue(yaml.getMessage().contains("malformed YAML"), yaml.getMessage());

        ContentException empty = failsWith("tips: []\n");
        assertTrue(empty.getMessage().contains("non-empty list"), empty.getMessage());

        ContentException tooLong = failsWith(GOOD.replace("Здоровайся.", "Здоровайся. ".repeat(80)));
        assertTrue(tooLong.getMessage().contains("short"), tooLong.getMessage());
    }

    @Test
    void aPrincipleIsPractisedByTheScenarioThatNamesItOrOneOfItsTopic() {
        // the drills feature answers (its loaded, validated scenarios); the catalogue does not read scenario files
        KnowledgeBase kb = TestKb.kb();
        Drills drills = Drills.load(kb, text -> false);
        TipCatalogue c = TipCatalogue.load(kb, drills::scenarioFor);
        assertEquals(Optional.of("dissatisfied-client"), c.scenarioFor("complaints.listening"));
        assertEquals(Optional.of("project-delay"), c.scenarioFor("expectations.project-status"),
                "the scenario that names it, before an earlier one of the same topic");
        assertEquals(Optional.of("changed-requirements"), c.scenarioFor("expectations.regular-feedback"),
                "named by no scenario: the first one of its topic");
        assertEquals(Optional.empty(), TipCatalogue.load(kb).scenarioFor("complaints.listening"), "without the drills feature no drill");

        TipFormat f = new TipFormat(c);
        Tip listening = c.forPrinciple("complaints.listening").get(0);
        assertEquals("/drill dissatisfied-client", f.daily(listening, Lang.RU).buttons().get(0).get(0).data());
        assertEquals("Потренироваться", f.daily(listening, Lang.RU).buttons().get(0).get(0).label());
        Tip polite = c.forPrinciple("principles.politeness").get(0);
        assertEquals("/tip principles.politeness", new TipFormat(TipCatalogue.load(kb)).daily(polite, Lang.EN).buttons().get(0).get(0).data());
        Set<String> withDrill = new HashSet<>();
        for (Tip t : c.all()) {
            c.scenarioFor(t.principleId()).ifPresent(id -> {
                withDrill.add(t.principleId());
                assertTrue(("/drill " + id).getBytes(StandardCharsets.UTF_8).length <= Button.MAX_DATA_BYTES, id);
            });
        }
        assertEquals(kb.principles().size(), withDrill.size(), "every topic has a drill: " + withDrill);
    }
}
