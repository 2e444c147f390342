package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.app.Coach;
import coach.console.Console;
import coach.core.Permissions;
import coach.core.SessionStore;
import coach.text.Lang;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lines of the batch commands and the console end only at \n or \r\n: a bare \r stays inside its
 * message. A line over the documented cap gets an error object of its own and the batch goes on aligned.
 */
class BatchLinesTest {
    /** Runs a command in-process; its output split at \n only (JSON escapes a \r inside a string). */
    static synchronized List<String> run(byte[] stdin, String... args) {
        InputStream oldIn = Io.in;
        OutputStream oldOut = Io.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Io.in = new ByteArrayInputStream(stdin);
            Io.out = out;
            assertEquals(0, Main.run(args), out.toString(StandardCharsets.UTF_8));
        } finally {
            Io.in = oldIn;
            Io.out = oldOut;
        }
        String s = out.toString(StandardCharsets.UTF_8);
        assertTrue(s.isEmpty() || s.endsWith("\n"));
        return s.isEmpty() ? List.of() : Arrays.asList(s.substring(0, s.length() - 1).split("\n", -1));
    }

    static List<String> run(String stdin, String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    @Test
    void aBareCarriageReturnDoesNotSplitALineInAnyBatchCommand() throws Exception {
        String stdin = "Это не наша проблема,\rждите.\nСпасибо за обращение!\r\nпоследняя строка без перевода";
        List<String> check = run(stdin, "check", "--jsonl");
        assertEquals(3, check.size(), check.toString());
        assertEquals("Это не наша проблема,\rждите.", Io.json().readTree(check.get(0)).get("text").asText());
        assertTrue(Io.json().readTree(check.get(0)).get("risky").asBoolean());
        assertEquals("Спасибо за обращение!", Io.json().readTree(check.get(1)).get("text").asText(), "\\r\\n ends a line");
        assertEquals("последняя строка без перевода", Io.json().readTree(check.get(2)).get("text").asText());

        List<String> drill = run(stdin, "drill-score", "--scenario", "dissatisfied-client", "--jsonl");
        assertEquals(3, drill.size(), drill.toString());
        assertEquals("Это не наша проблема,\rждите.", Io.json().readTree(drill.get(0)).get("reply").asText());
        assertEquals("Спасибо за обращение!", Io.json().readTree(drill.get(1)).get("reply").asText());

        List<String> search = run("клиент жалуется\rна задержку\nшаблон письма\r\n", "search", "--jsonl");
        assertEquals(2, search.size(), search.toString());
        assertEquals("клиент жалуется\rна задержку", Io.json().readTree(search.get(0)).get("query").asText());
        assertEquals("шаблон письма", Io.json().readTree(search.get(1)).get("query").asText());
    }

    @Test
    void aLineOverTheCapGetsItsOwnErrorObjectAndTheBatchStaysAligned() throws Exception {
        String risky = "Это не наша проблема, ждите. ";
        String tooLong = risky.repeat(2_000_000 / risky.length()); // ~2 MB of risky text on one line
        String justFits = "а".repeat(Io.MAX_LINE_CHARS);
        String stdin = "Это не наша проблема.\n" + tooLong + "\n" + justFits + "\r\nСпасибо!\n";
        for (String[] cmd : List.of(new String[] {"check", "--jsonl"}, new String[] {"drill-score", "--scenario", "dissatisfied-client", "--jsonl"},
                new String[] {"search", "--jsonl"})) {
            List<String> out = run(stdin, cmd);
            assertEquals(4, out.size(), cmd[0]);
            JsonNode err = Io.json().readTree(out.get(1));
            assertEquals("line_too_long", err.get("error").asText(), cmd[0]);
            assertEquals(2, err.get("line").asInt());
            assertEquals(tooLong.length(), err.get("chars").asLong());
            assertEquals(Io.MAX_LINE_CHARS, err.get("max").asInt());
            assertTrue(err.get("message").asText().contains("at most " + Io.MAX_LINE_CHARS), err.toString());
            assertFalse(out.get(0).contains("\"error\""), cmd[0]);
            assertFalse(out.get(2).contains("\"error\""), cmd[0] + ": a line of exactly the cap (its \\r\\n not counted) is answered");
            assertTrue(out.get(3).contains("Спасибо!"), cmd[0] + " stays aligned: " + out.get(3));
        }
    }

    @Test
    void lineInputEndsLinesOnlyAtLineFeeds() throws Exception {
        LineInput in = new LineInput(new StringReader("a\rb\r\n\n\r\nc\r\r\nd\r"));
        assertEquals("a\rb", in.readLine());
        assertEquals("", in.readLine());
        assertEquals("", in.readLine());
        assertEquals("c\r", in.readLine());
        assertEquals("d", in.readLine());
        assertNull(in.readLine());
        LineInput capped = new LineInput(new StringReader("12345\n123456\n1234\r\n"));
        assertFalse(capped.next(5).tooLong());
        LineInput.Line l = capped.next(5);
        assertTrue(l.tooLong());
        assertEquals(6, l.length());
        assertEquals(2, l.number());
        assertEquals("1234", capped.next(5).text());
        assertNull(capped.next(5));
    }

    @Test
    void theConsoleTakesABareCarriageReturnAsPartOfTheMessage() throws Exception {
        Coach coach = Coach.create(TestKb.source(), SessionStore.inMemory(), Permissions.ALL);
        byte[] typed = "/check Это не наша проблема,\rждите.\n/quit\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Console console = new Console(coach.core(), new LineInput(new InputStreamReader(new ByteArrayInputStream(typed), StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), false, Lang.RU);
        console.run();
        String shown = out.toString(StandardCharsets.UTF_8);
        assertEquals(2, countPrompts(shown), "one message, one answer, then /quit: " + shown);
    }

    static int countPrompts(String s) {
        int n = 0;
        for (String line : s.split("\n", -1)) {
            if (line.startsWith("> ")) {
                n++;
            }
        }
        return n;
    }
}
