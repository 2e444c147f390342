package coach.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import coach.TestKb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The build-time trees of the packaged YAML files: the same tree as parsing, and only for the very text they came from. */
class YamlTreesTest {
    @Test
    void everyPackagedFileHasItsTreeAndItIsTheParsedTree() throws Exception {
        Path root = TestKb.dir();
        List<Path> files;
        try (var s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(true, files.size() > 30, "files: " + files.size());
        for (Path p : files) {
            String file = root.relativize(p).toString().replace('\\', '/');
            String text = Files.readString(p, StandardCharsets.UTF_8);
            Yaml.Node tree = YamlTrees.lookup(file, text);
            assertNotNull(tree, file + " has no tree in the build (or it was built from another text)");
            assertSame(Yaml.parseText(file, text), tree, file);
        }
    }

    @Test
    void anEditedTextIsParsedAsWrittenWithItsOwnLines() throws Exception {
        Path ru = TestKb.dir().resolve("rules/ru.yaml");
        String text = Files.readString(ru, StandardCharsets.UTF_8);
        assertNotNull(YamlTrees.lookup("rules/ru.yaml", text));
        String edited = "# one more line on top\n" + text;
        assertNull(YamlTrees.lookup("rules/ru.yaml", edited));
        Yaml.Node parsed = Yaml.parse("rules/ru.yaml", edited);
        assertEquals(Yaml.parse("rules/ru.yaml", text).get("rules").line() + 1, parsed.get("rules").line());
        // and a broken edit is an error at its line, not a stale tree
        String broken = text.replaceFirst("\nrules:", "\nrules: [\n");
        ContentException e = assertThrows(ContentException.class, () -> Yaml.parse("rules/ru.yaml", broken));
        assertEquals("rules/ru.yaml", e.file());
        // a file the build never saw has no tree
        assertNull(YamlTrees.lookup("rules/nope.yaml", text));
    }

    private static void assertSame(Yaml.Node a, Yaml.Node b, String where) {
        assertEquals(a.kind(), b.kind(), where);
        assertEquals(a.line(), b.line(), where + " line");
        assertEquals(a.valueLine(), b.valueLine(), where + " value line");
        assertEquals(a.file(), b.file(), where);
        assertEquals(a.value(), b.value(), where + " at line " + a.line());
        assertEquals(a.isPlain(), b.isPlain(), where + " at line " + a.line());
        assertEquals(List.copyOf(a.fields().keySet()), List.copyOf(b.fields().keySet()), where + " at line " + a.line());
        for (Map.Entry<String, Yaml.Node> e : a.fields().entrySet()) {
            assertSame(e.getValue(), b.fields().get(e.getKey()), where);
        }
        assertEquals(a.items().size(), b.items().size(), where + " at line " + a.line());
        for (int i = 0; i < a.items().size(); i++) {
            assertSame(a.items().get(i), b.items().get(i), where);
        }
    }
}
