package coach.search;

import coach.kb.KnowledgeBase;
import coach.kb.Principle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Build-time training of the intent model (run by {@code coach.app.IndexTool}). Reproducible: a seeded
 * hash holds back about a fifth of the situations; a model trained on the rest chooses the Lucene
 * weight (best hit@1 on the held-back situations plus the guide's own wording: the principles'
 * keywords, which that model does not see) and the no-answer threshold (best accuracy of answering answerable and refusing
 * {@code none}/{@code smalltalk} held-back lines). The shipped model is then trained on all situations.
 */
public final class IntentTrainer {
    static final long SEED = 18;
    static final int HOLD_BACK_EVERY = 5;

    /** The outcome of a training run: the final model, its calibration and the held-back figures. */
    public record Result(IntentModel model, IntentCalibration calibration, String report) {
    }

    private IntentTrainer() {
    }

    /** Query and expected document id of one evaluation line. */
    record Probe(String text, String id, boolean wording) {
    }

    public static Result train(KnowledgeBase kb, List<SearchDoc> extra) {
        List<SearchDoc> docs = SearchEngine.documents(kb, extra);
        Set<String> principles = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        for (SearchDoc d : docs) {
            ("principle".equals(d.kind()) ? principles : others).add(d.id());
        }
        List<Situations.Example> all = Situations.load(kb);
        List<Situations.Example> train = new ArrayList<>();
        List<Situations.Example> held = new ArrayList<>();
        split(all, train, held);

        // The trial model does not see the keywords: they probe how Lucene ranks the guide's own wording.
        IntentModel trial = IntentModel.trainWithoutKeywords(train, kb.principles());
        SearchEngine lexical = SearchEngine.lexicalOnly(kb, extra);
        Intent intent = Intent.of(trial, IntentCalibration.DEFAULT, docs, all);
        List<Probe> probes = new ArrayList<>();
        for (Situations.Example e : held) {
            probes.add(new Probe(e.text(), e.id(), false));
        }
        for (Principle p : kb.principles()) {
            p.keywordsRu().forEach(k -> probes.add(new Probe(k, p.id(), true)));
            p.keywordsEn().forEach(k -> probes.add(new Probe(k, p.id(), true)));
        }
        int n = probes.size();
        double[][] answer = new double[n][];
        double[] noAnswer = new double[n];
        float[][] lex = new float[n][];
        for (int i = 0; i < n; i++) {
            String q = SearchEngine.sanitize(probes.get(i).text());
            double[] probs = trial.probabilities(q);
            answer[i] = intent.answerProbabilities(probs);
            noAnswer[i] = intent.noAnswerProbability(probs);
            lex[i] = lexical.lexical(q).scores();
        }
        List<String> ids = lexical.docIds();

        // The Lucene weight: hit@1 on held-back situations + hit@1 on the guide's wording.
        // The objective is flat near its top: take the middle of the weights within 0.005 of the best,
        // so one added situation does not swing the weight.
        int steps = 41;
        double[] scoreOf = new double[steps];
        String[] lineOf = new String[steps];
        double bestScore = -1;
        for (int step = 0; step < steps; step++) {
            double w = step * 0.05;
            int[] ok = new int[2];
            int[] count = new int[2];
            for (int i = 0; i < n; i++) {
                Probe pr = probes.get(i);
                if (isNoAnswer(pr.id())) {
                    continue;
                }
                int k = pr.wording() ? 1 : 0;
                count[k]++;
                if (top(SearchEngine.fuse(answer[i], lex[i], w), ids, lexical, principles.contains(pr.id())).equals(pr.id())) {
                    ok[k]++;
                }
            }
            scoreOf[step] = (double) ok[0] / Math.max(1, count[0]) + (double) ok[1] / Math.max(1, count[1]);
            lineOf[step] = String.format(Locale.ROOT, "held-back situations hit@1 %.3f (%d), guide wording hit@1 %.3f (%d)",
                    (double) ok[0] / Math.max(1, count[0]), count[0], (double) ok[1] / Math.max(1, count[1]), count[1]);
            bestScore = Math.max(bestScore, scoreOf[step]);
        }
        List<Integer> near = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            if (scoreOf[step] >= bestScore - 0.005) {
                near.add(step);
            }
        }
        int chosen = near.get(near.size() / 2);
        double bestW = chosen * 0.05;
        String bestLine = lineOf[chosen];

        // The no-answer threshold and its lexical relief: accuracy of the answer/refuse decision on the
        // held-back situations (their mix of answerable and unanswerable lines); the smallest relief and,
        // among equal thresholds, the middle one.
        double[] lexTop = new double[n];
        for (int i = 0; i < n; i++) {
            lexTop[i] = SearchEngine.max(lex[i]);
        }
        double bestAcc = -1;
        double threshold = IntentCalibration.DEFAULT.noAnswerThreshold();
        double relief = 0;
        String accLine = "";
        for (int r = 0; r <= 16; r++) {
            IntentCalibration probe = null;
            List<Double> tied = new ArrayList<>();
            double accHere = -1;
            String lineHere = "";
            for (int step = 2; step <= 95; step++) {
                probe = new IntentCalibration(bestW, step / 100.0, r * 0.05);
                int keep = 0;
                int answerable = 0;
                int refuse = 0;
                int unanswerable = 0;
                for (int i = 0; i < n; i++) {
                    if (probes.get(i).wording()) {
                        continue;
                    }
                    boolean refused = noAnswer[i] >= probe.threshold(lexTop[i]);
                    if (isNoAnswer(probes.get(i).id())) {
                        unanswerable++;
                        refuse += refused ? 1 : 0;
                    } else {
                        answerable++;
                        keep += refused ? 0 : 1;
                    }
                }
                double acc = (double) (keep + refuse) / Math.max(1, answerable + unanswerable);
                if (acc > accHere + 1e-9) {
                    accHere = acc;
                    tied.clear();
                    lineHere = String.format(Locale.ROOT, "answered %.3f of %d answerable, refused %.3f of %d unanswerable",
                            (double) keep / Math.max(1, answerable), answerable, (double) refuse / Math.max(1, unanswerable), unanswerable);
                }
                if (Math.abs(acc - accHere) <= 1e-9) {
                    tied.add(step / 100.0);
                }
            }
            if (accHere > bestAcc + 1e-9) {
                bestAcc = accHere;
                threshold = tied.get(tied.size() / 2);
                relief = r * 0.05;
                accLine = lineHere;
            }
        }
        IntentCalibration calibration = new IntentCalibration(bestW, threshold, relief);
        String report = String.format(Locale.ROOT, "intent model: %d situations (%d held back); lucene weight %.2f: %s; no-answer threshold %.2f + %.2f lexical relief: %s",
                all.size(), held.size(), bestW, bestLine, threshold, relief, accLine);
        return new Result(IntentModel.train(all, kb.principles()), calibration, report);
    }

    private static boolean isNoAnswer(String id) {
        return id.equals(Situations.NONE) || id.equals(Situations.SMALL_TALK);
    }

    /** The best document: among principles for a principle's probe, among all documents otherwise. */
    private static String top(double[] fused, List<String> ids, SearchEngine engine, boolean principleOnly) {
        int best = -1;
        for (int i = 0; i < fused.length; i++) {
            if (principleOnly && !engine.isPrinciple(i)) {
                continue;
            }
            if (best < 0 || fused[i] > fused[best]) {
                best = i;
            }
        }
        return best < 0 ? "" : ids.get(best);
    }

    /**
     * About one line in {@value #HOLD_BACK_EVERY} is held back, chosen by a seeded hash of its text: the
     * same line is always on the same side, so adding situations does not reshuffle the split.
     */
    static void split(List<Situations.Example> all, List<Situations.Example> train, List<Situations.Example> held) {
        for (Situations.Example e : all) {
            (heldBack(e) ? held : train).add(e);
        }
    }

    static boolean heldBack(Situations.Example e) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update((SEED + "\t" + e.id() + "\t" + e.text()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue() % HOLD_BACK_EVERY == 0;
    }

    /** Trains, calibrates and writes the model and its calibration under {@code classes/models/}; returns the report line. */
    public static String writePrebuilt(Path classes, KnowledgeBase kb, List<SearchDoc> extra) throws IOException {
        Result r = train(kb, extra);
        r.model().write(classes);
        r.calibration().write(classes, r.report());
        return r.report();
    }
}
