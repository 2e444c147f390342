package coach.materials;

import coach.core.Rich;
import java.util.List;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/** Renders a material's Markdown as {@link Rich} text for chat: bold headings, bullets, tick boxes. */
final class MarkdownRich {
    private static final Parser PARSER = Parser.builder().build();

    private MarkdownRich() {
    }

    static Rich render(String markdown) {
        Rich.Builder b = Rich.builder();
        for (Node n = PARSER.parse(markdown).getFirstChild(); n != null; n = n.getNext()) {
            block(n, b, "");
        }
        return b.build();
    }

    private static void block(Node n, Rich.Builder b, String indent) {
        if (n instanceof Heading h) {
            StringBuilder t = new StringBuilder();
            plain(h, t);
            b.bold(t.toString().strip()).para();
        } else if (n instanceof Paragraph) {
            inline(n, b);
            b.para();
        } else if (n instanceof BulletList || n instanceof OrderedList) {
            int i = n instanceof OrderedList ol && ol.getMarkerStartNumber() != null ? ol.getMarkerStartNumber() : 1;
            for (Node item = n.getFirstChild(); item != null; item = item.getNext()) {
                String marker = n instanceof OrderedList ? (i++) + ". " : "• ";
                listItem((ListItem) item, b, indent, marker);
            }
            b.nl();
        } else if (n instanceof BlockQuote) {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                Rich.Builder inner = Rich.builder();
                inline(c, inner);
                b.quote(inner.build().plain()).para();
            }
        } else if (n instanceof ThematicBreak) {
            b.text("———").para();
        } else {
            StringBuilder t = new StringBuilder();
            plain(n, t);
            b.text(t.toString()).para();
        }
    }

    private static void listItem(ListItem item, Rich.Builder b, String indent, String marker) {
        boolean first = true;
        for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Paragraph) {
                Rich.Builder line = Rich.builder();
                inline(c, line);
                List<Rich.Seg> segs = line.build().segments();
                String head = first ? marker : "  ";
                if (!segs.isEmpty() && segs.get(0).text().startsWith("[ ] ")) {
                    head = "☐ ";
                    b.text(indent + head);
                    b.add(segs.get(0).style(), segs.get(0).text().substring(4));
                    segs.subList(1, segs.size()).forEach(s -> b.add(s.style(), s.text()));
                } else {
                    b.text(indent + head);
                    segs.forEach(s -> b.add(s.style(), s.text()));
                }
                b.nl();
                first = false;
            } else {
                block(c, b, indent + "  ");
            }
        }
    }

    private static void inline(Node parent, Rich.Builder b) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text t) {
                b.text(t.getLiteral());
            } else if (c instanceof StrongEmphasis) {
                StringBuilder s = new StringBuilder();
                plain(c, s);
                b.bold(s.toString());
            } else if (c instanceof Emphasis) {
                StringBuilder s = new StringBuilder();
                plain(c, s);
                b.italic(s.toString());
            } else if (c instanceof Code code) {
                b.code(code.getLiteral());
            } else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
                b.nl();
            } else {
                StringBuilder s = new StringBuilder();
                plain(c, s);
                b.text(s.toString());
            }
        }
    }

    private static void plain(Node n, StringBuilder out) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text t) {
                out.append(t.getLiteral());
            } else if (c instanceof Code code) {
                out.append(code.getLiteral());
            } else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
                out.append('\n');
            } else {
                plain(c, out);
            }
        }
    }
}
