package coach.phrasing;

import coach.kb.ContentException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A YAML tree that remembers the line of every mapping, list and scalar, so a rule that is wrong
 * in meaning (unknown principle, broken pattern, duplicate id) can be reported at its own line.
 */
final class LocatedYaml {
    private static final YAMLFactory FACTORY = new YAMLFactory();
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
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new ContentException(file, 1, "the file is empty");
            }
            JsonNode root = read(p, t, lines);
            return new LocatedYaml(file, root, lines);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new ContentException(file, loc == null ? 0 : loc.getLineNr(), "malformed YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ContentException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    private static JsonNode read(JsonParser p, JsonToken t, Map<JsonNode, Integer> lines) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonNode node;
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    o.set(name, read(p, p.nextToken(), lines));
                }
                node = o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                JsonToken k;
                while ((k = p.nextToken()) != JsonToken.END_ARRAY) {
                    a.add(read(p, k, lines));
                }
                node = a;
            }
            case VALUE_NULL -> node = NODES.nullNode();
            case VALUE_TRUE, VALUE_FALSE -> node = NODES.textNode(p.getText());
            default -> node = NODES.textNode(p.getText());
        }
        if (!node.isNull()) {
            lines.put(node, line);
        }
        return node;
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
