package coach.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
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

    static BufferedReader stdin() {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    static PrintStream stdout() {
        return new PrintStream(out, false, StandardCharsets.UTF_8);
    }

    static boolean ansi() {
        return System.console() != null && System.getenv("NO_COLOR") == null;
    }
}
