package coach.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** UTF-8 standard streams and the JSON writer shared by the batch commands. */
final class Io {
    /** The JSON writer, created on first use: the readable one-off commands never pay for it. */
    static ObjectMapper json() {
        return JsonHolder.MAPPER;
    }

    private static final class JsonHolder {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .disable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private Io() {
    }

    /** Standard input and output; tests replace them to drive the batch commands in-process. */
    static java.io.InputStream in = System.in;
    static java.io.OutputStream out = new java.io.FileOutputStream(java.io.FileDescriptor.out);

    /**
     * Longest line the batch commands (check, drill-score, search with --jsonl) take: 20 000 characters,
     * about ten pages of a letter. A longer one gets an error object of its own ({@link #tooLong}) instead
     * of stalling the batch (the polite rewrites' cost grows with a risky text's length).
     */
    static final int MAX_LINE_CHARS = 20_000;

    /** Standard input as lines ending only at \n or \r\n (a bare \r stays inside its line). */
    static LineInput stdin() {
        return new LineInput(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The JSON line answering an input line over {@link #MAX_LINE_CHARS}: one per such line, so answers stay aligned. */
    static String tooLong(LineInput.Line l) throws java.io.IOException {
        com.fasterxml.jackson.databind.node.ObjectNode o = json().createObjectNode();
        o.put("error", "line_too_long");
        o.put("line", l.number());
        o.put("chars", l.length());
        o.put("max", MAX_LINE_CHARS);
        o.put("message", "line " + l.number() + " has " + l.length() + " characters; at most " + MAX_LINE_CHARS
                + " are read per line. Nothing was checked for this line.");
        return json().writeValueAsString(o);
    }

    static PrintStream stdout() {
        return new PrintStream(out, false, StandardCharsets.UTF_8);
    }

    static boolean ansi() {
        return System.console() != null && System.getenv("NO_COLOR") == null;
    }
}
