package coach.kb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
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
 * The one reader of YAML content files: a tree in which every value knows its file and line, so that
 * anything wrong — malformed YAML, a missing or unknown field, or an entry wrong in meaning (an unknown
 * principle, a pattern that does not compile) — is a {@link ContentException} at the line an editor has
 * to fix. Built in one pass straight from SnakeYAML's parser events (no object mapping, which keeps a
 * cold start short). Scalars keep their text as written; only a plain {@code true}/{@code false} is a
 * boolean, a plain whole number a number, and a plain empty value, {@code ~} or {@code null} is null —
 * "09:00", "2025-03-01" and "yes" stay text, so content means what it says. A key given twice and YAML
 * aliases are errors.
 */
public final class Yaml {
    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");

    private Yaml() {
    }

    /** The kind of a node; {@code MISSING} stands for a field that is not there (it carries its owner's line). */
    public enum Kind { MAP, LIST, SCALAR, NULL, MISSING }

    /** Parses a whole content file (the packaged files' trees are read from the jar: {@link YamlTrees}). */
    public static Node parse(String file, String text) {
        Node known = YamlTrees.lookup(file, text);
        return known != null ? known : parse(file, text, 0);
    }

    /** Parses a whole content file from its text, always (the build step that writes {@link YamlTrees}). */
    static Node parseText(String file, String text) {
        return parse(file, text, 0);
    }

    /** A node as {@link YamlTrees} reads it back. */
    static Node node(Kind kind, String file, int valueLine, int line, String value, boolean plain, Map<String, Node> fields, List<Node> items) {
        return new Node(kind, file, valueLine, line, value, plain, fields, items);
    }

    /** Parses a content file whose top level must be a mapping of fields. */
    public static Node parseMapping(String file, String text) {
        Node root = parse(file, text);
        if (!root.isMap()) {
            throw root.valueError("the file must be a mapping of fields (key: value)");
        }
        return root;
    }

    /**
     * Parses YAML that starts {@code lineOffset} lines into its file (the front matter of a Markdown
     * material), so that lines still count from the top of the file.
     */
    public static Node parse(String file, String text, int lineOffset) {
        try {
            Parser p = new ParserImpl(new StreamReader(text), new LoaderOptions());
            p.getEvent(); // stream start
            Event e = p.getEvent();
            if (e.is(Event.ID.StreamEnd)) {
                throw new ContentException(file, 1 + lineOffset, "the file is empty");
            }
            Node root = new Reader(file, p, lineOffset).node(p.getEvent(), -1); // the event after the document start
            if (root.isNull()) {
                throw new ContentException(file, 1 + lineOffset, "the file is empty");
            }
            p.getEvent(); // document end
            Event next = p.getEvent();
            if (!next.is(Event.ID.StreamEnd)) {
                throw new ContentException(file, line(next, lineOffset), "a content file holds one YAML document (remove the second '---')");
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String context = e.getContext() == null ? "" : e.getContext();
            if (e.getContextMark() != null && (m == null || m.getIndex() >= text.length() - 1
                    || context.contains("flow") || context.contains("quoted scalar"))) {
                // an unclosed bracket or quote is only noticed further on (at the end of the file): point at where it opened
                m = e.getContextMark();
            }
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new ContentException(file, m == null ? 0 : m.getLine() + 1 + lineOffset, "malformed YAML: " + problem);
        } catch (YAMLException e) {
            throw new ContentException(file, 0, "malformed YAML: " + e.getMessage());
        }
    }

    private static int line(Event e, int offset) {
        return e.getStartMark() == null ? 0 : e.getStartMark().getLine() + 1 + offset;
    }

    /** Builds nodes from the parser's events. */
    private record Reader(String file, Parser parser, int offset) {
        /** @param entryLine the line of the key that introduces the value, or -1 when the value is not under a key */
        Node node(Event e, int entryLine) {
            int line = line(e, offset);
            int entry = entryLine < 0 ? line : entryLine;
            if (e instanceof MappingStartEvent) {
                Map<String, Node> fields = new LinkedHashMap<>();
                Event k;
                while (!(k = parser.getEvent()).is(Event.ID.MappingEnd)) {
                    if (!(k instanceof ScalarEvent key)) {
                        throw new ContentException(file, line(k, offset), "a key must be plain text");
                    }
                    if (fields.containsKey(key.getValue())) {
                        throw new ContentException(file, line(k, offset), "the key '" + key.getValue() + "' is given twice");
                    }
                    fields.put(key.getValue(), node(parser.getEvent(), line(k, offset)));
                }
                return new Node(Kind.MAP, file, line, entry, null, false, Collections.unmodifiableMap(fields), List.of());
            }
            if (e instanceof SequenceStartEvent) {
                List<Node> items = new ArrayList<>();
                Event k;
                while (!(k = parser.getEvent()).is(Event.ID.SequenceEnd)) {
                    items.add(node(k, -1));
                }
                return new Node(Kind.LIST, file, line, entry, null, false, Map.of(), Collections.unmodifiableList(items));
            }
            if (e instanceof ScalarEvent s) {
                boolean plain = s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
                String v = s.getValue();
                boolean isNull = plain && (v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL"));
                // an empty value has no position of its own (SnakeYAML marks the next token): a null stands at its key
                return new Node(isNull ? Kind.NULL : Kind.SCALAR, file, isNull ? entry : line, entry, isNull ? null : v, plain, Map.of(), List.of());
            }
            if (e instanceof AliasEvent) {
                throw new ContentException(file, line, "YAML aliases (*name) are not supported in content files");
            }
            throw new ContentException(file, line, "unexpected YAML " + e.getEventId());
        }
    }

    /**
     * A value read from a content file, with its file and lines: {@link #line()} is where the entry
     * stands (the key of a mapping's value, the dash of a list item), {@link #valueLine()} where the value
     * itself starts (the first item of a block list under its key).
     */
    public static final class Node {
        private final Kind kind;
        private final String file;
        private final int valueLine;
        private final int line;
        private final String value;
        private final boolean plain;
        private final Map<String, Node> fields;
        private final List<Node> items;

        private Node(Kind kind, String file, int valueLine, int line, String value, boolean plain, Map<String, Node> fields,
                     List<Node> items) {
            this.kind = kind;
            this.file = file;
            this.valueLine = valueLine;
            this.line = line;
            this.value = value;
            this.plain = plain;
            this.fields = fields;
            this.items = items;
        }

        private Node missing() {
            return new Node(Kind.MISSING, file, line, line, null, false, Map.of(), List.of());
        }

        // ---- structure

        public Kind kind() {
            return kind;
        }

        public String file() {
            return file;
        }

        /** The 1-based line of the entry: its key under a mapping, its dash in a list; for a missing field, its owner's line. */
        public int line() {
            return line;
        }

        /** The 1-based line where the value itself starts. */
        public int valueLine() {
            return valueLine;
        }

        public boolean isMap() {
            return kind == Kind.MAP;
        }

        public boolean isList() {
            return kind == Kind.LIST;
        }

        /** A text, number or boolean (not null). */
        public boolean isScalar() {
            return kind == Kind.SCALAR;
        }

        /** Absent, or written as null ({@code ~}, {@code null}, nothing). */
        public boolean isNull() {
            return kind == Kind.NULL || kind == Kind.MISSING;
        }

        public boolean isMissing() {
            return kind == Kind.MISSING;
        }

        /** Whether a scalar was written without quotes. */
        boolean isPlain() {
            return plain;
        }

        /** A scalar written as a plain whole number that fits an int. */
        public boolean isInt() {
            if (kind != Kind.SCALAR || !plain || !INT.matcher(value).matches()) {
                return false;
            }
            try {
                Integer.parseInt(value.startsWith("+") ? value.substring(1) : value);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        public int asInt() {
            return Integer.parseInt(value.startsWith("+") ? value.substring(1) : value);
        }

        /** A scalar written as a plain true or false. */
        public boolean isBool() {
            return kind == Kind.SCALAR && plain && BOOL.matcher(value).matches();
        }

        /** A scalar's text exactly as written (quotes removed), or "" for anything else. */
        public String value() {
            return value == null ? "" : value;
        }

        /** A scalar's text without surrounding white space, or "" for anything else. */
        public String asText() {
            return value().strip();
        }

        /** The value of a field of a mapping, or a {@link Kind#MISSING} node at this node's line. */
        public Node get(String field) {
            Node n = fields.get(field);
            return n == null ? missing() : n;
        }

        /** Whether a mapping has the field with a non-null value. */
        public boolean has(String field) {
            return !get(field).isNull();
        }

        /** The fields of a mapping, in file order (empty for anything else). */
        public Map<String, Node> fields() {
            return fields;
        }

        /** The items of a list (empty for anything else). */
        public List<Node> items() {
            return items;
        }

        /** The number of fields or items. */
        public int size() {
            return kind == Kind.MAP ? fields.size() : items.size();
        }

        public boolean isEmpty() {
            return size() == 0;
        }

        /** The line of a field's key, or this node's line when the field is not there. */
        public int lineOf(String field) {
            Node n = fields.get(field);
            return n == null ? line : n.line; // a field's entry line is its key's line
        }

        // ---- errors

        /** An error at this entry's line. */
        public ContentException error(String message) {
            return new ContentException(file, line, message);
        }

        /** An error at the line of a field's key (this node's line when the field is not there). */
        public ContentException error(String field, String message) {
            return new ContentException(file, lineOf(field), message);
        }

        /** An error at the line where this value starts. */
        public ContentException valueError(String message) {
            return new ContentException(file, valueLine, message);
        }

        // ---- validating readers

        /** Rejects fields other than the known ones, so a typo in a key does not silently drop content. */
        public void onlyFields(Set<String> known) {
            for (String f : fields.keySet()) {
                if (!known.contains(f)) {
                    throw error(f, "unknown field '" + f + "' (expected one of " + String.join(", ", new TreeSet<>(known)) + ")");
                }
            }
        }

        /** A required non-empty text field, stripped. */
        public String text(String field) {
            Node v = get(field);
            if (v.isNull()) {
                throw error("missing field '" + field + "'");
            }
            if (!v.isScalar() || v.value.isBlank()) {
                throw error(field, "field '" + field + "' must be a non-empty text");
            }
            return v.value.strip();
        }

        /** An optional text field, stripped; null when absent, an error when present but empty or not a text. */
        public String optText(String field) {
            Node v = get(field);
            if (v.isNull()) {
                return null;
            }
            if (!v.isScalar() || v.value.isBlank()) {
                throw error(field, "field '" + field + "' must be a non-empty text");
            }
            return v.value.strip();
        }

        /**
         * A required non-empty text field, stripped; the error reads "missing or empty field 'f' in {@code where}"
         * at the field's line (this entry's line when the field is not there).
         */
        public String required(String field, String where) {
            Node v = get(field);
            if (!v.isScalar() || v.value.isBlank()) {
                throw error(field, "missing or empty field '" + field + "' in " + where);
            }
            return v.value.strip();
        }

        /** A required whole number from {@code min} to {@code max}. */
        public int integer(String field, int min, int max) {
            Node v = get(field);
            if (v.isNull()) {
                throw error("missing field '" + field + "'");
            }
            if (!v.isInt() || v.asInt() < min || v.asInt() > max) {
                throw error(field, "field '" + field + "' must be a whole number from " + min + " to " + max);
            }
            return v.asInt();
        }

        /** A required true or false. */
        public boolean bool(String field) {
            Node v = get(field);
            String t = v.isBool() ? v.value.toLowerCase(java.util.Locale.ROOT) : v.value();
            if (!t.equals("true") && !t.equals("false")) {
                throw error(field, "field '" + field + "' must be true or false");
            }
            return t.equals("true");
        }

        /** A list field; a missing one is an empty list unless {@code required}. */
        public List<Node> list(String field, boolean required) {
            return collection(field, Kind.LIST, required, "missing list '" + field + "'", "a non-empty list").items;
        }

        /** A list field of non-empty texts (each node kept for its line). */
        public List<Node> texts(String field, boolean required) {
            List<Node> out = list(field, required);
            for (Node n : out) {
                if (!n.isScalar() || n.value.isBlank()) {
                    throw n.error("every entry of '" + field + "' must be a non-empty text");
                }
            }
            return out;
        }

        /** A mapping field; a missing one is empty unless {@code required}. */
        public Map<String, Node> map(String field, boolean required) {
            return collection(field, Kind.MAP, required, "missing field '" + field + "'", "a non-empty mapping (key: value)").fields;
        }

        /** A list or mapping field, or an empty node of its owner when absent and not {@code required}. */
        private Node collection(String field, Kind kind, boolean required, String missing, String expected) {
            Node v = get(field);
            if (v.isNull()) {
                if (required) {
                    throw error(missing);
                }
                return missing();
            }
            if (v.kind != kind || (required && v.isEmpty())) {
                throw error(field, "field '" + field + "' must be " + expected);
            }
            return v;
        }

        /** An optional list of texts, stripped (a single text counts as a list of one). */
        public List<String> strings(String field) {
            Node v = get(field);
            List<String> out = new ArrayList<>();
            if (v.isList()) {
                v.items.forEach(x -> out.add(x.asText()));
            } else if (!v.isNull()) {
                out.add(v.asText());
            }
            return out;
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + kind + (value != null ? " " + value : "");
        }
    }
}
