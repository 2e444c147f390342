package coach.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one YAML reader of content files: every value knows its file and line, every mistake says file:line. */
class YamlTest {
    private static final String FILE = "x/test.yaml";

    private static ContentException fails(String yaml) {
        return assertThrows(ContentException.class, () -> Yaml.parse(FILE, yaml));
    }

    @Test
    void everyValueKnowsItsFileAndLine() {
        Yaml.Node root = Yaml.parse(FILE, """
                # a comment
                title: "Заголовок"
                items:
                  - id: first
                    n: 3
                  - second
                flow: [a, b]
                """);
        assertEquals(FILE, root.file());
        assertEquals(2, root.get("title").line());
        assertEquals("Заголовок", root.get("title").value());
        Yaml.Node items = root.get("items");
        assertEquals(3, items.line(), "the entry: its key");
        assertEquals(4, items.valueLine(), "the value: its first item");
        assertEquals(4, items.items().get(0).line());
        assertEquals(5, items.items().get(0).get("n").line());
        assertEquals(6, items.items().get(1).line());
        assertEquals(7, root.get("flow").items().get(1).line());
        assertEquals(List.of("a", "b"), root.strings("flow"));
        assertEquals(List.of("Заголовок"), root.strings("title"), "a single text is a list of one");
    }

    @Test
    void aMissingFieldStandsAtItsOwnersLineAndErrorsNameFileAndLine() {
        Yaml.Node root = Yaml.parse(FILE, "a: 1\nb:\n  c: x\n");
        Yaml.Node b = root.get("b");
        assertTrue(b.get("nope").isMissing());
        assertEquals(2, b.get("nope").line());
        ContentException e = b.error("c", "wrong");
        assertEquals("knowledge-base/x/test.yaml:3: wrong", e.getMessage());
        e = assertThrows(ContentException.class, () -> b.text("d"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("missing field 'd'"), e.getMessage());
        e = assertThrows(ContentException.class, () -> b.onlyFields(Set.of("e")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("unknown field 'c'"), e.getMessage());
    }

    @Test
    void scalarsKeepTheirTextOnlyPlainNumbersBooleansAndNullsAreTyped() {
        Yaml.Node root = Yaml.parse(FILE, """
                time: 09:00
                date: 2025-03-01
                yes_no: yes
                weight: 3
                quoted: "3"
                big: 99999999999
                flag: True
                empty:
                tilde: ~
                blank: ""
                decimal: 1.50
                """);
        assertEquals("09:00", root.get("time").value());
        assertEquals("2025-03-01", root.get("date").value());
        assertEquals("yes", root.get("yes_no").value());
        assertFalse(root.get("yes_no").isBool());
        assertEquals(3, root.integer("weight", 1, 10));
        assertFalse(root.get("quoted").isInt(), "a quoted number is text");
        assertFalse(root.get("big").isInt());
        assertTrue(root.bool("flag"));
        assertTrue(root.get("empty").isNull());
        assertTrue(root.get("tilde").isNull());
        assertFalse(root.get("blank").isNull(), "an empty quoted text is a text");
        assertEquals("1.50", root.get("decimal").value(), "as written");
        ContentException e = assertThrows(ContentException.class, () -> root.integer("quoted", 1, 10));
        assertEquals(5, e.line());
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        ContentException e = fails("a: 1\nb: [unclosed\n");
        assertEquals(FILE, e.file());
        assertEquals(2, e.line(), "an unclosed bracket is reported where it opened");
        assertTrue(e.getMessage().startsWith("knowledge-base/x/test.yaml:2: malformed YAML"), e.getMessage());

        e = fails("a: 1\n  b: 2\nc: 3\n");
        assertEquals(2, e.line(), e.getMessage());

        e = fails("a: 1\nb: 2\na: 3\n");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("the key 'a' is given twice"), e.getMessage());

        e = fails("a: &x 1\nb: *x\n");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("aliases"), e.getMessage());

        e = fails("# nothing but a comment\n");
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("the file is empty"), e.getMessage());

        e = fails("a: 1\n---\nb: 2\n");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("one YAML document"), e.getMessage());

        e = assertThrows(ContentException.class, () -> Yaml.parseMapping(FILE, "- a\n- b\n"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("must be a mapping"), e.getMessage());
    }

    @Test
    void yamlInsideAnotherFileCountsLinesFromTheTopOfThatFile() {
        Yaml.Node front = Yaml.parse("materials/m.md", "id: m\ntitle: x\n", 1);
        assertEquals(2, front.get("id").line());
        ContentException e = assertThrows(ContentException.class, () -> Yaml.parse("materials/m.md", "id: m\ntitle: [x\n", 1));
        assertEquals(3, e.line());
    }

    @Test
    void everyYamlFileOfTheRealKnowledgeBaseParses() {
        ContentSource src = TestKb.source();
        int files = 0;
        for (String dir : List.of("", "rules", "scenarios", "tips", "tone")) {
            for (String f : src.list(dir, ".yaml")) {
                assertTrue(Yaml.parse(f, src.read(f)).isMap(), f);
                files++;
            }
        }
        assertTrue(files >= 15, "files: " + files);
    }
}
