package coach.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kb.ContentException;
import coach.kb.ContentSource;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CategorizerTest {
    static final String CORPUS = """
            # a tiny two-label corpus: thanks vs. complaints
            thanks\tСпасибо за быструю доставку!
            thanks\tБольшое спасибо, всё пришло вовремя.
            thanks\tБлагодарю за помощь с документами.
            thanks\tСпасибо, курьер был очень вежлив.
            thanks\tОгромное спасибо за оперативность.
            thanks\tБлагодарим за отличный сервис.
            thanks\tСпасибо, вопрос решён.
            thanks\tВсё отлично, благодарю вас.

            complaint\tЗаказ опять опоздал на три дня.
            complaint\tКурьер не приехал, я ждал весь день.
            complaint\tСчёт выставлен с ошибкой, исправьте.
            complaint\tТовар пришёл разбитым.
            complaint\tВы снова перепутали адрес доставки.
            complaint\tМне до сих пор не вернули деньги.
            complaint\tПочему заказ задерживается уже неделю?
            complaint\tДокументы так и не пришли.
            """;

    static Corpus corpus() {
        return Corpus.parse("test/tiny.tsv", CORPUS, Set.of("thanks", "complaint"));
    }

    static List<TextFeatureGenerator> features() {
        return List.of(Features.words(), Features.bigrams());
    }

    @Test
    void readsLabelsAndSkipsCommentsAndBlankLines() {
        Corpus c = corpus();
        assertEquals(16, c.size());
        assertEquals(List.of("thanks", "complaint"), List.copyOf(c.labels()));
        Example first = c.examples().get(0);
        assertEquals("test/tiny.tsv", first.file());
        assertEquals(2, first.line());
        assertEquals("Спасибо за быструю доставку!", first.text());
    }

    @Test
    void malformedLinesNameFileAndLine() {
        ContentException noTab = assertThrows(ContentException.class, () -> Corpus.parse("t.tsv", "ok\tfine\nbroken line\n", null));
        assertEquals(2, noTab.line());
        assertTrue(noTab.getMessage().startsWith("knowledge-base/t.tsv:2:"), noTab.getMessage());
        assertEquals(1, assertThrows(ContentException.class, () -> Corpus.parse("t.tsv", "nope\ttext\n", Set.of("ok"))).line());
        assertEquals(1, assertThrows(ContentException.class, () -> Corpus.parse("t.tsv", "Bad Label\ttext\n", null)).line());
        assertEquals(2, assertThrows(ContentException.class, () -> Corpus.parse("t.tsv", "ok\ta\nok\t  \n", null)).line());
        ContentException dup = assertThrows(ContentException.class, () -> Corpus.parse("t.tsv", "ok\tТекст ёлки\n#\nbad\tтекст  елки\n", null));
        assertEquals(3, dup.line());
        assertTrue(dup.getMessage().contains("t.tsv:1") && dup.getMessage().contains("'ok'"), dup.getMessage());
        assertThrows(ContentException.class, () -> Corpus.parse("t.tsv", "# only a comment\n", null));
    }

    @Test
    void readsThroughAContentSource(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("c"));
        Files.writeString(dir.resolve("c/a.tsv"), "x\tone\n");
        Files.writeString(dir.resolve("c/b.tsv"), "y\ttwo\nx\tOne\n");
        ContentSource src = ContentSource.directory(dir);
        assertEquals(1, Corpus.read(src, "c/a.tsv", null).size());
        ContentException e = assertThrows(ContentException.class, () -> Corpus.read(src, List.of("c/a.tsv", "c/b.tsv"), null));
        assertEquals("c/b.tsv", e.file());
        assertEquals(2, e.line());
    }

    @Test
    void learnsTheCorpus() {
        Categorizer c = Categorizer.train("tiny", corpus(), features(), Training.maxent(100, 1));
        assertEquals("thanks", c.best("Спасибо большое за доставку").label());
        assertEquals("complaint", c.best("Курьер опять не приехал").label());
        Map<String, Double> s = c.scores("Спасибо большое за доставку");
        assertEquals(1.0, s.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertTrue(s.get("thanks") > s.get("complaint"));
    }

    @Test
    void flatEvaluationGivesOpenNlpsDoubles() {
        Categorizer c = Categorizer.train("tiny", corpus(), features(), Training.maxent(100, 1));
        assertTrue(c.evaluatesFlat());
        for (String text : List.of("Спасибо большое за доставку", "Курьер опять не приехал", "Спасибо спасибо, курьер", "ничего знакомого")) {
            List<String> f = c.features(Doc.of(text));
            assertArrayEquals(c.probabilitiesByOpenNlp(f), c.probabilities(f), text);
        }
    }

    @Test
    void trainingTwiceGivesTheSameBytes() {
        for (Training t : List.of(Training.maxent(50, 1), Training.perceptron(50, 1))) {
            byte[] a = Categorizer.train("tiny", corpus(), features(), t).bytes();
            byte[] b = Categorizer.train("tiny", corpus(), features(), t).bytes();
            assertArrayEquals(a, b, t.algorithm());
        }
    }

    @Test
    void aModelFileIsUsedOnlyForItsOwnContent() throws Exception {
        ModelDefinition def = new ModelDefinition("tiny", corpus().examples(), features(), Training.maxent(50, 1), "");
        Categorizer trained = Categorizer.train(def);
        Categorizer read = Categorizer.read(new ByteArrayInputStream(trained.bytes()), def.fingerprint(), def);
        assertNotNull(read);
        assertTrue(read.prebuilt());
        assertEquals(trained.scores("Товар снова разбит"), read.scores("Товар снова разбит"));

        List<Example> edited = new java.util.ArrayList<>(corpus().examples());
        edited.set(0, new Example("thanks", "Спасибо за доставку в срок!", "x", 1));
        ModelDefinition other = new ModelDefinition("tiny", edited, features(), Training.maxent(50, 1), "");
        assertFalse(def.fingerprint().equals(other.fingerprint()));
        assertNull(Categorizer.read(new ByteArrayInputStream(trained.bytes()), other.fingerprint(), other));
        assertFalse(def.fingerprint().equals(new ModelDefinition("tiny", corpus().examples(), features(), Training.maxent(50, 1), "lexicon v2").fingerprint()));
        // nothing prebuilt on the classpath under this name: load trains
        assertFalse(Categorizer.load(other).prebuilt());
    }

    @Test
    void theSplitIsStableAndDisjoint() {
        Corpus c = corpus();
        Corpus.Split a = c.split(30);
        Corpus.Split b = c.split(30);
        assertEquals(a.heldOut().examples(), b.heldOut().examples());
        assertEquals(c.size(), a.train().size() + a.heldOut().size());
        for (Example e : a.heldOut().examples()) {
            assertFalse(a.train().examples().contains(e));
        }
    }

    @Test
    void thresholdsKeepTheAskedPrecision() {
        List<Calibration.Outcome> outcomes = List.of(
                new Calibration.Outcome("a", "a", 0.99), new Calibration.Outcome("a", "a", 0.95),
                new Calibration.Outcome("b", "a", 0.90), new Calibration.Outcome("a", "a", 0.85),
                new Calibration.Outcome("a", "a", 0.60), new Calibration.Outcome("b", "a", 0.55),
                new Calibration.Outcome("b", "b", 0.70));
        Map<String, Double> t = Calibration.thresholds(outcomes, List.of("a", "b"), 0.95, 2);
        assertEquals(0.95, t.get("a"));
        assertEquals(Calibration.NEVER, t.get("b"), "one prediction is below the support asked for");
        Calibration.Quality q = Calibration.quality(outcomes, "a", t.get("a"));
        assertTrue(q.precision() >= 0.95);
        assertEquals(2, q.correct());
        assertEquals(4, q.gold());
        assertEquals(0.6, Calibration.thresholds(outcomes, List.of("a"), 0.75, 1).get("a"));
    }

    /** A spec the build tool can instantiate; its metadata is the held-back precision of one label. */
    public static final class TinySpec implements ModelSpec {
        @Override
        public ModelDefinition define(ContentSource source) {
            return new ModelDefinition("tiny", Corpus.read(source, "tiny.tsv", null).examples(), features(), Training.maxent(30, 1), "");
        }

        @Override
        public Map<String, String> metadata(Categorizer trained, ContentSource source) {
            return Map.of("thanks", String.valueOf(trained.best("Спасибо за доставку").probability()));
        }
    }

    @Test
    void theBuildToolWritesTheModelOfThePackagedContent(@TempDir Path classes) throws Exception {
        Files.createDirectories(classes.resolve("knowledge-base"));
        Files.writeString(classes.resolve("knowledge-base/tiny.tsv"), CORPUS);
        ModelTool.main(new String[] {classes.toString(), TinySpec.class.getName()});
        Path file = classes.resolve("models/tiny.bin");
        assertTrue(Files.size(file) > 0);
        ModelDefinition def = new TinySpec().define(ContentSource.directory(classes.resolve("knowledge-base")));
        Categorizer fresh = Categorizer.train(def);
        fresh = fresh.withMetadata(new TinySpec().metadata(fresh, null));
        assertArrayEquals(fresh.bytes(), Files.readAllBytes(file));
        Categorizer read = Categorizer.read(Files.newInputStream(file), def.fingerprint(), def);
        assertNotNull(read);
        assertEquals(fresh.metadata(), read.metadata());
        assertFalse(read.metadata().isEmpty());
    }
}
