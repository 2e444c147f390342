package coach.text.morph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.TestKb;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Several threads analysing and synthesising at once get what one thread gets. */
class MorphologyThreadsTest {
    private static final String TEXT = "Добрый день! Напишите своему менеджеру, он передаст заявку в отдел продаж. "
            + "Мы стали работать с новым клиентом и подписали новый договор, дедлайн по нему в пятницу. "
            + "Техподдержка ответит на ваше письмо сегодня, ёлка стоит в холле, еще раз спасибо за фидбек.";

    private static List<String> work(Morphology m, int rounds) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            for (String w : TEXT.split("[^\\p{L}-]+")) {
                if (w.isEmpty()) {
                    continue;
                }
                List<Reading> rs = m.analyze(w);
                out.add(w + "=" + rs);
                for (Reading r : rs) {
                    if (r.isNoun() && r.grammaticalCase() != null) {
                        out.add(r.lemma() + ":T=" + m.inflect(w, r, Case.INS));
                    }
                }
            }
            out.add(String.valueOf(m.phrases().inflect("своему новому менеджеру", Case.INS)));
        }
        return out;
    }

    @Test
    void concurrentResultsEqualSingleThreadResults() throws Exception {
        List<String> expected = work(Morphology.load(TestKb.source()), 3);
        // a fresh instance, so the threads race on empty caches
        Morphology shared = Morphology.load(TestKb.source());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                Callable<List<String>> c = () -> work(shared, 3);
                results.add(pool.submit(c));
            }
            for (Future<List<String>> f : results) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
