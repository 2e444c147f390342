package coach.cli;

import coach.console.ConsoleRenderer;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.phrasing.CheckCommand;
import coach.phrasing.CheckResult;
import coach.phrasing.Finding;
import coach.phrasing.PhrasingEngine;
import coach.text.TextAnalyzer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true, description = "Check a draft to a client: prints a readable report, or with --jsonl checks one message per stdin line.")
final class CheckCmd implements Callable<Integer> {
    /**
     * Picocli creates every subcommand before it parses the command line, so when the process was
     * started as {@code java -jar coach.jar check …} the loading starts here, side by side with
     * picocli's own start-up (about a sixth of a cold check), instead of after it.
     */
    private static final CompletableFuture<Started> EARLY = Early.launchedAs("check") ? Early.start("check-start", CheckCmd::start) : null;

    @Option(names = "--jsonl", description = "Read one message per line from stdin (lines end at \\n or \\r\\n), write one JSON object per line: "
            + "{text, lang, risky, findings: [{rule, category, start, end, fragment, principle, why, source (rule|model), confidence (model only), rewritable}], suggestions, partial (only when some sentence must be rephrased by hand), doubtful (sentences left as they were that may still sound risky)}. "
            + "A line over " + Io.MAX_LINE_CHARS + " characters gets {error: \"line_too_long\", line, chars, max, message} instead.")
    boolean jsonl;

    @Parameters(arity = "0..*", description = "The draft.")
    List<String> words = List.of();

    @Override
    public Integer call() throws Exception {
        PrintStream out = Io.stdout();
        if (jsonl) {
            PhrasingEngine engine = started().engine();
            LineInput in = Io.stdin();
            LineInput.Line line;
            while ((line = in.next(Io.MAX_LINE_CHARS)) != null) {
                out.println(line.tooLong() ? Io.tooLong(line) : Io.json().writeValueAsString(json(engine.check(line.text()))));
            }
            out.flush();
            return 0;
        }
        String text = String.join(" ", words);
        if (text.isBlank()) {
            out.println("Usage: coach check \"Анна, это не наша проблема, заказ № 4512 потерял перевозчик.\"  (or --jsonl to read messages from stdin)");
            out.flush();
            return 2;
        }
        Started s = started();
        CheckResult r = s.engine().check(text);
        out.println(new ConsoleRenderer(Io.ansi()).render(new CheckCommand(s.engine(), s.kb()).report(r, r.lang())));
        out.flush();
        return 0;
    }

    record Started(KnowledgeBase kb, PhrasingEngine engine) {
    }

    private static Started started() {
        return Early.join(EARLY, CheckCmd::start);
    }

    /**
     * Loads the guide, the rules and the text analysis side by side (a cold start is most of the
     * time of a one-off check): the guide on one thread, the rules on this one, a warm-up of
     * the tokenizer, stemmers and logging on a third, the morphology's dictionaries on a fourth.
     */
    static Started start() {
        ContentSource source = ContentSource.fromEnvironment();
        CompletableFuture<KnowledgeBase> kb = new CompletableFuture<>();
        Early.daemon("kb-load", () -> {
            try {
                kb.complete(KnowledgeBase.load(source));
            } catch (Throwable e) {
                kb.completeExceptionally(e);
            }
        });
        Early.daemon("warm-up", () -> TextAnalyzer.analyze("Прогрев: warm-up."));
        // the check of a Russian text needs both dictionaries; without this they load at its first lookup, after
        // everything else
        coach.text.morph.Morphology.preload();
        PhrasingEngine engine = PhrasingEngine.load(source, kb);
        return new Started(kb.join(), engine);
    }

    static ObjectNode json(CheckResult r) {
        ObjectNode o = Io.json().createObjectNode();
        o.put("text", r.text());
        o.put("lang", r.lang().code());
        o.put("risky", r.risky());
        ArrayNode fs = o.putArray("findings");
        for (Finding f : r.findings()) {
            ObjectNode j = fs.addObject();
            j.put("rule", f.rule());
            j.put("category", f.category());
            j.put("start", f.start());
            j.put("end", f.end());
            j.put("fragment", f.fragment());
            j.put("principle", f.principle());
            j.put("why", f.why());
            j.put("source", f.source());
            if (!Double.isNaN(f.confidence())) {
                j.put("confidence", Math.round(f.confidence() * 1000) / 1000.0);
            }
            j.put("rewritable", f.rewritable());
        }
        ArrayNode ss = o.putArray("suggestions");
        r.suggestions().forEach(ss::add);
        if (!r.partial().isEmpty()) {
            ArrayNode ps = o.putArray("partial");
            r.partial().forEach(ps::add);
        }
        if (!r.doubtful().isEmpty()) {
            ArrayNode ds = o.putArray("doubtful");
            r.doubtful().forEach(ds::add);
        }
        if (r.kept() != null) {
            o.put("kept", r.kept());
        }
        return o;
    }
}
