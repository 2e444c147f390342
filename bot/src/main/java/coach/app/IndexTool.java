package coach.app;

import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.materials.MaterialCatalog;
import coach.search.IntentTrainer;
import coach.search.SearchEngine;
import java.nio.file.Path;

/**
 * Build step (run by Maven after compiling): writes the search index of the packaged knowledge base
 * into {@code <classes>/search-index} and trains the intent model into {@code <classes>/models/search-intent.bin}
 * (coach.search.IntentTrainer), so the jar opens both instead of indexing and training at every cold start.
 */
public final class IndexTool {
    private IndexTool() {
    }

    public static void main(String[] args) throws Exception {
        Path classes = Path.of(args.length > 0 ? args[0] : "bot/target/classes");
        KnowledgeBase kb = KnowledgeBase.load(ContentSource.directory(classes.resolve("knowledge-base")));
        var docs = MaterialCatalog.load(kb).searchDocs(kb);
        SearchEngine.writePrebuilt(classes.resolve("search-index"), kb, docs);
        System.out.println(IntentTrainer.writePrebuilt(classes, kb, docs));
    }
}
