package coach.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.app.Coach;
import coach.core.Permissions;
import coach.core.Texts;
import coach.store.Practice;
import coach.store.Store;
import coach.text.Lang;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console has the same progress commands; the chart goes to a file under the exports directory and its path is printed. */
class ConsoleProgressTest {
    @TempDir
    Path dir;

    @Test
    void progressWritesTheChartToAFileAndPrintsItsPathAndTeamExplainsItNeedsAGroup() throws Exception {
        try (Store store = Store.open(dir)) {
            Coach coach = Coach.create(TestKb.source(), Coach.Options.withStore(store, Permissions.ALL));
            Practice.of(store).record("console", Practice.DRILL, "dissatisfied-client", 45,
                    Map.of("apology", new int[]{0, 2}, "polite", new int[]{2, 2}), Instant.now());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            Path exports = dir.resolve("exports");
            new Console(coach.core(), Console.plain(new BufferedReader(new StringReader("/progress\n/team\n/quit\n")), out), out, false, Lang.RU, exports).run();
            String printed = bytes.toString(StandardCharsets.UTF_8);
            // the saved file's path is printed (whatever the wording around it)
            Matcher m = Pattern.compile("(" + Pattern.quote(exports.toAbsolutePath().normalize().toString()) + "\\S*?\\.png)").matcher(printed);
            assertTrue(m.find(), printed);
            Path file = Path.of(m.group(1));
            assertTrue(file.startsWith(exports), file.toString());
            byte[] png = Files.readAllBytes(file);
            assertEquals('P', png[1]);
            assertTrue(png.length > 5_000, "a real chart: " + png.length);
            assertTrue(printed.contains(Texts.get(Lang.RU, "team.needs_group")), printed);
            assertTrue(printed.contains("«" + coach.drills().criterionName("apology", Lang.RU).orElseThrow() + "» — 0 %"), printed);
        }
    }
}
