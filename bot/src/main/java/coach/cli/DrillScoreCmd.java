package coach.cli;

import coach.app.Coach;
import coach.drill.Assessment;
import coach.drill.Drills;
import coach.drill.Scenario;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.text.Lang;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Scores replies against a scenario's whole rubric. The {@code --jsonl} form is a stable batch contract:
 * one reply per stdin line in, one {@code {"reply","criteria","score","feedback"}} object per line out, in order.
 */
@Command(name = "drill-score", mixinStandardHelpOptions = true, description = "Score replies against a drill scenario's rubric; with --jsonl one reply per stdin line.")
final class DrillScoreCmd implements Callable<Integer> {
    @Option(names = "--scenario", required = true, description = "Scenario id, e.g. dissatisfied-client.")
    String scenarioId;

    @Option(names = "--jsonl", description = "Read one reply per line from stdin (lines end at \\n or \\r\\n), write one JSON object per line; "
            + "a line over " + Io.MAX_LINE_CHARS + " characters gets {error: \"line_too_long\", line, chars, max, message} instead.")
    boolean jsonl;

    @Option(names = "--lang", defaultValue = "ru", description = "Language of the replies and the feedback: ${COMPLETION-CANDIDATES} (default ru).")
    UiLang lang = UiLang.ru;

    @Parameters(arity = "0..*", description = "The reply (without --jsonl).")
    List<String> words = List.of();

    @Override
    public Integer call() throws Exception {
        KnowledgeBase kb = KnowledgeBase.load(ContentSource.fromEnvironment());
        Drills drills = Drills.load(kb, Coach.impoliteText(kb));
        Optional<Scenario> found = drills.scenario(scenarioId);
        if (found.isEmpty()) {
            System.err.println("Unknown scenario '" + scenarioId + "'. Known scenarios: "
                    + String.join(", ", drills.scenarios().stream().map(Scenario::id).toList()));
            return 2;
        }
        Scenario scenario = found.get();
        Lang l = lang.lang();
        PrintStream out = Io.stdout();
        if (jsonl) {
            LineInput in = Io.stdin();
            LineInput.Line line;
            while ((line = in.next(Io.MAX_LINE_CHARS)) != null) {
                String reply = line.text();
                out.println(line.tooLong() ? Io.tooLong(line) : Io.json().writeValueAsString(json(reply, drills.scorer().assess(scenario, reply, l), l)));
            }
            out.flush();
            return 0;
        }
        String reply = String.join(" ", words);
        if (reply.isBlank()) {
            System.err.println("Usage: coach drill-score --scenario " + scenarioId + " \"reply text\"  (or --jsonl to read replies from stdin)");
            return 2;
        }
        Assessment a = drills.scorer().assess(scenario, reply, l);
        out.println((l == Lang.EN ? "Score: " : "Оценка: ") + a.score() + "/100");
        for (Map.Entry<String, Boolean> e : a.criteria().entrySet()) {
            out.println((e.getValue() ? "  + " : "  - ") + e.getKey());
        }
        for (String f : a.feedback(l)) {
            out.println("• " + f);
        }
        out.flush();
        return 0;
    }

    static ObjectNode json(String reply, Assessment a, Lang lang) {
        ObjectNode o = Io.json().createObjectNode();
        o.put("reply", reply);
        ObjectNode c = o.putObject("criteria");
        a.criteria().forEach(c::put);
        o.put("score", a.score());
        ArrayNode f = o.putArray("feedback");
        a.feedback(lang).forEach(f::add);
        return o;
    }
}
