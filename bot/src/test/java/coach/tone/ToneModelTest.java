package coach.tone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.classify.Calibration;
import coach.classify.Categorizer;
import coach.classify.Corpus;
import coach.classify.Example;
import coach.classify.ModelDefinition;
import coach.kb.ContentSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tone model on the real corpus: it loads, it is reproducible, and its thresholds hold on the held-back part. */
class ToneModelTest {
    static ContentSource source;
    static ToneChecker checker;

    @BeforeAll
    static void load() {
        source = ContentSource.packaged();
        checker = ToneChecker.load(source);
    }

    @Test
    void theCorpusLoadsWithEveryLabelInBothLanguages() {
        Corpus c = ToneModel.corpus(source);
        assertTrue(c.size() > 2000, "corpus size " + c.size());
        assertEquals(ToneModel.LABELS, c.labels());
        for (String file : ToneModel.CORPUS) {
            List<Example> lines = c.examples().stream().filter(e -> e.file().equals(file)).toList();
            assertEquals(ToneModel.LABELS, Set.copyOf(lines.stream().map(Example::label).toList()), file);
        }
    }

    @Test
    void thePackagedModelIsTheOneTheBuildWrote() {
        assertTrue(checker.model().prebuilt(), "the build writes models/tone.bin for the packaged content");
    }

    /** Training is reproducible: twice on the same content gives the same bytes, and the same bytes as the build's file. */
    @Test
    void trainingTwiceGivesTheBuildsModelByteForByte() throws Exception {
        byte[] a = new ToneModel().train(source).bytes();
        byte[] b = new ToneModel().train(source).bytes();
        assertArrayEquals(a, b);
        try (var in = ToneModel.class.getClassLoader().getResourceAsStream("models/tone.bin")) {
            assertArrayEquals(a, in.readAllBytes());
        }
    }

    @Test
    void anEditedCorpusIsTrainedAtStartInsteadOfUsingThePrebuiltModel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path kb = coach.TestKb.copyTo(dir);
        java.nio.file.Path ru = kb.resolve("tone/ru.tsv");
        java.nio.file.Files.writeString(ru, java.nio.file.Files.readString(ru) + "pressure\tНе продлите аренду склада до среды — вывезем ваши стеллажи на свалку.\n");
        ToneChecker edited = ToneChecker.load(ContentSource.directory(kb));
        assertTrue(!edited.model().prebuilt(), "other content: trained in memory");
        assertEquals(ToneModel.RISKY.size(), edited.thresholds().size());
        ContentSource bad = ContentSource.directory(kb);
        java.nio.file.Files.writeString(ru, "ok\tВсё хорошо.\nshouting\tНЕТ!\n");
        coach.kb.ContentException e = org.junit.jupiter.api.Assertions.assertThrows(coach.kb.ContentException.class, () -> ToneChecker.load(bad));
        assertEquals("tone/ru.tsv", e.file());
        assertEquals(2, e.line());
    }

    @Test
    void everyCalibratedCategoryKeepsItsPrecisionOnTheHeldBackPart() {
        Corpus held = ToneModel.split(source).heldOut();
        List<Calibration.Outcome> outcomes = ToneModel.outcomes(checker.model(), held);
        StringBuilder report = new StringBuilder();
        int calibrated = 0;
        for (String label : ToneModel.RISKY) {
            double t = checker.thresholds().get(label);
            Calibration.Quality q = Calibration.quality(outcomes, label, t, ToneModel::flagRight);
            int caught = 0;
            int exact = 0;
            for (Calibration.Outcome o : outcomes) {
                boolean flagged = o.probability() >= checker.thresholds().get(o.predicted());
                caught += flagged && o.gold().equals(label) ? 1 : 0;
                exact += flagged && o.gold().equals(label) && o.predicted().equals(label) ? 1 : 0;
            }
            report.append(String.format("%-12s t=%.3f flagged as it=%3d precision=%.3f | held back %3d: caught %3d, with this category %3d%n",
                    label, t, q.flagged(), q.precision(), q.gold(), caught, exact));
            if (t < Calibration.NEVER) {
                calibrated++;
                assertTrue(q.precision() >= ToneModel.PRECISION, label + ": " + q);
            }
        }
        System.out.print(report);
        assertTrue(calibrated >= 4, "most categories get a usable threshold:\n" + report);
    }
}
