package coach.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bench launcher answers --help and refuses an unknown benchmark, listing the allowed ones. */
class BenchMainTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        coach.Captured c = coach.Captured.run(BenchMain::run, args);
        return new Run(c.code(), c.out(), c.err());
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
        assertTrue(r.err().contains("Unknown benchmark 'nonsense'") && r.err().contains("morphology, search, phrasing, tone, drill, telegram, webhook, tips, reliability"), r.err());
    }
}
