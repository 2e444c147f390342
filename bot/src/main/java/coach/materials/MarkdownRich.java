package coach.materials;

import coach.core.Rich;
import coach.kb.Markdown;
import java.util.List;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;

/** Renders a material's Markdown as {@link Rich} text for chat: bold headings, bullets, tick boxes (text by {@link Markdown}). */
final class MarkdownRich {
    private MarkdownRich() {
    }

    static Rich render(String markdown) {
        Rich.Builder b = Rich.builder();
        for (Node n = Markdown.parse(markdown).getFirstChild(); n != null; n = n.getNext()) {
            block(n, b, "");
        }
        return b.build();
    }

    private static void block(Node n, Rich.Builder b, String indent) {
        if (n instanceof Heading h) {
            b.bold(Markdown.text(h, "\n", "").strip()).para();
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
            b.text(Markdown.text(n, "\n", "")).para();
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
        Markdown.inlines(parent, (style, text) -> b.add(Rich.Style.valueOf(style.name()), text));
    }
}
