package coach.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML reading for content files, turning every problem into a {@link ContentException} with file and
 * line. Parsed with SnakeYAML (much cheaper to start than a YAML object mapper, which matters for
 * one-off commands) into Jackson trees. Only plain integers, decimals, true/false and null are typed;
 * everything else — "09:00", "2025-03-01", "yes" — stays a string, so content means what it says.
 * Duplicate keys are an error.
 */
public final class Yaml {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Yaml() {
    }

    /** A resolver without YAML 1.1's surprises (sexagesimal numbers, timestamps, yes/no booleans). */
    private static final class PlainResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?[0-9]+$"), "-+0123456789");
            addImplicitResolver(Tag.FLOAT, Pattern.compile("^[-+]?[0-9]*\\.[0-9]+$"), "-+.0123456789");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL| *)$"), "~nN\0");
            addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
        }
    }

    public static JsonNode read(String file, String text) {
        LoaderOptions opts = new LoaderOptions();
        opts.setAllowDuplicateKeys(false);
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new SafeConstructor(opts), new Representer(new DumperOptions()),
                new DumperOptions(), opts, new PlainResolver());
        Object root;
        try {
            root = yaml.load(text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : e.getContextMark() != null ? e.getContextMark().getLine() + 1 : 0;
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new ContentException(file, line, "malformed YAML: " + problem);
        } catch (YAMLException e) {
            throw new ContentException(file, 0, "malformed YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new ContentException(file, 1, "the file is empty");
        }
        return node(root);
    }

    private static JsonNode node(Object o) {
        if (o == null) {
            return NODES.nullNode();
        }
        if (o instanceof Map<?, ?> map) {
            ObjectNode n = NODES.objectNode();
            map.forEach((k, v) -> n.set(String.valueOf(k), node(v)));
            return n;
        }
        if (o instanceof List<?> list) {
            ArrayNode n = NODES.arrayNode();
            list.forEach(v -> n.add(node(v)));
            return n;
        }
        if (o instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (o instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (o instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (o instanceof java.math.BigInteger bi) {
            return NODES.numberNode(bi);
        }
        if (o instanceof Double d) {
            return NODES.numberNode(d);
        }
        return NODES.textNode(String.valueOf(o));
    }

    /** The 1-based line where {@code needle} first occurs, or 0; used to point at a semantically wrong entry. */
    public static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** A required, non-blank string field. */
    public static String text(JsonNode node, String field, String file, String fileText, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new ContentException(file, lineOf(fileText, where), "missing or empty field '" + field + "' in " + where);
        }
        return v.asText().strip();
    }

    /** An optional string field. */
    public static String optText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText().strip();
    }

    /** An optional list of strings (a single string counts as a list of one). */
    public static List<String> strings(JsonNode node, String field) {
        JsonNode v = node.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(x -> out.add(x.asText().strip()));
        } else {
            out.add(v.asText().strip());
        }
        return out;
    }
}
