package coach.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.kb.KnowledgeBase;
import coach.materials.MaterialCatalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrebuiltIndexTest {
    static final KnowledgeBase KB = TestKb.kb();
    static final List<SearchDoc> MATERIALS = MaterialCatalog.load(KB).searchDocs(KB);

    @Test
    void theBuildWritesAnIndexForThePackagedContent() {
        String fp = SearchEngine.fingerprint(SearchEngine.documents(KB, MATERIALS));
        assertNotNull(PrebuiltIndex.load(fp), "the build step (exec-maven-plugin, coach.app.IndexTool) wrote search-index/ for this content");
    }

    @Test
    void prebuiltAndFreshIndexesAnswerAlike() {
        SearchEngine prebuilt = SearchEngine.build(KB, MATERIALS, true);
        SearchEngine fresh = SearchEngine.build(KB, MATERIALS, false);
        for (String q : List.of("клиент жалуется на задержку", "шаблон письма клиенту", "complaint", "не обещать лишнего", "учёт клиентов в CRM")) {
            List<Hit> a = prebuilt.search(q);
            List<Hit> b = fresh.search(q);
            assertEquals(b.stream().map(Hit::id).toList(), a.stream().map(Hit::id).toList(), q);
            assertEquals(b.stream().map(Hit::score).toList(), a.stream().map(Hit::score).toList(), q);
            assertEquals(b.get(0).snippet(), a.get(0).snippet(), q);
        }
    }

    @Test
    void changedContentIsIndexedAfresh() {
        List<SearchDoc> extra = new ArrayList<>(MATERIALS);
        extra.add(new SearchDoc("material", "new-one", "Новый шаблон о переговорах", "New", "complaints", "Т", "T",
                "Текст о переговорах с поставщиком", "", "summary", List.of(), List.of()));
        String changed = SearchEngine.fingerprint(SearchEngine.documents(KB, extra));
        assertNotEquals(SearchEngine.fingerprint(SearchEngine.documents(KB, MATERIALS)), changed);
        assertNull(PrebuiltIndex.load(changed));
        SearchEngine engine = SearchEngine.build(KB, extra);
        // The intent model knows no situations of the new material, so it is found by Lucene alone.
        assertTrue(engine.search("переговоры с поставщиком").stream().anyMatch(h -> h.id().equals("new-one")));
    }

    @Test
    void theIntentModelIsTrainedReproduciblyAndOpenedFromTheBuild() throws Exception {
        List<Situations.Example> situations = Situations.load(KB);
        IntentModel opened = IntentModel.load(situations, KB.principles());
        assertTrue(opened.prebuilt(), "the build step wrote models/search-intent.bin for this content");
        byte[] packaged;
        try (var in = getClass().getClassLoader().getResourceAsStream("models/" + IntentModel.NAME + ".bin")) {
            packaged = in.readAllBytes();
        }
        assertArrayEquals(packaged, IntentModel.train(situations, KB.principles()).bytes(), "training again gives the same model, byte for byte");
        IntentCalibration c = IntentCalibration.packaged();
        assertNotEquals(IntentCalibration.DEFAULT, c, "the build wrote the calibration");
        assertTrue(c.luceneWeight() >= 0 && c.noAnswerThreshold() > 0 && c.noAnswerThreshold() < 1, c.toString());
    }
}
