package coach.bench;

import coach.kb.ContentSource;
import coach.text.morph.Case;
import coach.text.morph.Morphology;
import coach.text.morph.Reading;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Russian morphology: dictionary load time (cold, in a fresh JVM, and in this process), heap
 * after load, warm single-thread analysis and synthesis rates (medians of several runs), with the
 * cache (the steady state of a running coach) and without it (every form a dictionary lookup),
 * and the analysis cost of the short messages of the phrasing benchmark.
 */
public final class MorphologyBench {
    private static final int RUNS = 7;
    /** Fresh instances per uncached run: long enough runs that a shared machine's preemptions do not dominate. */
    private static final int FRESH = 3;

    private MorphologyBench() {
    }

    /** A child JVM's cold figure: prints the time to load both dictionaries and analyse one word. */
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Morphology.loadDictionaries();
        Morphology m = Morphology.russian();
        m.analyze("менеджеру");
        m.synthesize("менеджер", "NN:Anim:Masc:Sin:T");
        System.out.printf("%.2f%n", (System.nanoTime() - t0) / 1e6);
    }

    public static void run(PrintStream out, int coldRuns) throws Exception {
        double[] cold = new double[coldRuns];
        for (int i = 0; i < coldRuns; i++) {
            cold[i] = childLoadMs();
        }
        long heap0 = usedHeapAfterGc();
        long t0 = System.nanoTime();
        Morphology.loadDictionaries();
        double inProcess = (System.nanoTime() - t0) / 1e6;
        long t1 = System.nanoTime();
        Morphology m = Morphology.load(ContentSource.fromEnvironment());
        double lexiconMs = (System.nanoTime() - t1) / 1e6;
        long heap1 = usedHeapAfterGc();

        List<String> words = words(ContentSource.fromEnvironment());
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(words));
        // warm-up, then medians of RUNS runs
        int sink = 0;
        for (int i = 0; i < 20; i++) { // enough calls for the JIT to compile the lookup path
            sink += analyzeAll(Morphology.load(ContentSource.fromEnvironment()), distinct);
            sink += analyzeAll(m, words);
        }
        double[] cached = new double[RUNS];
        double[] uncached = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long a = System.nanoTime();
            sink += analyzeAll(m, words);
            cached[r] = words.size() / ((System.nanoTime() - a) / 1e9);
            long spent = 0;
            for (int k = 0; k < FRESH; k++) {
                Morphology fresh = Morphology.load(ContentSource.fromEnvironment());
                long b = System.nanoTime();
                sink += analyzeAll(fresh, distinct);
                spent += System.nanoTime() - b;
            }
            uncached[r] = FRESH * distinct.size() / (spent / 1e9);
        }
        // synthesis: every noun reading of the distinct words into the instrumental
        List<Reading> nouns = new ArrayList<>();
        for (String w : distinct) {
            for (Reading r : m.analyze(w)) {
                if (r.isNoun() && r.grammaticalCase() != null) {
                    List<String> f = new ArrayList<>(r.fields());
                    f.set(f.indexOf(r.grammaticalCase().tag()), "T");
                    nouns.add(new Reading(r.lemma(), String.join(":", f)));
                }
            }
        }
        double[] synthCached = new double[RUNS];
        double[] synthUncached = new double[RUNS];
        for (int r = 0; r < RUNS + 10; r++) {
            Morphology fresh = Morphology.load(ContentSource.fromEnvironment());
            analyzeAll(fresh, distinct); // only synthesis is timed
            long a = System.nanoTime();
            sink += synthAll(fresh, nouns);
            double u = nouns.size() / ((System.nanoTime() - a) / 1e9);
            long b = System.nanoTime();
            sink += synthAll(fresh, nouns);
            double c = nouns.size() / ((System.nanoTime() - b) / 1e9);
            if (r >= 10) {
                synthUncached[r - 10] = u;
                synthCached[r - 10] = c;
            }
        }
        // the tokens of short chat messages, as the phrasing engine will see them
        List<List<String>> messages = new ArrayList<>();
        int tokens = 0;
        for (String msg : PhrasingBench.MESSAGES) {
            List<String> ws = split(msg);
            messages.add(ws);
            tokens += ws.size();
        }
        double[] msgRate = new double[RUNS];
        int rounds = 20_000;
        for (int r = 0; r < RUNS + 1; r++) {
            long a = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                for (String w : messages.get(i % messages.size())) {
                    sink += m.analyze(w).size();
                }
            }
            if (r > 0) {
                msgRate[r - 1] = rounds / ((System.nanoTime() - a) / 1e9);
            }
        }
        double[] phrase = new double[RUNS];
        String[] phrases = {"своему новому менеджеру", "ваша заявка", "отдел продаж", "нового клиента", "свой дедлайн"};
        for (int r = 0; r < RUNS + 1; r++) {
            long a = System.nanoTime();
            int n = 20_000;
            for (int i = 0; i < n; i++) {
                sink += m.phrases().inflect(phrases[i % phrases.length], Case.INS).map(String::length).orElse(0);
            }
            if (r > 0) {
                phrase[r - 1] = n / ((System.nanoTime() - a) / 1e9);
            }
        }

        out.printf("morphology.dictionaries_load_ms cold_median=%.0f cold_min=%.0f (fresh JVM, both dictionaries + first lookups, runs=%d) in_process=%.0f lexicon=%.1f (%d entries)%n",
                Bench.median(cold), java.util.Arrays.stream(cold).min().orElse(0), coldRuns, inProcess, lexiconMs, m.lexiconSize());
        out.printf("morphology.heap_after_load_mb=%.1f (used heap after GC, before vs after loading both dictionaries)%n",
                (heap1 - heap0) / 1048576.0);
        out.printf("morphology.analyze_per_s cached_median=%.0f uncached_median=%.0f (single thread, warm, %d tokens of the guide, materials and tips, %d distinct, runs=%d)%n",
                Bench.median(cached), Bench.median(uncached), words.size(), distinct.size(), RUNS);
        out.printf("morphology.synthesize_per_s cached_median=%.0f uncached_median=%.0f (%d noun readings into the instrumental)%n",
                Bench.median(synthCached), Bench.median(synthUncached), nouns.size());
        out.printf("morphology.analyze_short_messages_per_s median=%.0f (every token of the %d phrasing-bench messages, %.1f tokens each)%n",
                Bench.median(msgRate), messages.size(), tokens / (double) messages.size());
        out.printf("morphology.phrase_inflections_per_s median=%.0f (checksum %d)%n", Bench.median(phrase), sink);
        out.flush();
    }

    private static double childLoadMs() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("java", "-cp", Bench.classPath(), MorphologyBench.class.getName());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        p.getOutputStream().close();
        String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static int analyzeAll(Morphology m, List<String> words) {
        int n = 0;
        for (String w : words) {
            n += m.analyze(w).size();
        }
        return n;
    }

    private static int synthAll(Morphology m, List<Reading> targets) {
        int n = 0;
        for (Reading r : targets) {
            n += m.synthesize(r.lemma(), r.tag()).size();
        }
        return n;
    }

    /** The words of the guide, the materials and the tips: real text of the domain. */
    private static List<String> words(ContentSource source) {
        List<String> out = new ArrayList<>(split(source.read("guide.md")));
        for (String f : source.list("materials", ".md")) {
            out.addAll(split(source.read(f)));
        }
        if (source.exists("tips/tips.yaml")) {
            out.addAll(split(source.read("tips/tips.yaml")));
        }
        return out;
    }

    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.split("[^\\p{L}\\-]+")) {
            if (!w.isEmpty() && !w.equals("-")) {
                out.add(w);
            }
        }
        return out;
    }
}
