package coach.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;

/** The one Markdown reader: block lines, plain text for the guide's structure, styled runs for chat. */
class MarkdownTest {
    private static final String DOC = """
            ---
            description: front matter is not content
            ---
            # Title

            1. **Bold** start and `code`
               next line

               second paragraph
               - nested *item*
            """;

    @Test
    void blocksKnowTheirLinesAndFrontMatterIsSkipped() {
        Node doc = Markdown.parse(DOC);
        Node heading = doc.getFirstChild().getNext(); // after the front matter block
        assertEquals(4, Markdown.line(heading));
        assertEquals("Title", Markdown.text(heading, " ", " "));
        assertEquals(6, Markdown.line(heading.getNext()));
    }

    @Test
    void plainTextJoinsLinesAndBlocksWithTheGivenSeparators() {
        Node list = Markdown.parse(DOC).getLastChild();
        Node item = list.getFirstChild();
        assertEquals("Bold start and code next line second paragraph nested item", Markdown.text(item, " ", " "));
        assertEquals("Bold start and code\nnext linesecond paragraphnested item", Markdown.text(item, "\n", ""));
    }

    @Test
    void inlinesComeAsStyledRuns() {
        Node paragraph = Markdown.parse("Say **hello\nthere** to *them* with `x`\nok").getFirstChild();
        List<String> runs = new ArrayList<>();
        Markdown.inlines(paragraph, (style, text) -> runs.add(style + ":" + text));
        assertEquals(List.of("PLAIN:Say ", "BOLD:hello\nthere", "PLAIN: to ", "ITALIC:them", "PLAIN: with ", "CODE:x", "PLAIN:\n", "PLAIN:ok"), runs);
    }

    @Test
    void aGuideThatBreaksItsStructureNamesFileAndLine() {
        String guide = """
                # Guide

                #### Topic

                1. **First**: explanation.

                   **Пример**: an example.
                2. No bold title here.
                """;
        ContentException e = assertThrows(ContentException.class, () -> GuideParser.parse("guide.md", guide));
        assertEquals("guide.md", e.file());
        assertEquals(8, e.line());
        assertTrue(e.getMessage().startsWith("knowledge-base/guide.md:8: principle 2 must start with a bold title"), e.getMessage());

        e = assertThrows(ContentException.class, () -> GuideParser.parse("guide.md", "# Guide\n\n#### Topic\n\nno list\n"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("has no numbered principles"), e.getMessage());
    }
}
