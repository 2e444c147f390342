package coach.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Start-up work that a one-off command begins before picocli has parsed the command line: picocli
 * creates every subcommand first, so a subcommand's static initialiser can start loading side by
 * side with picocli's own start-up (a noticeable part of a cold run).
 */
final class Early {
    private Early() {
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

    /** Runs {@code work} on a daemon thread; the future carries its result or its failure. */
    static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        daemon(name, () -> {
            try {
                f.complete(work.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** The result of early work, or of doing it now when it was not started early; failures surface as they were. */
    static <T> T join(CompletableFuture<T> early, Supplier<T> now) {
        if (early == null) {
            return now.get();
        }
        try {
            return early.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }
}
