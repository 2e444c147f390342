package coach.bench;

import coach.classify.Categorizer;
import coach.classify.ModelDefinition;
import coach.kb.ContentSource;
import coach.tone.ToneChecker;
import coach.tone.ToneModel;
import java.io.PrintStream;
import java.util.List;

/**
 * The tone classifier: training time on the corpus, model size, load time (the prebuilt model,
 * first in this process and warm) and sentences per second through {@link ToneChecker#check}.
 * The cold {@code check} start with the model is in the phrasing benchmark.
 */
public final class ToneBench {
    static final List<String> SENTENCES = List.of(
            "Добрый день! Заказ № 3817 привезём в пятницу до 14:00.",
            "Если до пятницы не оплатите, бронь аннулируем без разговоров.",
            "Ок, ща гляну и отпишусь.",
            "Спасибо, что наконец-то соизволили прочитать письмо.",
            "Вы что, совсем ничего не понимаете?",
            "ПРИШЛИТЕ ДОКУМЕНТЫ СЕГОДНЯ!!!",
            "Напоминаю, что договор нужно подписать до 15 мая.",
            "Пожалуйста, уточните удобное время для звонка.",
            "Thanks for the quick reply, see you on Friday.",
            "Pay today or the booking is gone.");

    private ToneBench() {
    }

    public static void run(PrintStream out) {
        ContentSource source = ContentSource.fromEnvironment();
        long t0 = System.nanoTime();
        ToneChecker checker = ToneChecker.load(source);
        double firstLoad = (System.nanoTime() - t0) / 1e6;
        double[] loads = new double[5];
        for (int i = 0; i < loads.length; i++) {
            long s = System.nanoTime();
            ToneChecker.load(source);
            loads[i] = (System.nanoTime() - s) / 1e6;
        }
        ModelDefinition def = new ToneModel().define(source);
        double[] trains = new double[3];
        int size = 0;
        for (int i = 0; i < trains.length; i++) {
            long s = System.nanoTime();
            Categorizer c = Categorizer.train(def);
            trains[i] = (System.nanoTime() - s) / 1e6;
            size = c.bytes().length;
        }
        int sink = 0;
        for (int i = 0; i < 50_000; i++) {
            sink += checker.check(SENTENCES.get(i % SENTENCES.size())).size();
        }
        int n = 200_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += checker.check(SENTENCES.get(i % SENTENCES.size())).size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("tone.corpus_examples train=%d (held back for thresholds: %d)%n", def.examples().size(),
                ToneModel.split(source).heldOut().size());
        out.printf("tone.training_ms median=%.0f (maxent, %d runs)%n", Bench.median(trains), trains.length);
        out.printf("tone.model_bytes=%d prebuilt=%s%n", size, checker.model().prebuilt());
        out.printf("tone.load_ms first=%.0f warm_median=%.0f (corpus read + fingerprint + prebuilt model + word lists)%n", firstLoad, Bench.median(loads));
        out.printf("tone.sentences_per_s=%.0f (single thread, warm, model + word lists, checksum %d)%n", n / seconds, sink);
        out.flush();
    }
}
