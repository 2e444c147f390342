package coach.cli;

import coach.app.Coach;
import coach.console.Console;
import coach.console.JLineSource;
import coach.core.Permissions;
import coach.kb.ContentSource;
import coach.store.Store;
import coach.store.StoreConfig;
import coach.store.UserPrefs;
import coach.text.Lang;
import coach.tips.TipScheduler;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Chat with the coach in the terminal (no token, no network). State lives in COACH_DATA_DIR.",
            "On a terminal: a pasted multi-line letter is one message; history with the arrow keys; a line ending with \\ continues.",
            "From a pipe: one line is one message; a multi-line message goes between two lines \"\"\"."})
final class ConsoleCmd implements Callable<Integer> {
    @Option(names = "--lang", paramLabel = "LANG", description = "Interface language for this run: ${COMPLETION-CANDIDATES} "
            + "(wins over one chosen with /lang; default: the /lang choice, else ru).")
    UiLang lang;

    @Option(names = "--exports", paramLabel = "DIR", description = "Where materials and filled templates are saved (default: COACH_DATA_DIR/exports).")
    Path exports;

    static final String USER = "console";

    @Override
    public Integer call() throws Exception {
        try (Store store = Store.open(StoreConfig.fromEnvironment())) {
            Coach coach = Coach.create(ContentSource.fromEnvironment(), Coach.Options.withStore(store, Permissions.ALL));
            UserPrefs prefs = store.users();
            Optional<Lang> stored = prefs.language(USER);
            Lang ui = lang != null ? lang.lang() : stored.orElse(Lang.RU);
            if (lang != null) {
                // --lang wins for this run, until /lang is used in it
                Lang chosen = lang.lang();
                coach.core().setLanguageChoice(u -> {
                    Optional<Lang> now = prefs.language(u);
                    return now.equals(stored) ? Optional.of(chosen) : now;
                });
            }
            Path dir = exports != null ? exports : dataDir().resolve("exports");
            try (Console.LineSource source = source()) {
                PrintStream out = source instanceof JLineSource j ? j.output() : Io.stdout();
                Console console = new Console(coach.core(), source, out, Io.ansi(), ui, dir);
                // Daily tips subscribed from the console arrive in the console while it runs.
                try (TipScheduler tips = coach.tips().scheduler(console.sender())) {
                    tips.start();
                    console.run();
                }
            }
        }
        return 0;
    }

    static Path dataDir() {
        String d = System.getenv("COACH_DATA_DIR");
        return Path.of(d == null || d.isBlank() ? "data" : d.strip());
    }

    /** JLine on a terminal, plain line reading when stdin or stdout is not one. */
    private Console.LineSource source() throws java.io.IOException {
        if (Io.in == System.in && System.console() != null) {
            Terminal t = TerminalBuilder.builder().system(true).encoding(java.nio.charset.StandardCharsets.UTF_8).build();
            if (!Terminal.TYPE_DUMB.equals(t.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(t.getType())) {
                return new JLineSource(t, dataDir().resolve("console-history"));
            }
            t.close();
        }
        return Console.plain(Io.stdin(), Io.stdout());
    }
}
