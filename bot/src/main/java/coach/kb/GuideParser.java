package coach.kb;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;

/**
 * Reads the customer's guide (Markdown) into its structure with commonmark: {@code ####} sections are
 * topics, their numbered items are principles (bold title, explanation, bold "Пример" paragraph), the
 * bullet list after "Материалы для прикрепления" belongs to the topic before it, and the
 * "Самопроверка" section gives the questions and the task.
 */
public final class GuideParser {

    /** A principle as the guide writes it, before the authored metadata is attached. */
    public record RawPrinciple(int number, String title, String explanation, String example, int line) {
    }

    /** A topic as the guide writes it. */
    public record RawTopic(String title, int line, List<RawPrinciple> principles, List<String> materials) {
    }

    /** The whole guide. */
    public record RawGuide(String title, List<RawTopic> topics, SelfCheck selfCheck) {
    }

    private GuideParser() {
    }

    public static RawGuide parse(String file, String markdown) {
        Node doc = Markdown.parse(markdown);
        String title = null;
        List<RawTopic> topics = new ArrayList<>();
        RawTopic current = null;
        String section = "";
        String selfCheckTitle = null;
        List<String> questions = new ArrayList<>();
        String task = null;
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h) {
                String text = clean(textOf(h));
                if (h.getLevel() == 1) {
                    title = text;
                } else if (text.startsWith("Материалы для прикрепления")) {
                    section = "materials";
                } else if (text.startsWith("Самопроверка")) {
                    section = "selfcheck";
                    selfCheckTitle = text;
                    current = null;
                } else if (h.getLevel() == 4) {
                    section = "topic";
                    current = new RawTopic(text, line(h), new ArrayList<>(), new ArrayList<>());
                    topics.add(current);
                }
            } else if (n instanceof OrderedList list && "topic".equals(section) && current != null) {
                int number = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
                for (Node item = list.getFirstChild(); item != null; item = item.getNext(), number++) {
                    current.principles().add(principle(file, (ListItem) item, number));
                }
            } else if (n instanceof BulletList list && "materials".equals(section)) {
                if (current == null) {
                    throw new ContentException(file, line(list), "a materials list appears before any topic");
                }
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    String m = clean(textOf(item));
                    if (!m.isEmpty()) {
                        current.materials().add(m);
                    }
                }
            } else if (n instanceof OrderedList list && "selfcheck".equals(section)) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    questions.add(clean(textOf(item)));
                }
            } else if (n instanceof BulletList list && "selfcheck".equals(section)) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    String t = clean(textOf(item));
                    task = stripLabel(t, "Задача");
                }
            }
        }
        if (topics.isEmpty()) {
            throw new ContentException(file, 0, "no topics found: a topic is a '####' heading followed by a numbered list of principles");
        }
        for (RawTopic t : topics) {
            if (t.principles().isEmpty()) {
                throw new ContentException(file, t.line(), "topic '" + t.title() + "' has no numbered principles");
            }
        }
        if (questions.isEmpty() || task == null) {
            throw new ContentException(file, 0, "the self-check section (a heading starting with 'Самопроверка', a numbered list of questions and a '**Задача**' item) is missing");
        }
        return new RawGuide(title, topics, new SelfCheck(selfCheckTitle, questions, task));
    }

    private static RawPrinciple principle(String file, ListItem item, int number) {
        Node first = item.getFirstChild();
        if (!(first instanceof Paragraph p) || !(p.getFirstChild() instanceof StrongEmphasis strong)) {
            throw new ContentException(file, line(item), "principle " + number + " must start with a bold title");
        }
        String title = clean(textOf(strong));
        StringBuilder explanation = new StringBuilder(Markdown.textFrom(strong.getNext(), " ", " "));
        String example = null;
        for (Node c = first.getNext(); c != null; c = c.getNext()) {
            if (c instanceof Paragraph ep && ep.getFirstChild() instanceof StrongEmphasis label
                    && clean(textOf(label)).startsWith("Пример")) {
                example = clean(Markdown.textFrom(label.getNext(), " ", " ").replaceFirst("^\\s*:\\s*", ""));
            } else if (c instanceof Paragraph more) {
                explanation.append(' ').append(textOf(more));
            }
        }
        if (title.isEmpty()) {
            throw new ContentException(file, line(item), "principle " + number + " has an empty title");
        }
        if (example == null || example.isEmpty()) {
            throw new ContentException(file, line(item), "principle '" + title + "' has no '**Пример**' paragraph");
        }
        return new RawPrinciple(number, title, clean(explanation.toString()), example, line(item));
    }

    private static String stripLabel(String text, String label) {
        if (text.startsWith(label)) {
            return text.substring(label.length()).replaceFirst("^\\s*:\\s*", "").strip();
        }
        return text;
    }

    private static String textOf(Node node) {
        return Markdown.text(node, " ", " ");
    }

    /** Collapses whitespace and drops the stray backslashes and trailing colons the guide's editor left. */
    private static String clean(String s) {
        String t = s.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
        while (t.endsWith("\\")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        if (t.endsWith(":")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    private static int line(Node n) {
        return Markdown.line(n);
    }
}
