package coach.text.morph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.kb.ContentException;
import coach.kb.ContentSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supplement lexicon of the knowledge base: validated at load with file and line. */
class LexiconTest {
    @TempDir
    Path tmp;

    private int dirs;

    /** A knowledge base whose lexicon is {@code content}: the morphology reads nothing else. */
    private ContentException broken(String content) throws Exception {
        Path kb = Files.createDirectories(tmp.resolve("kb" + (dirs++)).resolve("morphology")).getParent();
        Files.writeString(kb.resolve(Morphology.LEXICON_FILE), content, StandardCharsets.UTF_8);
        return assertThrows(ContentException.class, () -> Morphology.load(ContentSource.directory(kb)));
    }

    @Test
    void theShippedLexiconLoadsAndEveryEntryIsReadBack() {
        Morphology m = Morphology.load(TestKb.source());
        String text = TestKb.source().read(Morphology.LEXICON_FILE);
        int checked = 0;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            // adjective-like accusatives come back with the animacy mark analysis adds
            assertTrue(m.analyze(f[0]).stream().anyMatch(r -> r.lemma().equals(f[1])
                    && (r.tag().equals(f[2]) || r.tag().equals(f[2] + ":Anim") || r.tag().equals(f[2] + ":Inanim"))), line);
            assertTrue(m.synthesize(f[1], f[2]).contains(f[0]), line);
            checked++;
        }
        assertEquals(m.lexiconSize(), checked);
    }

    @Test
    void theShippedLexiconAddsOnlyWordsTheDictionaryLacks() throws Exception {
        Morphology bare = Morphology.load(ContentSource.directory(Files.createDirectories(tmp.resolve("empty"))));
        java.util.Set<String> lemmas = new java.util.TreeSet<>();
        for (String line : TestKb.source().read(Morphology.LEXICON_FILE).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                lemmas.add(line.split("\t")[1]);
            }
        }
        assertTrue(lemmas.size() > 100, "lemmas: " + lemmas.size());
        for (String lemma : lemmas) {
            if (lemma.contains("-")) {
                continue; // a compound the fallback reads by its last part («чат-бот» as «бот»), made exact
            }
            // a surname or a first name of the same spelling («Райдер») does not make the common noun known
            assertTrue(bare.analyze(lemma).stream().noneMatch(r -> r.lemma().equals(lemma) && !r.has("Fam") && !r.has("Name") && !r.has("Patr")),
                    lemma + " is in the dictionary already");
        }
    }

    @Test
    void malformedLinesNameFileAndLine() throws Exception {
        String head = "# comment\n\nдедлайн\tдедлайн\tNN:Inanim:Masc:Sin:Nom\n";
        ContentException e = broken(head + "дедлайна дедлайн NN:Inanim:Masc:Sin:R\n");
        assertEquals(Morphology.LEXICON_FILE, e.file());
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("three tab-separated fields"), e.getMessage());

        e = broken(head + "дедлайна\tдедлайн\tNN:Inanim:Masc:Sin:Genitive\n");
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("unknown tag 'NN:Inanim:Masc:Sin:Genitive'"), e.getMessage());

        e = broken(head + "Дедлайна\tдедлайн\tNN:Inanim:Masc:Sin:R\n");
        assertTrue(e.getMessage().contains("lower case"), e.getMessage());

        e = broken(head + "\tдедлайн\tNN:Inanim:Masc:Sin:R\n");
        assertTrue(e.getMessage().contains("form is empty"), e.getMessage());

        e = broken(head + "дед лайна\tдедлайн\tNN:Inanim:Masc:Sin:R\n");
        assertTrue(e.getMessage().contains("only letters"), e.getMessage());

        e = broken(head + "дедлайн\tдедлайн\tNN:Inanim:Masc:Sin:Nom\n");
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("duplicate entry (same as line 3)"), e.getMessage());
        assertTrue(e.getMessage().startsWith("knowledge-base/morphology/ru-lexicon.tsv:4:"), e.getMessage());
    }

    @Test
    void anEditedLexiconIsUsed() throws Exception {
        Path kb = TestKb.copyTo(tmp.resolve("kb2"));
        Files.writeString(kb.resolve(Morphology.LEXICON_FILE),
                "# one word\r\nквоккер\tквоккер\tNN:Anim:Masc:Sin:Nom\r\nквоккером\tквоккер\tNN:Anim:Masc:Sin:T\r\n",
                StandardCharsets.UTF_8);
        Morphology m = Morphology.load(ContentSource.directory(kb));
        assertEquals(2, m.lexiconSize());
        assertEquals(List.of(new Reading("квоккер", "NN:Anim:Masc:Sin:T")), m.analyze("Квоккером"));
        assertEquals(List.of("квоккером"), m.synthesize("квоккер", "NN:Anim:Masc:Sin:T"));
        assertEquals(List.of(), m.analyze("дедлайна"), "the shipped lexicon is not used with another knowledge base");
    }
}
