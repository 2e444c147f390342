package coach.bench;

import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.phrasing.PhrasingEngine;
import java.io.PrintStream;
import java.util.List;

/**
 * Phrasing: rule-set load time, warm single-thread check throughput and latency on short messages
 * (a mix of risky and clean ones, like the chat gets), and the cold start of {@code check "…"}.
 */
public final class PhrasingBench {
    static final List<String> MESSAGES = List.of(
            "Анна, это не наша проблема, заказ № 4512 потерял перевозчик.",
            "Спасибо за обращение! Я уже передала информацию специалисту.",
            "Пишите в отдел продаж, я этим не занимаюсь.",
            "Подождите, пожалуйста, минуту, я уточню.",
            "Как я уже писал, поставка будет 10-го.",
            "Мы внесли правки по вашим комментариям.",
            "Гарантирую на сто процентов, что успеем к утру.",
            "Напоминаю о встрече завтра в 10:00.",
            "Ваш инцидент эскалирован на L2, SLA пока не нарушен, ждём фикса.",
            "Я не могу дать точный ответ сейчас, но вернусь к вам завтра до обеда.",
            "Ждите ответа.",
            "Отличная идея, давайте обсудим её на встрече.",
            "Not our problem.",
            "Thank you for letting us know — we're on it.",
            "Like I said before, we can't.",
            "Please hold on a second while I check.");

    /**
     * Longer messages of three to five sentences with names, numbers and dates around one or two risky ones (written
     * for this benchmark): what the message gate's work on untouched sentences costs.
     */
    static final List<String> LONG_MESSAGES = List.of(
            "Добрый день, Марина! Счёт № 3318 за октябрь мы выставили 2 ноября. Это не наша проблема, что бухгалтерия его потеряла. "
                    + "Копию приложу к письму.",
            "Здравствуйте. Мастер приедет в четверг с 10 до 14. Ждите звонка, раньше никак. Стоимость выезда 1 500 рублей.",
            "Коллеги, добрый вечер. Договор аренды на склад в Подольске готов. Сколько можно напоминать, подпишите его до пятницы. "
                    + "Оригиналы курьер заберёт в понедельник.",
            "Hello Mark. Your order 5521 left our warehouse on Monday. That's not our fault the courier is late. "
                    + "The tracking number is in the attachment.",
            "Ольга Викторовна, добрый день. Запись к кардиологу на 14 декабря подтверждена. Опоздаете больше чем на 10 минут — приём отменим. "
                    + "Возьмите с собой результаты анализов.",
            "Добрый день. Мы получили вашу заявку на ремонт ноутбука. Гарантирую, что всё сделаем за час. Диагностика бесплатная.",
            "Hi team. The venue for the 12 March workshop is booked. Like I said before, we can't change the catering. "
                    + "Please send the list of guests by Friday.",
            "Здравствуйте, Игорь. Путёвка в Сочи на 7 ночей оплачена. Трансфер из аэропорта включён. Вопросы по визе не к нам, пишите в консульство.");

    private PhrasingBench() {
    }

    public static void run(PrintStream out, int coldRuns) throws Exception {
        ContentSource source = ContentSource.fromEnvironment();
        KnowledgeBase kb = KnowledgeBase.load(source);
        long c0 = System.nanoTime();
        PhrasingEngine engine = PhrasingEngine.load(kb);
        double firstLoad = (System.nanoTime() - c0) / 1e6;
        double[] loads = new double[10];
        for (int i = 0; i < loads.length; i++) {
            long t0 = System.nanoTime();
            engine = PhrasingEngine.load(kb);
            loads[i] = (System.nanoTime() - t0) / 1e6;
        }
        int sink = 0;
        for (int i = 0; i < 100_000; i++) {
            sink += engine.check(MESSAGES.get(i % MESSAGES.size())).findings().size();
        }
        int n = 200_000;
        long[] lat = new long[n];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            sink += engine.check(MESSAGES.get(i % MESSAGES.size())).findings().size();
            lat[i] = System.nanoTime() - t0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        out.printf("phrasing.rules_load_ms first=%.1f warm_median=%.1f%n", firstLoad, Bench.median(loads));
        out.printf("phrasing.check_throughput_msg_per_s=%.0f (single thread, warm, %d short messages, half risky with rewrites)%n",
                n / seconds, MESSAGES.size());
        // on a shared machine wall time includes the time other processes had the core; CPU time of this thread does not
        out.printf("phrasing.check_throughput_msg_per_cpu_s=%.0f (the same run per second of this thread's CPU time)%n", n / cpuSeconds);
        out.printf("phrasing.check_latency_ms p50=%.3f p99=%.3f max=%.3f%n", Bench.percentile(lat, 50), Bench.percentile(lat, 99),
                Bench.percentile(lat, 100));
        int m = 40_000;
        for (int i = 0; i < m / 4; i++) {
            sink += engine.check(LONG_MESSAGES.get(i % LONG_MESSAGES.size())).suggestions().size();
        }
        long longCpu0 = threads.getCurrentThreadCpuTime();
        long longStart = System.nanoTime();
        for (int i = 0; i < m; i++) {
            sink += engine.check(LONG_MESSAGES.get(i % LONG_MESSAGES.size())).suggestions().size();
        }
        double longSeconds = (System.nanoTime() - longStart) / 1e9;
        double longCpu = (threads.getCurrentThreadCpuTime() - longCpu0) / 1e9;
        out.printf("phrasing.check_throughput_long_msg_per_s=%.0f per_cpu_s=%.0f (single thread, warm, %d messages of 3-5 sentences, one or two risky)%n",
                m / longSeconds, m / longCpu, LONG_MESSAGES.size());
        out.printf("phrasing.in_process_peak_rss_mb=%.0f (checksum %d)%n", Bench.peakRssMb(), sink);
        double[] walls = new double[coldRuns];
        double[] rss = new double[coldRuns];
        for (int i = 0; i < coldRuns; i++) {
            Bench.ChildRun r = Bench.runChild(List.of("check", MESSAGES.get(0)), null);
            walls[i] = r.wallMs();
            rss[i] = r.peakRssMb();
        }
        out.printf("phrasing.cold_start_ms median=%.0f min=%.0f (runs=%d, `java -jar coach.jar check \"...\"`)%n",
                Bench.median(walls), java.util.Arrays.stream(walls).min().orElse(0), coldRuns);
        out.printf("phrasing.cold_peak_rss_mb median=%.0f%n", Bench.median(rss));
        out.flush();
    }
}
