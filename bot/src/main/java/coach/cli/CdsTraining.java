package coach.cli;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The training run of the class-data-sharing archive (see {@link CdsArchiveTool}): runs the hot start
 * paths of the one-off commands ({@code check}, {@code check --jsonl}, {@code search}, {@code drill-score})
 * once, in one process, output discarded, so that the JVM started with {@code -XX:ArchiveClassesAtExit}
 * archives the classes they load. Started as {@code java -cp coach.jar coach.cli.CdsTraining}: the same
 * class path as {@code java -jar coach.jar}, which is what the archive is valid for.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) {
        OutputStream sink = OutputStream.nullOutputStream();
        Io.out = sink;
        System.setOut(new PrintStream(sink, false, StandardCharsets.UTF_8));
        int failures = 0;
        failures += run(null, "check", "Добрый день! Это не наша проблема, ждите, ответим когда сможем.");
        failures += run("Коллеги, пришлите акт до пятницы.\nDear client, it is not our fault.\n", "check", "--jsonl");
        failures += run(null, "search", "клиент жалуется на задержку");
        failures += run("как ответить на жалобу\n", "search", "--jsonl");
        failures += run("Приношу извинения за задержку, мы уже проверяем ваш заказ и ответим до 15:00.\n",
                "drill-score", "--scenario", "dissatisfied-client", "--jsonl");
        failures += run(null, "--help");
        if (failures > 0) {
            System.err.println("CDS training: " + failures + " command(s) failed");
            System.exit(1);
        }
        System.exit(0);
    }

    private static int run(String stdin, String... args) {
        Io.in = new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8));
        int code = Main.run(args);
        if (code != 0) {
            System.err.println("CDS training: '" + String.join(" ", args) + "' exited with " + code);
            return 1;
        }
        return 0;
    }
}
