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
import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", description = "Check a draft to a client: prints a readable report, or with --jsonl checks one message per stdin line.")
final class CheckCmd implements Callable<Integer> {
    /**
     * Picocli creates every subcommand before it parses the command line, so when the process was
     * started as {@code java -jar coach.jar check …} the loading starts here, side by side with
     * picocli's own start-up (about a sixth of a cold check), instead of after it.
     */
    private static final CompletableFuture<Started> EARLY = launchedAs("check") ? startEarly() : null;

    @Option(names = "--jsonl", description = "Read one message per line from stdin, write one JSON object per line: "
            + "{text, lang, risky, findings: [{rule, category, start, end, fragment, principle, why}], suggestions}.")
    boolean jsonl;

    @Parameters(arity = "0..*", description = "The draft.")
    List<String> words = List.of();

    @Override
    public Integer call() throws Exception {
        PrintStream out = Io.stdout();
        if (jsonl) {
            PhrasingEngine engine = started().engine();
            BufferedReader in = Io.stdin();
            String line;
            while ((line = in.readLine()) != null) {
                out.println(Io.JSON.writeValueAsString(json(engine.check(line))));
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
        if (EARLY == null) {
            return start();
        }
        try {
            return EARLY.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    /** Whether this JVM was launched for the given subcommand ({@code sun.java.command} is "jar-or-class args…"). */
    static boolean launchedAs(String subcommand) {
        String cmd = System.getProperty("sun.java.command");
        if (cmd == null) {
            return false;
        }
        String[] parts = cmd.strip().split(" ", 3);
        return parts.length >= 2 && parts[0].endsWith(".jar") && parts[1].equals(subcommand);
    }

    private static CompletableFuture<Started> startEarly() {
        CompletableFuture<Started> f = new CompletableFuture<>();
        daemon("check-start", () -> {
            try {
                f.complete(start());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /**
     * Loads the guide, the rules and the text analysis side by side (a cold start is most of the
     * time of a one-off check): the guide on one thread, the rules on this one, and a warm-up of
     * the tokenizer, stemmers and logging on a third.
     */
    static Started start() {
        ContentSource source = ContentSource.fromEnvironment();
        CompletableFuture<KnowledgeBase> kb = new CompletableFuture<>();
        daemon("kb-load", () -> {
            try {
                kb.complete(KnowledgeBase.load(source));
            } catch (Throwable e) {
                kb.completeExceptionally(e);
            }
        });
        daemon("warm-up", () -> TextAnalyzer.analyze("Прогрев: warm-up."));
        PhrasingEngine engine = PhrasingEngine.load(source, kb);
        return new Started(kb.join(), engine);
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    static ObjectNode json(CheckResult r) {
        ObjectNode o = Io.JSON.createObjectNode();
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
        }
        ArrayNode ss = o.putArray("suggestions");
        r.suggestions().forEach(ss::add);
        return o;
    }
}
