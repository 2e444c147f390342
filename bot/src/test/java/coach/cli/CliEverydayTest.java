package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every subcommand answers --help; unknown names and option values are usage errors (exit 2) naming the allowed values. */
class CliEverydayTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        coach.Captured c = coach.Captured.run(Main::run, args);
        return new Run(c.code(), c.out(), c.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"console", "telegram", "search", "check", "drill-score"})
    void everySubcommandAnswersHelp(String sub) {
        Run r = run(sub, "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Usage: coach " + sub), r.out());
    }

    @Test
    void anUnknownLanguageIsAnErrorListingTheAllowedOnes() {
        Run r = run("console", "--lang", "de");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("expected one of [ru, en]"), r.err());
        assertEquals(2, run("drill-score", "--scenario", "dissatisfied-client", "--lang", "xx", "ok").code());
    }

    /** The real console subcommand in a child JVM over its own data directory. */
    static String console(Path data, String input, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "coach.cli.Main", "console"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("COACH_DATA_DIR", data.toString());
        pb.environment().remove("TELEGRAM_BOT_TOKEN");
        Process p = pb.start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void consoleLangWinsOverAStoredChoiceForThatRun(@TempDir Path data) throws Exception {
        console(data, "/lang ru\n");
        String en = console(data, "/help\n", "--lang", "en");
        assertTrue(en.contains("Commands") && en.contains("input is not a terminal"), en);
        String ru = console(data, "/help\n");
        assertTrue(ru.contains("Команды"), "without --lang the stored choice applies again: " + ru);
        // materials are saved under COACH_DATA_DIR/exports by default
        String m = console(data, "/materials complaint-response-template\n");
        assertTrue(Files.isDirectory(data.resolve("exports")) && m.contains(data.resolve("exports").toString()), m);
    }
}
