package coach.bench;

import coach.app.Coach;
import coach.drill.DrillScorer;
import coach.drill.Drills;
import coach.drill.Scenario;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import java.io.PrintStream;
import java.util.List;

/**
 * Drills: content load and validation time, warm scoring latency of one reply against the complaint
 * rubric (short, typical and 20 000-character replies), batch throughput, and the cold start of
 * {@code drill-score --jsonl}. Politeness goes through the same predicate the coach wires.
 */
public final class DrillBench {
    private static final List<String> REPLIES = List.of(
            "Приносим извинения.",
            "Мы разберёмся.",
            "Вы сами выбрали эту услугу, претензии не по адресу.",
            "Понимаю ваше недовольство. Давайте разберёмся: что именно вас не устроило?",
            "Простите, пожалуйста, за эту ситуацию. Я понимаю, насколько вы расстроены. Подскажите, что именно оказалось не так? "
                    + "Мы бесплатно повторим услугу в удобное вам время, а после я позвоню и узнаю, довольны ли вы.",
            "Извините за неудобства. Пришлите, пожалуйста, фото повреждения, чтобы мы разобрались.",
            "Исправим замечания к среде и потом уточним, всё ли вас устраивает.");

    private DrillBench() {
    }

    public static void run(PrintStream out, int coldRuns) throws Exception {
        KnowledgeBase kb = KnowledgeBase.load(ContentSource.fromEnvironment());
        Drills drills = Drills.load(kb, Coach.impoliteText(kb));
        double[] loads = new double[10];
        for (int i = 0; i < loads.length; i++) {
            long t0 = System.nanoTime();
            Drills.load(kb, Coach.impoliteText(kb));
            loads[i] = (System.nanoTime() - t0) / 1e6;
        }
        Scenario s = drills.scenario(Drills.COMPLAINT_SCENARIO).orElseThrow();
        DrillScorer scorer = drills.scorer();
        for (int i = 0; i < 20_000; i++) {
            scorer.assess(s, REPLIES.get(i % REPLIES.size()));
        }
        int n = 50_000;
        long[] lat = new long[n];
        long t0All = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            scorer.assess(s, REPLIES.get(i % REPLIES.size()));
            lat[i] = System.nanoTime() - t0;
        }
        double secs = (System.nanoTime() - t0All) / 1e9;
        String huge = REPLIES.get(4).repeat(20_000 / REPLIES.get(4).length() + 1).substring(0, 20_000);
        long[] hugeLat = new long[50];
        for (int i = 0; i < hugeLat.length; i++) {
            long t0 = System.nanoTime();
            scorer.assess(s, huge);
            hugeLat[i] = System.nanoTime() - t0;
        }
        out.printf("drill.content_load_ms median=%.1f (%d scenarios + quiz, every pattern compiled)%n", Bench.median(loads), drills.scenarios().size());
        out.printf("drill.score_ms p50=%.3f p99=%.3f (n=%d, one reply against the 6-criterion complaint rubric)%n",
                Bench.percentile(lat, 50), Bench.percentile(lat, 99), n);
        out.printf("drill.throughput_replies_per_s=%.0f (one thread)%n", n / secs);
        out.printf("drill.score_20000_chars_ms p50=%.1f p99=%.1f%n", Bench.percentile(hugeLat, 50), Bench.percentile(hugeLat, 99));
        out.printf("drill.in_process_peak_rss_mb=%.0f%n", Bench.peakRssMb());
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            batch.append(REPLIES.get(i % REPLIES.size())).append('\n');
        }
        double[] walls = new double[coldRuns];
        double[] rss = new double[coldRuns];
        for (int i = 0; i < coldRuns; i++) {
            Bench.ChildRun r = Bench.runChild(List.of("drill-score", "--scenario", Drills.COMPLAINT_SCENARIO, "--jsonl"), batch.toString());
            walls[i] = r.wallMs();
            rss[i] = r.peakRssMb();
        }
        out.printf("drill.cold_batch_100_ms median=%.0f (runs=%d, `java -jar coach.jar drill-score --scenario dissatisfied-client --jsonl` on 100 replies)%n",
                Bench.median(walls), coldRuns);
        out.printf("drill.cold_peak_rss_mb median=%.0f%n", Bench.median(rss));
        out.flush();
    }
}
