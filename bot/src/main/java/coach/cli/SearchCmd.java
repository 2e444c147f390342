package coach.cli;

import coach.app.Coach;
import coach.console.ConsoleRenderer;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.search.Hit;
import coach.search.HitFormatter;
import coach.search.SearchEngine;
import coach.text.Lang;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true, description = "Search the guide: prints the best principles, or with --jsonl answers one query per stdin line.")
final class SearchCmd implements Callable<Integer> {
    /** Loading and the Lucene warm-up start while picocli parses the command line (see {@link Early}). */
    private static final java.util.concurrent.CompletableFuture<Loaded> EARLY = Early.launchedAs("search") ? startEarly() : null;

    record Loaded(KnowledgeBase kb, SearchEngine engine) {
    }

    private static java.util.concurrent.CompletableFuture<Loaded> startEarly() {
        SearchEngine.warmUpInBackground();
        return Early.start("search-start", SearchCmd::load);
    }

    private static Loaded load() {
        KnowledgeBase kb = KnowledgeBase.load(ContentSource.fromEnvironment());
        return new Loaded(kb, Coach.searchEngine(kb));
    }

    @Option(names = "--jsonl", description = "Read one query per line from stdin (lines end at \\n or \\r\\n), write one JSON object per line; "
            + "a line over " + Io.MAX_LINE_CHARS + " characters gets {error: \"line_too_long\", line, chars, max, message} instead.")
    boolean jsonl;

    @Option(names = "-n", description = "Number of hits (at most 5).", defaultValue = "5")
    int n = SearchEngine.MAX_HITS;

    @Parameters(arity = "0..*", description = "The query.")
    List<String> words = List.of();

    @Override
    public Integer call() throws Exception {
        int max = Math.max(1, Math.min(n, SearchEngine.MAX_HITS));
        PrintStream out = Io.stdout();
        if (jsonl) {
            SearchEngine engine = Early.join(EARLY, SearchCmd::load).engine();
            LineInput in = Io.stdin();
            LineInput.Line line;
            while ((line = in.next(Io.MAX_LINE_CHARS)) != null) {
                out.println(line.tooLong() ? Io.tooLong(line) : Io.json().writeValueAsString(json(line.text(), engine.search(line.text(), max))));
            }
            out.flush();
            return 0;
        }
        String query = String.join(" ", words);
        if (query.isBlank()) {
            out.println("Usage: coach search \"клиент жалуется на задержку\"  (or --jsonl to read queries from stdin)");
            out.flush();
            return 2;
        }
        Loaded loaded = Early.join(EARLY, SearchCmd::load);
        KnowledgeBase kb = loaded.kb();
        SearchEngine engine = loaded.engine();
        List<Hit> hits = engine.search(query, max);
        Lang lang = Lang.detect(query);
        if (hits.isEmpty()) {
            // Small talk is not searched; a question the guide does not answer says so (never the nearest principle).
            out.println(coach.core.Texts.get(lang, engine.isSmallTalk(query) ? "ask.smalltalk" : "ask.none"));
        }
        ConsoleRenderer r = new ConsoleRenderer(Io.ansi());
        HitFormatter f = new HitFormatter(kb);
        int i = 1;
        for (Hit h : hits) {
            out.println(r.render(f.format(h, lang, i++)));
            out.println();
        }
        out.flush();
        return 0;
    }

    static ObjectNode json(String query, List<Hit> hits) {
        ObjectNode o = Io.json().createObjectNode();
        o.put("query", query);
        ArrayNode arr = o.putArray("hits");
        for (Hit h : hits) {
            ObjectNode j = arr.addObject();
            j.put("kind", h.kind());
            j.put("id", h.id());
            j.put("title", h.title());
            j.put("topic", h.topic());
            j.put("score", h.score());
            j.put("snippet", h.snippet().text());
        }
        return o;
    }
}
