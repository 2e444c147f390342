package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchCmdTest {

    /** Runs the CLI in-process with the given stdin and returns stdout lines. */
    static synchronized List<String> runCli(String stdin, String... args) {
        InputStream oldIn = Io.in;
        OutputStream oldOut = Io.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Io.in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
            Io.out = out;
            int code = Main.run(args);
            assertEquals(0, code, "exit code; output: " + out.toString(StandardCharsets.UTF_8));
        } finally {
            Io.in = oldIn;
            Io.out = oldOut;
        }
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void jsonlAnswersOneLinePerQueryInOrder() throws Exception {
        List<String> lines = runCli("клиент жалуется на задержку\n\nAND (\n" + "x".repeat(100_000) + "\ncomplaint\n", "search", "--jsonl");
        assertEquals(5, lines.size());
        JsonNode first = Io.json().readTree(lines.get(0));
        assertEquals("клиент жалуется на задержку", first.get("query").asText());
        JsonNode hit = first.get("hits").get(0);
        assertEquals("principle", hit.get("kind").asText());
        assertEquals("Своевременное реагирование на жалобы", hit.get("title").asText());
        assertEquals("complaints.timely-response", hit.get("id").asText());
        assertTrue(hit.get("score").asDouble() > 0);
        assertTrue(hit.hasNonNull("topic") && hit.hasNonNull("snippet"));
        assertTrue(first.get("hits").size() <= 5);
        assertEquals(0, Io.json().readTree(lines.get(1)).get("hits").size());
        assertEquals("AND (", Io.json().readTree(lines.get(2)).get("query").asText());
        assertTrue(Io.json().readTree(lines.get(4)).get("hits").size() > 0);
    }

    @Test
    void readableSearchPrintsTitleAndExample() {
        String out = String.join("\n", runCli("", "search", "клиент", "жалуется", "на", "задержку"));
        assertTrue(out.contains("Своевременное реагирование на жалобы"), out);
        assertTrue(out.contains("Пример из руководства"), out);
    }

    @Test
    void smallTalkAndQuestionsTheGuideDoesNotAnswerGetNoHits() throws Exception {
        List<String> lines = runCli("привет\nкакой пароль от вайфая в офисе?\nwhat's the wifi password\n", "search", "--jsonl");
        assertEquals(3, lines.size());
        for (String l : lines) {
            JsonNode o = Io.json().readTree(l);
            assertTrue(o.get("hits").isArray() && o.get("hits").isEmpty(), l);
        }
        String none = String.join("\n", runCli("", "search", "какой", "пароль", "от", "вайфая?"));
        assertEquals(coach.core.Texts.get(coach.text.Lang.RU, "ask.none"), none.strip());
        String hello = String.join("\n", runCli("", "search", "привет"));
        assertEquals(coach.core.Texts.get(coach.text.Lang.RU, "ask.smalltalk"), hello.strip());
    }
}
