package coach.kb;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;

/** YAML reading for content files, turning every problem into a {@link ContentException} with file and line. */
public final class Yaml {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private Yaml() {
    }

    public static JsonNode read(String file, String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode() || node.isNull()) {
                throw new ContentException(file, 1, "the file is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new ContentException(file, loc == null ? 0 : loc.getLineNr(), "malformed YAML: " + e.getOriginalMessage());
        }
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
