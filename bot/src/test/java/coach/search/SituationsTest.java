package coach.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.kb.ContentException;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.kb.Principle;
import coach.text.Lang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SituationsTest {
    static final KnowledgeBase KB = TestKb.kb();

    @Test
    void theRealSituationsCoverEveryPrincipleInBothLanguages() {
        List<Situations.Example> all = Situations.load(KB);
        for (Lang lang : Lang.values()) {
            Map<String, Long> byId = all.stream().filter(e -> e.lang() == lang).collect(Collectors.groupingBy(Situations.Example::id, Collectors.counting()));
            for (Principle p : KB.principles()) {
                long want = lang == Lang.RU ? 40 : 20;
                assertTrue(byId.getOrDefault(p.id(), 0L) >= want, lang + " " + p.id() + ": " + byId.get(p.id()));
            }
            assertTrue(byId.getOrDefault(Situations.NONE, 0L) >= 50, lang + " none");
            assertTrue(byId.getOrDefault(Situations.SMALL_TALK, 0L) >= 20, lang + " smalltalk");
        }
    }

    private static ContentException broken(Path dir, String ruLines) throws Exception {
        TestKb.copyTo(dir);
        Path ru = dir.resolve("situations/ru.tsv");
        Files.writeString(ru, Files.readString(ru) + ruLines);
        KnowledgeBase kb = KnowledgeBase.load(ContentSource.directory(dir));
        return assertThrows(ContentException.class, () -> Situations.load(kb));
    }

    private static int lines(Path dir) throws Exception {
        return Files.readAllLines(dir.resolve("situations/ru.tsv")).size();
    }

    @Test
    void anUnknownIdNamesFileAndLine(@TempDir Path dir) throws Exception {
        ContentException e = broken(dir, "principles.politenes\tклиент грубит\n");
        assertEquals("situations/ru.tsv", e.file());
        assertEquals(lines(dir), e.line());
        assertTrue(e.getMessage().contains("unknown id 'principles.politenes'"), e.getMessage());
    }

    @Test
    void aLineWithoutTabOrTextIsAnError(@TempDir Path dir) throws Exception {
        ContentException e = broken(dir, "клиент грубит без id\n");
        assertEquals(lines(dir), e.line());
        assertTrue(e.getMessage().contains("no tab"), e.getMessage());
    }

    @Test
    void theSameTextUnderTwoIdsIsAnError(@TempDir Path dir) throws Exception {
        ContentException e = broken(dir, "none\tклиент грубит в переписке, как ответить без хамства в ответ\n");
        assertEquals(lines(dir), e.line());
        assertTrue(e.getMessage().contains("already listed under 'principles.politeness'"), e.getMessage());
    }

    @Test
    void aMaterialIdIsKnownByItsFile() {
        List<Situations.Example> r = Situations.parse("situations/ru.tsv", Lang.RU,
                "status-report-template\tшаблон отчёта\n" + KB.principles().stream()
                        .map(p -> (p.id() + "\tа\n" + p.id() + "\tб\n" + p.id() + "\tв\n" + p.id() + "\tг\n" + p.id() + "\tд\n").replace("\t", "\t" + p.id() + " "))
                        .collect(Collectors.joining()),
                KB.principles().stream().map(Principle::id).collect(Collectors.toSet()), java.util.Set.of("status-report-template"));
        assertEquals("status-report-template", r.get(0).id());
        assertEquals(1, r.get(0).line());
    }

    @Test
    void aPrincipleWithTooFewSituationsIsAnError() {
        ContentException e = assertThrows(ContentException.class, () -> Situations.parse("situations/en.tsv", Lang.EN,
                "# only one\nprinciples.politeness\tthe client is rude\n", java.util.Set.of("principles.politeness"), java.util.Set.of()));
        assertTrue(e.getMessage().contains("at least"), e.getMessage());
    }
}
