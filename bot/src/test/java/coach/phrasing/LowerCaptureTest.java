package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.TestKb;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code {name:lower}} on Russian captures: a capital that only opened the client's sentence goes, a name's stays. */
class LowerCaptureTest {
    private static PhrasingEngine engine;

    private static final String RULES = """
            language: ru
            default_scope: clause
            rules:
              - id: ru.rude.or-else
                category: rude
                principle: principles.politeness
                scope: sentence
                patterns: ["^ < [act подтвердите|оплатите ..8 ] , иначе >"]
                explanation: "Угроза."
                replacements: ["Пожалуйста, {act:lower}"]
                examples:
                  - incorrect: "Подтвердите бронь до пятницы, иначе снимем её."
                    corrected: "Пожалуйста, подтвердите бронь до пятницы."
                  - correct: "Подтвердите бронь до пятницы, пожалуйста."
            """;

    @BeforeAll
    static void load(@TempDir Path dir) throws IOException {
        TestKb.copyTo(dir);
        Files.writeString(dir.resolve("rules/ru.yaml"), RULES);
        try (var extra = Files.list(dir.resolve("rules"))) {
            for (Path p : extra.filter(p -> p.getFileName().toString().startsWith("ru-")).toList()) {
                Files.delete(p);
            }
        }
        engine = PhrasingEngine.rulesOnly(KnowledgeBase.load(ContentSource.directory(dir)));
    }

    @Test
    void aCapturedImperativeGoesAfterPleaseInLowerCase() {
        assertEquals("Пожалуйста, подтвердите бронь № 12 до пятницы.", engine.check("Подтвердите бронь № 12 до пятницы, иначе снимем её.").suggestions().get(0));
    }

    @Test
    void namesAndAbbreviationsKeepTheirCapital() {
        assertEquals("подтвердите бронь", Templates.lowerUnlessName("Подтвердите бронь"));
        assertEquals("Ольга Викторовна", Templates.lowerUnlessName("Ольга Викторовна"));
        assertEquals("МФЦ", Templates.lowerUnlessName("МФЦ"));
    }
}
