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
 * (coach.search.IntentTrainer), so the jar opens both instead of indexing and training at every cold start, and lists
 * the knowledge base's files ({@link ContentSource#LISTING}).
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
        writeListing(classes);
        System.out.println("yaml trees: " + coach.kb.YamlTrees.writeAll(classes) + " files");
    }

    /** Lists the packed knowledge base's files ({@link ContentSource#LISTING}): the jar's copy lists them without reading the jar's whole directory. */
    static void writeListing(Path classes) throws java.io.IOException {
        Path root = classes.resolve("knowledge-base");
        java.util.List<String> files;
        try (var s = java.nio.file.Files.walk(root)) {
            files = s.filter(java.nio.file.Files::isRegularFile).map(p -> root.relativize(p).toString().replace(java.io.File.separatorChar, '/'))
                    .sorted().toList();
        }
        java.nio.file.Files.writeString(classes.resolve(ContentSource.LISTING), String.join("\n", files) + "\n", java.nio.charset.StandardCharsets.UTF_8);
    }
}
