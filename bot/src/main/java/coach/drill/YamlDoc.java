package coach.drill;

import coach.kb.ContentException;
import coach.kb.Yaml;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed YAML content file that remembers the line of every key and list item, so that a
 * semantically wrong entry (an unknown principle, a pattern that does not compile, a failing
 * example) is reported with the exact line an editor has to fix.
 */
final class YamlDoc {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    final String file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDoc(String file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    static YamlDoc parse(String file, String text) {
        JsonNode root = Yaml.read(file, text);
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                lines.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            throw new ContentException(file, 0, "malformed YAML: " + e.getMessage());
        }
        return new YamlDoc(file, root, lines);
    }

    Node root() {
        if (!root.isObject()) {
            throw error("", "the file must be a mapping of fields (key: value)");
        }
        return new Node(this, root, "");
    }

    /** The line of the entry at {@code pointer}, or of its nearest enclosing entry. */
    int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return 1;
            }
            p = p.substring(0, slash);
        }
    }

    ContentException error(String pointer, String message) {
        return new ContentException(file, line(pointer), message);
    }

    /** A position in the document: a JSON node and its pointer. */
    record Node(YamlDoc doc, JsonNode json, String pointer) {

        Node child(String field) {
            return new Node(doc, json.get(field), pointer + "/" + field);
        }

        boolean has(String field) {
            JsonNode v = json.get(field);
            return v != null && !v.isNull();
        }

        ContentException error(String message) {
            return doc.error(pointer, message);
        }

        ContentException error(String field, String message) {
            return doc.error(pointer + "/" + field, message);
        }

        /** Rejects fields other than the known ones, so a typo in a key does not silently drop content. */
        void onlyFields(Set<String> known) {
            json.fieldNames().forEachRemaining(f -> {
                if (!known.contains(f)) {
                    throw error(f, "unknown field '" + f + "' (expected one of " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
                }
            });
        }

        String text(String field) {
            JsonNode v = json.get(field);
            if (v == null || v.isNull()) {
                throw error("missing field '" + field + "'");
            }
            if (!v.isValueNode() || v.asText().isBlank()) {
                throw error(field, "field '" + field + "' must be a non-empty text");
            }
            return v.asText().strip();
        }

        String optText(String field) {
            JsonNode v = json.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isValueNode() || v.asText().isBlank()) {
                throw error(field, "field '" + field + "' must be a non-empty text");
            }
            return v.asText().strip();
        }

        int integer(String field, int min, int max) {
            JsonNode v = json.get(field);
            if (v == null || v.isNull()) {
                throw error("missing field '" + field + "'");
            }
            if (!v.isInt() || v.asInt() < min || v.asInt() > max) {
                throw error(field, "field '" + field + "' must be a whole number from " + min + " to " + max);
            }
            return v.asInt();
        }

        boolean bool(String field) {
            JsonNode v = json.get(field);
            String t = v == null ? "" : v.asText();
            if (!t.equals("true") && !t.equals("false")) {
                throw error(field, "field '" + field + "' must be true or false");
            }
            return t.equals("true");
        }

        /** A list of nodes; a missing field is an empty list when {@code required} is false. */
        List<Node> list(String field, boolean required) {
            JsonNode v = json.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    throw error("missing list '" + field + "'");
                }
                return List.of();
            }
            if (!v.isArray() || (required && v.isEmpty())) {
                throw error(field, "field '" + field + "' must be a non-empty list");
            }
            List<Node> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                out.add(new Node(doc, v.get(i), pointer + "/" + field + "/" + i));
            }
            return out;
        }

        /** A list of non-empty texts with their nodes (for error lines). */
        List<Node> texts(String field, boolean required) {
            List<Node> out = list(field, required);
            for (Node n : out) {
                if (!n.json.isValueNode() || n.json.asText().isBlank()) {
                    throw n.error("every entry of '" + field + "' must be a non-empty text");
                }
            }
            return out;
        }

        Map<String, Node> map(String field, boolean required) {
            JsonNode v = json.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    throw error("missing field '" + field + "'");
                }
                return Map.of();
            }
            if (!v.isObject() || (required && v.isEmpty())) {
                throw error(field, "field '" + field + "' must be a non-empty mapping (key: value)");
            }
            Map<String, Node> out = new LinkedHashMap<>();
            v.fieldNames().forEachRemaining(k -> out.put(k, new Node(doc, v.get(k), pointer + "/" + field + "/" + k)));
            return out;
        }

        String asText() {
            return json.asText().strip();
        }
    }
}
