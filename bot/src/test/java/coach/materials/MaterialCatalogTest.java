package coach.materials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.kb.ContentException;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.kb.Topic;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaterialCatalogTest {
    static final MaterialCatalog CATALOG = MaterialCatalog.load(TestKb.kb());

    @Test
    void everyMaterialTheGuidePromisesExists() {
        assertEquals(10, CATALOG.all().size());
        for (Topic t : TestKb.kb().topics()) {
            assertEquals(2, CATALOG.all().stream().filter(m -> m.topicId().equals(t.id())).count(), t.id());
        }
        assertEquals("principles-handbook", CATALOG.all().get(0).id(), "ordered as the guide lists them");
    }

    @Test
    void everyMaterialIsWellFormed() {
        Pattern anyBraces = Pattern.compile("\\{\\{[^}]*\\}\\}");
        for (Material m : CATALOG.all()) {
            assertFalse(m.titleEn().isBlank(), m.id());
            assertFalse(m.summaryEn().isBlank(), m.id());
            assertFalse(m.principles().isEmpty(), m.id() + " cites principles");
            m.principles().forEach(p -> assertTrue(TestKb.kb().principle(p).isPresent(), p));
            Matcher mt = anyBraces.matcher(m.body());
            while (mt.find()) {
                assertTrue(MaterialCatalog.PLACEHOLDER.matcher(mt.group()).matches(), m.id() + ": " + mt.group());
            }
            if (m.kind() == Material.Kind.TEMPLATE) {
                assertTrue(m.fillable(), m.id());
                assertTrue(m.placeholders().size() >= 3, m.id());
            } else {
                assertTrue(m.placeholders().isEmpty(), m.id());
            }
            if (m.kind() == Material.Kind.CHECKLIST) {
                assertTrue(m.body().contains("- [ ]"), m.id() + " has tick boxes");
            }
        }
    }

    @Test
    void everyTemplateFillsCompletely() {
        for (Material m : CATALOG.all()) {
            if (!m.fillable()) {
                continue;
            }
            ObjectNode answers = JsonNodeFactory.instance.objectNode();
            m.placeholders().forEach(p -> answers.put(p, "значение " + p));
            String filled = FillSessionHandler.fill(m, answers, coach.text.Lang.RU);
            assertFalse(filled.contains("{{"), m.id());
            assertFalse(filled.contains("}}"), m.id());
            m.placeholders().forEach(p -> assertTrue(filled.contains("значение " + p), m.id() + " " + p));
        }
    }

    @Test
    void everyMaterialPassesThePhrasingEngine() {
        // the materials speak to the assistant (on «ты», with headings): the rules check them, not the tone model
        coach.phrasing.PhrasingEngine engine = coach.phrasing.PhrasingEngine.rulesOnly(TestKb.kb());
        StringBuilder problems = new StringBuilder();
        for (Material m : CATALOG.all()) {
            for (String paragraph : m.body().split("\n\s*\n")) {
                coach.phrasing.CheckResult r = engine.check(paragraph);
                r.findings().forEach(f -> problems.append(m.id()).append(": «").append(f.fragment()).append("» ")
                        .append(f.rule()).append('\n'));
            }
            if (m.fillable()) {
                ObjectNode answers = JsonNodeFactory.instance.objectNode();
                m.placeholders().forEach(p -> answers.put(p, "Анна"));
                engine.check(FillSessionHandler.fill(m, answers, coach.text.Lang.RU)).findings()
                        .forEach(f -> problems.append(m.id()).append(" (filled): «").append(f.fragment()).append("»\n"));
            }
        }
        assertEquals("", problems.toString());
    }

    private static Path copyKb(Path tmp) throws IOException {
        return TestKb.copyTo(tmp);
    }

    @Test
    void malformedPlaceholderNamesFileAndLine(@TempDir Path tmp) throws IOException {
        copyKb(tmp);
        Path f = tmp.resolve("materials/status-report-template.md");
        Files.writeString(f, Files.readString(f).replace("{{срок}}", "{{ срок }}"));
        KnowledgeBase kb = KnowledgeBase.load(ContentSource.directory(tmp));
        ContentException e = assertThrows(ContentException.class, () -> MaterialCatalog.load(kb));
        assertTrue(e.getMessage().contains("materials/status-report-template.md:"), e.getMessage());
        assertTrue(e.line() > 10, e.getMessage());
    }

    @Test
    void brokenFrontMatterNamesTheLineOfTheMarkdownFile(@TempDir Path tmp) throws IOException {
        copyKb(tmp);
        Path f = tmp.resolve("materials/status-report-template.md");
        String text = Files.readString(f);
        Files.writeString(f, text.replace("topic: expectations", "topic: [expectations"));
        KnowledgeBase kb = KnowledgeBase.load(ContentSource.directory(tmp));
        ContentException e = assertThrows(ContentException.class, () -> MaterialCatalog.load(kb));
        assertEquals("materials/status-report-template.md", e.file());
        assertEquals(7, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("malformed YAML"), e.getMessage());

        Files.writeString(f, text.replace("topic: expectations", "topic: nowhere"));
        e = assertThrows(ContentException.class, () -> MaterialCatalog.load(KnowledgeBase.load(ContentSource.directory(tmp))));
        assertEquals(7, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("unknown topic 'nowhere'"), e.getMessage());
    }

    @Test
    void missingMaterialIsReported(@TempDir Path tmp) throws IOException {
        copyKb(tmp);
        Files.delete(tmp.resolve("materials/crm-notes-template.md"));
        KnowledgeBase kb = KnowledgeBase.load(ContentSource.directory(tmp));
        ContentException e = assertThrows(ContentException.class, () -> MaterialCatalog.load(kb));
        assertTrue(e.getMessage().contains("CRM"), e.getMessage());
    }

    @Test
    void englishTextsOfMaterialsCheckCleanAndKeepTheTemplateFields() {
        // the materials speak to the assistant (on «ты», with headings): the rules check them, not the tone model
        coach.phrasing.PhrasingEngine engine = coach.phrasing.PhrasingEngine.rulesOnly(TestKb.kb());
        StringBuilder problems = new StringBuilder();
        int translated = 0;
        for (Material m : CATALOG.all()) {
            String en = m.body(coach.text.Lang.EN);
            if (en.equals(m.body())) {
                continue;
            }
            translated++;
            for (String paragraph : en.split("\n\\s*\n")) {
                engine.check(paragraph).findings().forEach(f -> problems.append(m.id()).append(" (en): «").append(f.fragment()).append("» ")
                        .append(f.rule()).append('\n'));
            }
            String outsideFields = MaterialCatalog.PLACEHOLDER.matcher(en).replaceAll("");
            assertFalse(outsideFields.matches("(?s).*[А-Яа-яЁё].*"), m.id() + " (en) has Russian words outside its {{fields}}");
            if (m.fillable()) {
                for (String p : m.placeholders()) {
                    assertTrue(en.contains("{{" + p + "}}"), m.id() + " (en) shows the field " + p);
                    assertTrue(en.contains("**" + m.fieldName(p, coach.text.Lang.EN) + "**"), m.id() + " (en) explains the field " + p);
                }
            }
        }
        assertEquals(CATALOG.all().size(), translated, "every material has an English text");
        assertEquals("", problems.toString());
    }
}
