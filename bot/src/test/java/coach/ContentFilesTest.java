package coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.app.QuestionOrDraftRouter;
import coach.drill.Drills;
import coach.kb.ContentException;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.materials.MaterialCatalog;
import coach.phrasing.PhrasingEngine;
import coach.tips.TipCatalogue;
import coach.tips.Zones;
import coach.tone.ToneChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every YAML file of the knowledge base, broken in turn (an unclosed bracket on its first "key: value" line: "[unclosed" for a
 * scalar, a second "[" before a flow list),
 * stops the content from loading with that file and that line; intact, everything loads.
 */
class ContentFilesTest {
    /** A "key: value" line: a scalar on one line, or the start of a flow list. */
    private static final Pattern VALUE_LINE = Pattern.compile("(?m)^(\\s*(?:- )?[A-Za-z_/]+:) ([^{#\\s].*)$");

    @TempDir
    static Path kb;

    @BeforeAll
    static void copy() throws IOException {
        TestKb.copyTo(kb);
    }

    /** Loads everything read from YAML and Markdown, cheapest first. */
    private static void loadAll() {
        ContentSource src = ContentSource.directory(kb);
        KnowledgeBase base = KnowledgeBase.load(src);
        Zones.load(base);
        TipCatalogue.load(base);
        MaterialCatalog.load(base);
        new QuestionOrDraftRouter(base, null);
        ToneChecker.load(src).validate(base);
        Drills.load(base, text -> false);
        PhrasingEngine.rulesOnly(base);
    }

    private static List<String> yamlFiles() throws IOException {
        List<String> out = new ArrayList<>();
        try (var files = Files.walk(kb)) {
            files.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(p -> out.add(kb.relativize(p).toString().replace('\\', '/')));
        }
        return out;
    }

    @Test
    void everyBrokenYamlFileNamesItselfAndTheLine() throws IOException {
        loadAll(); // the real content loads
        List<String> files = yamlFiles();
        assertTrue(files.size() >= 15, "files: " + files);
        for (String f : files) {
            Path p = kb.resolve(f);
            String text = Files.readString(p);
            Matcher m = VALUE_LINE.matcher(text);
            assertTrue(m.find(), f);
            int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            Files.writeString(p, text.substring(0, m.start()) + m.group(1) + (m.group(2).startsWith("[") ? " [" + m.group(2) : " [unclosed") + text.substring(m.end()));
            try {
                ContentException e = assertThrows(ContentException.class, ContentFilesTest::loadAll, f);
                assertEquals(f, e.file(), e.getMessage());
                assertEquals(line, e.line(), e.getMessage());
                assertTrue(e.getMessage().startsWith("knowledge-base/" + f + ":" + line + ": malformed YAML"), e.getMessage());
            } finally {
                Files.writeString(p, text);
            }
        }
    }
}
