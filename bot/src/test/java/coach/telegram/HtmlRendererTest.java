package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.core.Rich;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HtmlRendererTest {

    @Test
    void everySegmentIsEscapedAndStylesBecomeTelegramTags() {
        Rich r = Rich.builder().text("a < b & c > d ").bold("<b>").text(" ").italic("it").text(" ").code("x&y")
                .text(" ").quote("«цитата» <i>").text(" ").mark("риск").build();
        List<String> html = HtmlRenderer.html(r);
        assertEquals(1, html.size());
        assertEquals("a &lt; b &amp; c &gt; d <b>&lt;b&gt;</b> <i>it</i> <code>x&amp;y</code> <i>«цитата» &lt;i&gt;</i> <b><u>риск</u></b>", html.get(0));
        assertEquals(r.plain(), FakeBotApi.visibleHtml(html.get(0)));
    }

    @Test
    void controlCharactersAndBrokenSurrogatesAreCleanedEmptyTextGivesNoMessage() {
        assertEquals("ab\n\tc\uFFFD😀", HtmlRenderer.sanitize("a\u0000b\n\t\u0007c\uD800😀\r"));
        assertTrue(HtmlRenderer.html(Rich.builder().text("\n\n  \n").build()).isEmpty());
        assertTrue(HtmlRenderer.html(Rich.builder().text("\u0000\u0001").build()).isEmpty());
    }

    @Test
    void longTextIsSplitAtParagraphsAndEveryPartIsValid() {
        Rich.Builder b = Rich.builder();
        for (int i = 0; i < 200; i++) {
            b.bold("Пункт " + i).text(": ").text("текст & <разметка> ".repeat(5)).para();
        }
        List<String> parts = HtmlRenderer.html(b.build());
        assertTrue(parts.size() > 2);
        StringBuilder all = new StringBuilder();
        for (String p : parts) {
            assertTrue(p.length() <= HtmlRenderer.MAX_CHARS, "part of " + p.length());
            String v = FakeBotApi.visibleHtml(p);
            assertTrue(v.startsWith("Пункт "), "a part starts with a paragraph");
            all.append(all.length() == 0 ? "" : "\n\n").append(v);
        }
        assertEquals(b.build().plain(), all.toString());
    }

    @Test
    void aHugeParagraphIsCutAtLinesOrWordsNeverInsideAnEntityOrEmoji() {
        String word = "слово&<>😀 ";
        Rich r = Rich.builder().quote(word.repeat(2000)).build();
        List<String> parts = HtmlRenderer.html(r);
        assertTrue(parts.size() >= 5);
        StringBuilder all = new StringBuilder();
        for (String p : parts) {
            assertTrue(p.length() <= HtmlRenderer.MAX_CHARS);
            assertTrue(p.startsWith("<i>") && p.endsWith("</i>"), "tags closed in every part");
            String v = FakeBotApi.visibleHtml(p);
            assertTrue(v.endsWith(" ") || all.length() + v.length() == r.plain().length(), "cut after a word");
            all.append(v);
        }
        assertEquals(r.plain(), all.toString());
        // one unbreakable run of emoji is cut between pairs, not inside one
        List<String> emoji = HtmlRenderer.html(Rich.of("😀".repeat(5000)));
        for (String p : emoji) {
            assertTrue(!Character.isLowSurrogate(p.charAt(0)) && !Character.isHighSurrogate(p.charAt(p.length() - 1)));
        }
        assertEquals(10000, emoji.stream().mapToInt(String::length).sum());
    }

    @Test
    void randomNastyTextAlwaysRendersToMessagesTelegramAccepts() {
        Random rnd = new Random(42);
        String alphabet = "ab <>&;\"'\n\n\tЯё😀\u0000\u202E#/@_*`[]()";
        Rich.Style[] styles = Rich.Style.values();
        for (int round = 0; round < 200; round++) {
            Rich.Builder b = Rich.builder();
            int segs = 1 + rnd.nextInt(30);
            for (int s = 0; s < segs; s++) {
                StringBuilder t = new StringBuilder();
                int len = rnd.nextInt(round % 10 == 0 ? 3000 : 80);
                for (int i = 0; i < len; i++) {
                    t.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
                b.add(styles[rnd.nextInt(styles.length)], t.toString());
            }
            for (String p : HtmlRenderer.html(b.build())) {
                String[] v = new String[1];
                assertEquals(null, FakeBotApi.checkText(p, "HTML", v), p);
                assertTrue(p.length() <= HtmlRenderer.MAX_CHARS);
            }
        }
    }

    @Test
    void shortPlainTextsAreCut() {
        assertEquals("a bc", HtmlRenderer.shortPlain(" a\nbc ", 10));
        assertEquals("abcd…", HtmlRenderer.shortPlain("abcdefgh", 5));
    }
}
