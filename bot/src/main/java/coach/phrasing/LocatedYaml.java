package coach.phrasing;

import coach.kb.ContentException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * A YAML tree that remembers the line of every mapping, list and scalar, so a rule that is wrong
 * in meaning (unknown principle, broken pattern, duplicate id) can be reported at its own line.
 * Built straight from SnakeYAML's parser events: every scalar is text (rules are text), and
 * skipping the generic object mapping keeps a cold start short.
 */
final class LocatedYaml {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String file;
    private final JsonNode root;
    private final Map<JsonNode, Integer> lines;

    private LocatedYaml(String file, JsonNode root, Map<JsonNode, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    static LocatedYaml parse(String file, String text) {
        Map<JsonNode, Integer> lines = new IdentityHashMap<>();
        try {
            Parser p = new ParserImpl(new StreamReader(text), new LoaderOptions());
            Event e = p.getEvent(); // stream start
            e = p.getEvent();
            if (e.is(Event.ID.StreamEnd)) {
                throw new ContentException(file, 1, "the file is empty");
            }
            JsonNode root = read(file, p, p.getEvent(), lines); // after the document start
            if (root == null) {
                throw new ContentException(file, 1, "the file is empty");
            }
            return new LocatedYaml(file, root, lines);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            if (e.getContextMark() != null && m != null && m.getIndex() >= text.length() - 1) {
                // an unclosed bracket or quote is only noticed at the end of the file: point at where it opened
                m = e.getContextMark();
            }
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new ContentException(file, m == null ? 0 : m.getLine() + 1, "malformed YAML: " + problem);
        } catch (YAMLException e) {
            throw new ContentException(file, 0, "malformed YAML: " + e.getMessage());
        }
    }

    private static JsonNode read(String file, Parser p, Event e, Map<JsonNode, Integer> lines) {
        int line = e.getStartMark() == null ? 0 : e.getStartMark().getLine() + 1;
        JsonNode node;
        if (e instanceof MappingStartEvent) {
            ObjectNode o = NODES.objectNode();
            Event k;
            while (!(k = p.getEvent()).is(Event.ID.MappingEnd)) {
                if (!(k instanceof ScalarEvent key)) {
                    throw new ContentException(file, line(k), "a key must be plain text");
                }
                if (o.has(key.getValue())) {
                    throw new ContentException(file, line(k), "the key '" + key.getValue() + "' is given twice");
                }
                o.set(key.getValue(), read(file, p, p.getEvent(), lines));
            }
            node = o;
        } else if (e instanceof SequenceStartEvent) {
            ArrayNode a = NODES.arrayNode();
            Event k;
            while (!(k = p.getEvent()).is(Event.ID.SequenceEnd)) {
                a.add(read(file, p, k, lines));
            }
            node = a;
        } else if (e instanceof ScalarEvent s) {
            boolean plain = s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN;
            String v = s.getValue();
            node = plain && (v.isEmpty() || v.equals("~") || v.equals("null")) ? NODES.nullNode() : NODES.textNode(v);
        } else if (e instanceof AliasEvent) {
            throw new ContentException(file, line, "YAML aliases (*name) are not supported in content files");
        } else {
            return null;
        }
        if (!node.isNull()) {
            lines.put(node, line);
        }
        return node;
    }

    private static int line(Event e) {
        return e.getStartMark() == null ? 0 : e.getStartMark().getLine() + 1;
    }

    String file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    /** The 1-based line of a node read from this file, or 0 for a node it did not make. */
    int line(JsonNode node) {
        Integer l = node == null ? null : lines.get(node);
        return l == null ? 0 : l;
    }

    ContentException error(JsonNode at, String message) {
        return new ContentException(file, line(at), message);
    }
}
