package coach.app;

import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.materials.MaterialCatalog;
import coach.search.SearchEngine;
import java.nio.file.Path;

/**
 * Build step (run by Maven after compiling): writes the search index of the packaged knowledge base
 * into {@code <classes>/search-index}, so the jar opens it instead of indexing at every cold start.
 */
public final class IndexTool {
    private IndexTool() {
    }

    public static void main(String[] args) throws Exception {
        Path classes = Path.of(args.length > 0 ? args[0] : "bot/target/classes");
        KnowledgeBase kb = KnowledgeBase.load(ContentSource.directory(classes.resolve("knowledge-base")));
        SearchEngine.writePrebuilt(classes.resolve("search-index"), kb, MaterialCatalog.load(kb).searchDocs(kb));
    }
}
