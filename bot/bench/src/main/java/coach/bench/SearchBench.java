package coach.bench;

import coach.app.Coach;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.search.SearchEngine;
import java.io.PrintStream;
import java.util.List;

/**
 * Search: cold start to first answer, engine build time (prebuilt index and intent model opened, or
 * built), warm query latency including the intent model, peak RSS.
 */
public final class SearchBench {
    private static final List<String> QUERIES = List.of(
            "клиент жалуется на задержку", "как предупредить о задержке проекта", "новые требования от заказчика",
            "не обещать лишнего", "компенсация за задержку", "регулярная переписка с партнёрами", "учёт клиентов в CRM",
            "complaint", "respond to clients quickly", "how to keep in touch with partners", "вежливость",
            "выслушать клиента не перебивая", "статус проекта для клиента", "клиент прислал претензию",
            // situations in people's own words, small talk and questions the guide does not answer
            "заказчик давно пропал, удобно ли написать первой без повода", "начальник велит обещать сдачу в пятницу, а мы не успеем",
            "the client keeps adding scope mid-project, how do I say it costs time", "какой пароль от вайфая в офисе?", "привет",
            "клиент не отвечает на письма уже две недели, что делать?");

    private SearchBench() {
    }

    public static void run(PrintStream out, int coldRuns) throws Exception {
        KnowledgeBase kb = KnowledgeBase.load(ContentSource.fromEnvironment());
        double[] builds = new double[10];
        SearchEngine engine = null;
        for (int i = 0; i < builds.length; i++) {
            long t0 = System.nanoTime();
            engine = Coach.searchEngine(kb);
            builds[i] = (System.nanoTime() - t0) / 1e6;
        }
        for (int i = 0; i < 20_000; i++) {
            engine.search(QUERIES.get(i % QUERIES.size()));
        }
        int n = 50_000;
        long[] lat = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            engine.search(QUERIES.get(i % QUERIES.size()));
            lat[i] = System.nanoTime() - t0;
        }
        out.printf("search.engine_build_ms median=%.1f (prebuilt index and intent model)%n", Bench.median(builds));
        out.printf("search.warm_query_ms p50=%.3f p99=%.3f (n=%d)%n", Bench.percentile(lat, 50), Bench.percentile(lat, 99), n);
        out.printf("search.in_process_peak_rss_mb=%.0f%n", Bench.peakRssMb());
        double[] walls = new double[coldRuns];
        double[] rss = new double[coldRuns];
        for (int i = 0; i < coldRuns; i++) {
            Bench.ChildRun r = Bench.runChild(List.of("search", "клиент жалуется на задержку"), null);
            walls[i] = r.wallMs();
            rss[i] = r.peakRssMb();
        }
        out.printf("search.cold_start_ms median=%.0f (runs=%d, `java -jar coach.jar search \"...\"`)%n", Bench.median(walls), coldRuns);
        out.printf("search.cold_peak_rss_mb median=%.0f%n", Bench.median(rss));
        out.flush();
    }
}
