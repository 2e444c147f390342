package coach.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real `console` subcommand in a child JVM on a pseudo-terminal (util-linux `script`), so it takes
 * the terminal path (JLine): a pasted 5-line, 6 000-character letter is one message with one report
 * that finds the risky phrase in its last line, and a number without a button says so.
 */
class ConsoleTerminalTest {

    static String letter() {
        String l2 = "Благодарим вас за обращение и подробное описание ситуации с поставкой офисной мебели по договору № 418 от 3 марта. ".repeat(17);
        String l3 = "Мы проверили документы по заказу, сверили накладные со складом и уточнили у перевозчика, на каком этапе находится груз. ".repeat(17);
        String l4 = "Со своей стороны мы готовы направить вам копии всех документов, акт сверки и график отгрузок на следующий квартал. ".repeat(17);
        return String.join("\n", "Добрый день, Анна Сергеевна!", l2.strip(), l3.strip(), l4.strip(), "Ждите, ответим когда сможем.");
    }

    /** Output so far, with terminal escape sequences removed. */
    static String screen(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;?]*[a-zA-Z]|\u001b[=>]", "");
        }
    }

    static void waitFor(ByteArrayOutputStream out, String text, int from, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            String s = screen(out);
            if (s.indexOf(text, Math.min(from, s.length())) >= 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no «" + text + "» on the terminal; it shows:\n" + screen(out));
    }

    @Test
    void aPastedLetterIsOneMessageOnARealTerminal(@TempDir Path data) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is needed for a pseudo-terminal");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a pseudo-terminal of a real size (a pty made for a pipe has 0 columns)
        String cmd = "stty cols 160 rows 50; '" + java + "' -cp '" + System.getProperty("java.class.path") + "' coach.cli.Main console";
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/script", "-qfec", cmd, "/dev/null").redirectErrorStream(true);
        pb.environment().put("COACH_DATA_DIR", data.toString());
        pb.environment().put("TERM", "xterm");
        pb.environment().remove("TELEGRAM_BOT_TOKEN");
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (InputStream in = p.getInputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (out) {
                        out.write(buf, 0, n);
                    }
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        pump.start();
        try {
            OutputStream keys = p.getOutputStream();
            waitFor(out, "многострочный текст", 0, 60_000);
            waitFor(out, "> ", screen(out).indexOf("многострочный текст"), 10_000);
            int before = screen(out).length();
            keys.write(("\u001b[200~" + letter() + "\u001b[201~").getBytes(StandardCharsets.UTF_8));
            keys.flush();
            Thread.sleep(300);
            keys.write('\r');
            keys.flush();
            waitFor(out, "Это вопрос", before, 60_000);
            Thread.sleep(500);
            String report = screen(out).substring(before);
            assertTrue(report.contains("«Ждите»"), "the risky phrase of the last line: " + report);
            assertTrue(report.split("Это вопрос", -1).length == 2, "one report for the whole letter: " + report);
            int mark = screen(out).length();
            keys.write("9\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            waitFor(out, "Кнопки 9 нет", mark, 20_000);
            keys.write("/quit\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the console leaves on /quit");
        } finally {
            p.destroyForcibly();
            pump.join(5000);
        }
    }
}
