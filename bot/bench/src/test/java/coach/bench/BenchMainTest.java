package coach.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bench launcher answers --help and refuses an unknown benchmark, listing the allowed ones. */
class BenchMainTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = BenchMain.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void answersHelp() {
        Run r = run("--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Usage: coach-bench"), r.out());
    }

    @Test
    void anUnknownBenchmarkIsAnErrorListingTheAllowedOnes() {
        Run r = run("nonsense");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Unknown benchmark 'nonsense'") && r.err().contains("morphology, search, phrasing, tone, drill, telegram, tips, reliability"), r.err());
    }
}
