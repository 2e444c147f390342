package coach.cli;

import coach.app.Coach;
import coach.console.Console;
import coach.core.Permissions;
import coach.kb.ContentSource;
import coach.store.Store;
import coach.store.StoreConfig;
import coach.text.Lang;
import coach.tips.TipScheduler;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "console", description = "Chat with the coach in the terminal (no token, no network). State lives in COACH_DATA_DIR.")
final class ConsoleCmd implements Callable<Integer> {
    @Option(names = "--lang", description = "Interface language: ru (default) or en.", defaultValue = "ru")
    String lang = "ru";

    @Override
    public Integer call() throws Exception {
        try (Store store = Store.open(StoreConfig.fromEnvironment())) {
            Coach coach = Coach.create(ContentSource.fromEnvironment(), Coach.Options.withStore(store, Permissions.ALL));
            Console console = new Console(coach.core(), Io.stdin(), Io.stdout(), Io.ansi(), Lang.fromCode(lang))
                    .exportsTo(exportsDir());
            // Daily tips subscribed from the console arrive in the console while it runs.
            try (TipScheduler tips = coach.tips().scheduler(console.sender())) {
                tips.start();
                console.run();
            }
        }
        return 0;
    }

    /** COACH_DATA_DIR/exports: where the console writes charts (also when the state is in PostgreSQL). */
    static java.nio.file.Path exportsDir() {
        String dir = System.getenv("COACH_DATA_DIR");
        return java.nio.file.Path.of(dir == null || dir.isBlank() ? "data" : dir.strip()).toAbsolutePath().normalize().resolve("exports");
    }
}
