package coach.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTest {

    @Test
    void guideIsShippedUnchanged() throws IOException {
        Path seed = TestKb.dir().resolve("../../shared/seed/communication-with-clients.md").normalize();
        if (Files.exists(seed)) {
            assertEquals(Files.readString(seed), Files.readString(TestKb.dir().resolve("guide.md")));
        }
    }

    @Test
    void parsesFiveTopicsAndTwentyPrinciples() throws IOException {
        KnowledgeBase kb = TestKb.kb();
        assertEquals(5, kb.topics().size());
        assertEquals(20, kb.principles().size());
        String guide = Files.readString(TestKb.dir().resolve("guide.md"));
        Set<String> ids = new HashSet<>();
        for (Topic t : kb.topics()) {
            assertEquals(4, t.principles().size(), t.id());
            assertTrue(guide.contains("#### " + t.titleRu()), t.titleRu());
            assertEquals(2, t.materials().size(), "materials of " + t.id());
            for (Principle p : t.principles()) {
                assertTrue(ids.add(p.id()), "unique id " + p.id());
                assertTrue(p.id().startsWith(t.id() + "."), p.id());
                assertTrue(guide.contains("**" + p.titleRu() + "**"), "title exactly as in the guide: " + p.titleRu());
                assertFalse(p.explanation().isBlank(), p.id());
                assertFalse(p.example().startsWith(":"), p.id());
                assertTrue(guide.replaceAll("\\s+", " ").contains(p.example().substring(0, 30)), "example from the guide: " + p.id());
                assertFalse(p.titleEn().isBlank());
                assertFalse(p.summaryEn().isBlank());
            }
        }
        assertEquals("Вежливость и уважение", kb.principles().get(0).titleRu());
        assertTrue(kb.principles().get(0).example().contains("Это не наша проблема"));
        assertEquals("complaints.timely-response", kb.topics().get(4).principles().get(0).id());
        assertEquals("Методичка по принципам эффективной коммуникации с клиентами.", kb.topics().get(0).materials().get(0));
    }

    @Test
    void parsesSelfCheck() {
        SelfCheck sc = TestKb.kb().selfCheck();
        assertEquals(3, sc.questions().size());
        assertTrue(sc.questions().get(2).startsWith("Как лучше реагировать на жалобы"));
        assertTrue(sc.task().startsWith("Клиент выразил недовольство качеством оказанной услуги"), sc.task());
    }

    private static Path copyKb(Path tmp) throws IOException {
        return TestKb.copyTo(tmp);
    }

    @Test
    void malformedYamlNamesFileAndLine(@TempDir Path tmp) throws IOException {
        copyKb(tmp);
        Path meta = tmp.resolve("principles.yaml");
        List<String> lines = Files.readAllLines(meta, StandardCharsets.UTF_8);
        lines.set(20, "  - id: [broken");
        Files.write(meta, lines, StandardCharsets.UTF_8);
        ContentException e = assertThrows(ContentException.class, () -> KnowledgeBase.load(ContentSource.directory(tmp)));
        assertTrue(e.getMessage().startsWith("knowledge-base/principles.yaml:"), e.getMessage());
        assertTrue(e.line() >= 20, e.getMessage());
    }

    @Test
    void principleWithoutExampleNamesGuideLine(@TempDir Path tmp) throws IOException {
        copyKb(tmp);
        Path guide = tmp.resolve("guide.md");
        String g = Files.readString(guide).replace("**Пример**: периодическая отправка", "Например, периодическая отправка");
        Files.writeString(guide, g);
        ContentException e = assertThrows(ContentException.class, () -> KnowledgeBase.load(ContentSource.directory(tmp)));
        assertTrue(e.getMessage().contains("guide.md:"), e.getMessage());
        assertTrue(e.getMessage().contains("Регулярное взаимодействие"), e.getMessage());
    }

    @Test
    void renamedPrincipleIsReported(@TempDir Path tmp) throws IOException {
        copyKb(tmp);
        Path guide = tmp.resolve("guide.md");
        Files.writeString(guide, Files.readString(guide).replace("**Индивидуальный подход**", "**Индивидуальность**"));
        ContentException e = assertThrows(ContentException.class, () -> KnowledgeBase.load(ContentSource.directory(tmp)));
        assertTrue(e.getMessage().contains("Индивидуальность"), e.getMessage());
        assertTrue(e.line() > 0);
    }

    @Test
    void packagedSourceListsContent() {
        ContentSource src = ContentSource.packaged();
        assertTrue(src.exists("guide.md"));
        assertFalse(src.list("materials", ".md").isEmpty());
    }
}
