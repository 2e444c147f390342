package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckCmdTest {

    @Test
    void modelFindingsSaySourceAndConfidence() throws Exception {
        String stdin = String.join("\n", "Добрый день! Ну вы и тормоз, честное слово. Заказ № 3817 привезём в пятницу до 14:00.",
                "Ты там оплатил уже или как? Погодь, сверю с бухгалтерией.", "Вот это п@здец, а не доставка.") + "\n";
        List<String> lines = SearchCmdTest.runCli(stdin, "check", "--jsonl");
        assertEquals(3, lines.size());
        JsonNode informal = Io.json().readTree(lines.get(1));
        assertTrue(informal.get("risky").asBoolean());
        JsonNode f = null;
        for (JsonNode x : informal.get("findings")) {
            if (x.get("source").asText().equals("model")) {
                f = x;
            }
        }
        assertTrue(f != null, "the tone model reports the casual sentence: " + informal);
        List<String> fkeys = new ArrayList<>();
        f.fieldNames().forEachRemaining(fkeys::add);
        assertEquals(List.of("rule", "category", "start", "end", "fragment", "principle", "why", "source", "confidence", "rewritable"), fkeys);
        assertEquals("informal", f.get("category").asText());
        double c = f.get("confidence").asDouble();
        assertTrue(c > 0 && c <= 1, "confidence " + c);

        JsonNode insult = Io.json().readTree(lines.get(0));
        JsonNode i = insult.get("findings").get(0);
        assertEquals("insult", i.get("category").asText());
        assertTrue(i.get("fragment").asText().contains("тормоз"), i.toString());
        assertTrue(i.get("rewritable").asBoolean(), "a fact-free insult between facts can go");
        assertEquals("Добрый день! Заказ № 3817 привезём в пятницу до 14:00.", insult.get("suggestions").get(0).asText());

        JsonNode obscene = Io.json().readTree(lines.get(2));
        JsonNode w = obscene.get("findings").get(0);
        assertEquals("п@здец", w.get("fragment").asText());
        assertEquals("ru.insult.profanity", w.get("rule").asText());
        assertEquals("rule", w.get("source").asText());
        assertTrue(w.get("confidence") == null, "a listed word is not a model guess");
    }

    @Test
    void jsonlKeepsTheBatchContract() throws Exception {
        String huge = "ж".repeat(Io.MAX_LINE_CHARS); // the longest line a batch takes
        String stdin = String.join("\n", "Анна, это не наша проблема, заказ № 4512 потерял перевозчик.", "", "Спасибо за обращение!",
                "Not our problem.", "😀 Это не наша проблема", huge, "<b>Ждите ответа.</b>\t\u0007") + "\n";
        List<String> lines = SearchCmdTest.runCli(stdin, "check", "--jsonl");
        assertEquals(7, lines.size());
        JsonNode first = Io.json().readTree(lines.get(0));
        List<String> keys = new ArrayList<>();
        first.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("text", "lang", "risky", "findings", "suggestions"), keys);
        assertEquals("Анна, это не наша проблема, заказ № 4512 потерял перевозчик.", first.get("text").asText());
        assertEquals("ru", first.get("lang").asText());
        assertTrue(first.get("risky").asBoolean());
        JsonNode f = first.get("findings").get(0);
        List<String> fkeys = new ArrayList<>();
        f.fieldNames().forEachRemaining(fkeys::add);
        assertEquals(List.of("rule", "category", "start", "end", "fragment", "principle", "why", "source", "rewritable"), fkeys);
        assertEquals("rule", f.get("source").asText());
        assertEquals("ru.deflect.not-our-problem", f.get("rule").asText());
        assertEquals("deflect", f.get("category").asText());
        assertEquals(6, f.get("start").asInt());
        assertEquals(26, f.get("end").asInt());
        assertEquals("это не наша проблема", f.get("fragment").asText());
        assertEquals("Вежливость и уважение", f.get("principle").asText());
        assertFalse(f.get("why").asText().isBlank());
        assertTrue(first.get("suggestions").get(0).asText().startsWith("Анна, мы понимаем"));

        for (int i : new int[] {1, 2, 5}) {
            JsonNode clean = Io.json().readTree(lines.get(i));
            assertFalse(clean.get("risky").asBoolean(), lines.get(i).length() > 200 ? "huge" : lines.get(i));
            assertEquals(0, clean.get("findings").size());
            assertEquals(0, clean.get("suggestions").size());
        }
        assertEquals(Io.MAX_LINE_CHARS, Io.json().readTree(lines.get(5)).get("text").asText().length());
        JsonNode en = Io.json().readTree(lines.get(3));
        assertEquals("en", en.get("lang").asText());
        assertEquals("Politeness and respect", en.get("findings").get(0).get("principle").asText(), "principle titles in the text's language");
        JsonNode emoji = Io.json().readTree(lines.get(4));
        String text = emoji.get("text").asText();
        JsonNode ef = emoji.get("findings").get(0);
        assertEquals("Это не наша проблема", text.substring(ef.get("start").asInt(), ef.get("end").asInt()));
        JsonNode markup = Io.json().readTree(lines.get(6));
        assertEquals("<b>Ждите ответа.</b>\t\u0007", markup.get("text").asText());
        assertTrue(markup.get("risky").asBoolean());
    }

    @Test
    void readableReportAndUsage() {
        String out = String.join("\n", SearchCmdTest.runCli("", "check", "Анна,", "это", "не", "наша", "проблема."));
        assertTrue(out.contains("[это не наша проблема]"), out);
        assertTrue(out.contains("Вежливость и уважение"), out);
        assertTrue(out.contains("«Анна, мы понимаем вашу ситуацию"), out);
        String clean = String.join("\n", SearchCmdTest.runCli("", "check", "Thank you for your patience, Anna."));
        assertTrue(clean.startsWith("No risky phrasing found"), clean);
        assertEquals(2, Main.run("check"), "no text: usage and exit code 2");
    }
}
