package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch contract of drill-score, driven in-process through Main like the acceptance checks drive the jar. */
class DrillScoreCmdTest {
    record Run(int code, List<String> out, String err) {
    }

    static synchronized Run run(String stdin, String... args) {
        InputStream oldIn = Io.in;
        OutputStream oldOut = Io.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            Io.in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
            Io.out = out;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
        } finally {
            Io.in = oldIn;
            Io.out = oldOut;
            System.setErr(oldErr);
        }
    }

    @Test
    void jsonlWritesOneObjectPerReplyInOrderWithTheIssuesFields() throws Exception {
        List<String> replies = List.of(
                "Простите, пожалуйста, за эту ситуацию. Я понимаю, насколько вы расстроены. Подскажите, что именно оказалось не так? "
                        + "Мы бесплатно повторим услугу в удобное вам время, а после я позвоню и узнаю, довольны ли вы.",
                "",
                "Приносим извинения.",
                "а".repeat(20_000),
                "{\"reply\": \"<b>json</b>\"}\t\\n",
                "Мы разберёмся.\r");
        Run r = run(String.join("\n", replies) + "\n", "drill-score", "--scenario", "dissatisfied-client", "--jsonl");
        assertEquals(0, r.code(), r.err());
        assertEquals(replies.size(), r.out().size(), "one line per reply");
        List<JsonNode> rows = new ArrayList<>();
        for (String line : r.out()) {
            rows.add(Io.json().readTree(line));
        }
        JsonNode full = rows.get(0);
        assertEquals(replies.get(0), full.get("reply").asText());
        assertEquals(List.of("apology", "empathy", "clarify", "solution", "follow_up", "polite"),
                iterable(full.get("criteria").fieldNames()));
        for (String c : List.of("apology", "empathy", "clarify", "solution", "follow_up")) {
            assertTrue(full.get("criteria").get(c).asBoolean(), c);
        }
        assertTrue(full.get("score").isInt());
        assertTrue(full.get("feedback").isArray());

        JsonNode empty = rows.get(1);
        assertEquals("", empty.get("reply").asText());
        assertEquals(0, empty.get("score").asInt());
        assertTrue(empty.get("feedback").get(0).asText().contains("Пустой ответ"));
        empty.get("criteria").forEach(v -> assertFalse(v.asBoolean()));

        JsonNode apology = rows.get(2);
        assertTrue(apology.get("criteria").get("apology").asBoolean());
        assertFalse(apology.get("criteria").get("solution").asBoolean());
        assertEquals(4, apology.get("feedback").size(), "one line per missing criterion");
        assertTrue(apology.get("feedback").get(2).asText().contains("Необходимо предложить конкретные действия"), "quotes the guide");

        assertEquals(20_000, rows.get(3).get("reply").asText().length());
        assertEquals(replies.get(4), rows.get(4).get("reply").asText(), "odd characters round-trip");
        assertEquals("Мы разберёмся.", rows.get(5).get("reply").asText(), "a CR of a Windows line end is dropped");
        assertFalse(rows.get(5).get("criteria").get("solution").asBoolean(), "«Мы разберёмся» is not a concrete solution");
        assertTrue(full.get("score").asInt() > rows.get(5).get("score").asInt());
    }

    @Test
    void otherScenariosUseTheirOwnCriterionNamesAndEnglishFeedbackIsAvailable() throws Exception {
        Run r = run("К сожалению, к пятнице не успеваем.\n", "drill-score", "--scenario", "project-delay", "--jsonl", "--lang", "en");
        assertEquals(0, r.code(), r.err());
        JsonNode row = Io.json().readTree(r.out().get(0));
        assertTrue(row.get("criteria").has("honest_delay"), row.toString());
        assertTrue(row.get("criteria").get("honest_delay").asBoolean(), row.toString());
        assertTrue(row.get("feedback").get(0).asText().contains("is missing"), row.toString());
    }

    @Test
    void anUnknownScenarioIsAClearErrorWithExitCode2() {
        Run r = run("Извините\n", "drill-score", "--scenario", "no-such", "--jsonl");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Unknown scenario 'no-such'"), r.err());
        assertTrue(r.err().contains("dissatisfied-client"), "lists the known ones: " + r.err());
        assertTrue(r.out().isEmpty());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void withoutJsonlItScoresTheReplyGivenAsArguments() {
        Run r = run("", "drill-score", "--scenario", "dissatisfied-client", "Приносим", "извинения.");
        assertEquals(0, r.code(), r.err());
        String out = String.join("\n", r.out());
        assertTrue(out.contains("Оценка: 30/100"), "apology and politeness: " + out);
        assertTrue(out.contains("+ apology"), out);
        assertEquals(2, run("", "drill-score", "--scenario", "dissatisfied-client").code(), "no reply: usage");
    }

    @Test
    void englishRepliesAreScoredWithEnglishPatternsAndAnUnknownLanguageIsExit2() throws Exception {
        String en = "I understand how important this is. Honestly, the whole run cannot be ready by Thursday: design, approval and "
                + "printing take time; the realistic term is seven working days. By Thursday we can deliver an electronic version.";
        Run r = run(en + "\n", "drill-score", "--scenario", "unrealistic-deadline", "--jsonl", "--lang", "en");
        assertEquals(0, r.code(), r.err());
        assertEquals(100, Io.json().readTree(r.out().get(0)).get("score").asInt(), r.out().get(0));
        Run bad = run("x\n", "drill-score", "--scenario", "unrealistic-deadline", "--jsonl", "--lang", "de");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("de"), bad.err());
        assertTrue(bad.out().isEmpty(), "nothing scored silently in Russian");
    }

    @Test
    void drillPlayPrintsTheOpeningThenOneLinePerReplyAndTheClientQuotesWhatWasPromised() throws Exception {
        String replies = "Здравствуйте! Спасибо за запрос. Уточню у директора по продажам и отвечу вам завтра до 11:00.\n"
                + "Извините, директор ещё не ответил. Пришлю точный ответ до 14:00.\n"
                + "это лишняя строка после конца\n";
        Run r = run(replies, "drill-play", "--scenario", "waiting-for-answer", "--seed", "7");
        assertEquals(0, r.code(), r.err());
        assertEquals(3, r.out().size(), "the opening and one line per turn, nothing after the end: " + r.out());
        JsonNode opening = Io.json().readTree(r.out().get(0));
        assertEquals(0, opening.get("turn").asInt());
        assertEquals(List.of("turn", "client"), iterable(opening.fieldNames()));
        JsonNode t1 = Io.json().readTree(r.out().get(1));
        assertEquals(List.of("turn", "client", "criteria", "score", "done"), iterable(t1.fieldNames()));
        assertEquals(1, t1.get("turn").asInt());
        assertFalse(t1.get("done").asBoolean());
        assertTrue(t1.get("client").asText().contains("до 11:00"), "the client repeats the promised time: " + t1);
        assertTrue(t1.get("criteria").get("timeframe").asBoolean(), t1.toString());
        JsonNode t2 = Io.json().readTree(r.out().get(2));
        assertTrue(t2.get("done").asBoolean());
        assertTrue(t2.get("client").asText().contains("до 14:00"), t2.toString());
        assertTrue(t2.get("client").asText().contains("Тренировка завершена"), "the summary follows: " + t2);
        int score = t2.get("score").asInt();
        assertTrue(score >= 0 && score <= 100, t2.toString());
        assertEquals(r.out().get(0), run("", "drill-play", "--scenario", "waiting-for-answer", "--seed", "7").out().get(0),
                "the same seed draws the same variables");
    }

    @Test
    void drillPlayInEnglishEscalatesAfterRudenessAndConfusesOnEmptyReplies() throws Exception {
        Run r = run("You must be joking, we have other clients too.\n\n", "drill-play", "--scenario", "unrealistic-deadline", "--lang", "en");
        assertEquals(0, r.code(), r.err());
        JsonNode open = Io.json().readTree(r.out().get(0));
        assertTrue(open.get("client").asText().startsWith("Good afternoon!"), open.toString());
        JsonNode rude = Io.json().readTree(r.out().get(1));
        assertTrue(rude.get("client").asText().contains("another contractor"), rude.toString());
        assertFalse(rude.get("criteria").get("polite").asBoolean());
        JsonNode empty = Io.json().readTree(r.out().get(2));
        assertTrue(empty.get("client").asText().contains("I do not see what you mean"), empty.toString());
        assertEquals(0, Io.json().readTree(r.out().get(2)).get("criteria").get("polite").asBoolean() ? 1 : 0);
        assertEquals(2, run("", "drill-play", "--scenario", "unrealistic-deadline", "--lang", "fr").code());
        assertEquals(2, run("", "drill-play", "--scenario", "nope").code());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
