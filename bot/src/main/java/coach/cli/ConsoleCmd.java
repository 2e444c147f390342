package coach.cli;

import coach.app.Coach;
import coach.console.Console;
import coach.text.Lang;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "console", description = "Chat with the coach in the terminal (no token, no network).")
final class ConsoleCmd implements Callable<Integer> {
    @Option(names = "--lang", description = "Interface language: ru (default) or en.", defaultValue = "ru")
    String lang = "ru";

    @Override
    public Integer call() throws Exception {
        Coach coach = Coach.create();
        new Console(coach.core(), Io.stdin(), Io.stdout(), Io.ansi(), Lang.fromCode(lang)).run();
        return 0;
    }
}
