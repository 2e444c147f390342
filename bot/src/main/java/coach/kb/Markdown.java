package coach.kb;

import java.util.List;
import java.util.function.BiConsumer;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The one Markdown reader of content files (commonmark): parses with block source lines (front matter
 * is skipped), and turns a node's content into text — plain, as the guide's structure is read, or as
 * styled runs, as a material is shown in a chat.
 */
public final class Markdown {
    /** The style of a run of inline text. */
    public enum Style { PLAIN, BOLD, ITALIC, CODE }

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(YamlFrontMatterExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    private Markdown() {
    }

    public static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /** The 1-based line where a block starts, or 0. */
    public static int line(Node n) {
        return n.getSourceSpans().isEmpty() ? 0 : n.getSourceSpans().get(0).getLineIndex() + 1;
    }

    /**
     * The text of a node's content: literal text and code, {@code lineBreak} for a line break,
     * {@code blockBreak} between blocks inside it (the paragraphs of a list item, a nested list).
     */
    public static String text(Node node, String lineBreak, String blockBreak) {
        return textFrom(node.getFirstChild(), lineBreak, blockBreak);
    }

    /** As {@link #text}, for {@code first} and the siblings after it. */
    public static String textFrom(Node first, String lineBreak, String blockBreak) {
        StringBuilder b = new StringBuilder();
        for (Node c = first; c != null; c = c.getNext()) {
            append(c, b, lineBreak, blockBreak);
        }
        return b.toString();
    }

    private static void append(Node n, StringBuilder b, String lineBreak, String blockBreak) {
        if (n instanceof Text t) {
            b.append(t.getLiteral());
        } else if (n instanceof Code c) {
            b.append(c.getLiteral());
        } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
            b.append(lineBreak);
        } else {
            if (n instanceof Block && b.length() > 0 && !endsWith(b, blockBreak)) {
                b.append(blockBreak);
            }
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                append(c, b, lineBreak, blockBreak);
            }
        }
    }

    private static boolean endsWith(StringBuilder b, String s) {
        return b.length() >= s.length() && b.substring(b.length() - s.length()).equals(s);
    }

    /**
     * The inline content of a block (a paragraph, a heading) as styled runs, one per inline node: text,
     * bold, italic (each with the plain text inside it, line breaks kept), code, and a line break as "\n".
     */
    public static void inlines(Node parent, BiConsumer<Style, String> out) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text t) {
                out.accept(Style.PLAIN, t.getLiteral());
            } else if (c instanceof StrongEmphasis) {
                out.accept(Style.BOLD, text(c, "\n", ""));
            } else if (c instanceof Emphasis) {
                out.accept(Style.ITALIC, text(c, "\n", ""));
            } else if (c instanceof Code code) {
                out.accept(Style.CODE, code.getLiteral());
            } else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
                out.accept(Style.PLAIN, "\n");
            } else {
                out.accept(Style.PLAIN, text(c, "\n", ""));
            }
        }
    }
}
