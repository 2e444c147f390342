package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads an authored test set {@code /phrasing/<resource>}: tab-separated, a header line, blank lines skipped. */
public final class AuthoredLines {
    private AuthoredLines() {
    }

    /** The rows after the header, each checked to have exactly {@code columns} fields (the line number in the message). */
    static List<String[]> read(String resource, int columns) throws IOException {
        return readResource("/phrasing/" + resource, columns);
    }

    /** The same for any test resource path ({@code /tone/authored-detox.tsv}). */
    public static List<String[]> readResource(String resource, int columns) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = AuthoredLines.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    String[] c = lines[i].split("\t", -1);
                    assertEquals(columns, c.length, resource + ": line " + (i + 1));
                    rows.add(c);
                }
            }
        }
        return rows;
    }
}
