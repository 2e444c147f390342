package coach.cli;

import coach.app.Coach;
import coach.drill.Drills;
import coach.drill.Scenario;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.text.Lang;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Plays a whole drill over standard streams (a test contract): the client's opening as
 * {@code {"turn": 0, "client": "…"}}, then one reply per stdin line answered with
 * {@code {"turn": n, "client": "…", "criteria": {…}, "score": 0-100, "done": false|true}}. After the last turn
 * {@code client} is the client's last message and the summary, {@code criteria} and {@code score} are the whole
 * drill's; lines after it are ignored. The same seed draws the same variables.
 */
@Command(name = "drill-play", mixinStandardHelpOptions = true,
        description = "Play a drill over stdin/stdout: one reply per line in, one JSON line per client message out.")
final class DrillPlayCmd implements Callable<Integer> {
    @Option(names = "--scenario", required = true, description = "Scenario id, e.g. dissatisfied-client.")
    String scenarioId;

    @Option(names = "--seed", defaultValue = "1", description = "Seed that draws the run's variables (default 1).")
    long seed = 1;

    @Option(names = "--lang", defaultValue = "ru", description = "Language of the drill: ${COMPLETION-CANDIDATES} (default ru).")
    UiLang lang = UiLang.ru;

    @Override
    public Integer call() throws Exception {
        Lang l = lang.lang();
        KnowledgeBase kb = KnowledgeBase.load(ContentSource.fromEnvironment());
        Drills drills = Drills.load(kb, Coach.impoliteText(kb));
        Optional<Scenario> found = drills.scenario(scenarioId);
        if (found.isEmpty()) {
            System.err.println("Unknown scenario '" + scenarioId + "'. Known scenarios: "
                    + String.join(", ", drills.scenarios().stream().map(Scenario::id).toList()));
            return 2;
        }
        Drills.Play play = drills.play(found.get(), seed, l);
        PrintStream out = Io.stdout();
        ObjectNode first = Io.json().createObjectNode();
        first.put("turn", 0);
        first.put("client", play.opening());
        out.println(Io.json().writeValueAsString(first));
        out.flush();
        LineInput in = Io.stdin();
        LineInput.Line line;
        while (!play.done() && (line = in.next(Io.MAX_LINE_CHARS)) != null) {
            if (line.tooLong()) {
                out.println(Io.tooLong(line));
                out.flush();
                continue;
            }
            String reply = line.text();
            int turn = play.turn();
            Drills.Answer a = play.answer(reply);
            ObjectNode o = Io.json().createObjectNode();
            o.put("turn", turn);
            o.put("client", a.client());
            ObjectNode c = o.putObject("criteria");
            a.criteria().forEach(c::put);
            o.put("score", a.score());
            o.put("done", a.done());
            out.println(Io.json().writeValueAsString(o));
            out.flush();
        }
        return 0;
    }
}
