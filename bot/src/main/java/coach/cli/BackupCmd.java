package coach.cli;

import coach.store.Store;
import coach.store.StoreConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a consistent copy of the SQLite database (SQLite VACUUM INTO), also while the bot runs. "
                + "Copying coach.db alone is not a backup: the last commits may still be in coach.db-wal. "
                + "Restore: stop the bot, put the copy in place as COACH_DATA_DIR/coach.db (with no coach.db-wal/-shm next to it), start.")
final class BackupCmd implements Callable<Integer> {
    @Option(names = "--data-dir", description = "The data directory (default: COACH_DATA_DIR, or ./data).")
    Path dataDir;

    @Parameters(index = "0", description = "The backup file to write, e.g. backups/coach-2026-12-01.db (must not exist).")
    Path target;

    @Override
    public Integer call() {
        StoreConfig config = dataDir != null ? StoreConfig.sqlite(dataDir) : StoreConfig.fromEnvironment();
        long t0 = System.nanoTime();
        long bytes = Store.backup(config, target);
        System.err.printf("Backup of %s written to %s (%d bytes, %d ms).%n", config.describe(), target.toAbsolutePath(), bytes,
                (System.nanoTime() - t0) / 1_000_000);
        return 0;
    }
}
