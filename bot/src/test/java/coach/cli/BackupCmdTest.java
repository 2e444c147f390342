package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.store.Store;
import coach.store.StoreConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coach backup FILE}: a consistent copy of the database while another connection keeps writing to it. */
class BackupCmdTest {
    @TempDir
    Path dir;

    static int run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setErr(old);
            lastErr = err.toString(StandardCharsets.UTF_8);
        }
    }

    static String lastErr = "";

    @Test
    void aBackupWhileTheBotWritesIsConsistentAndOpensAsAStore() throws Exception {
        Path data = dir.resolve("data");
        Path target = dir.resolve("backups/coach-copy.db");
        AtomicInteger written = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        try (Store store = Store.open(data)) {
            for (int i = 0; i < 50; i++) {
                store.progress().put("u", String.format("k%05d", written.get()), "v" + written.getAndIncrement());
            }
            Thread writer = new Thread(() -> {
                while (!stop.get()) {
                    int n = written.get();
                    store.progress().put("u", String.format("k%05d", n), "v" + n);
                    written.incrementAndGet();
                }
            });
            writer.start();
            try {
                while (written.get() < 80) {
                    Thread.sleep(5);
                }
                assertEquals(0, run("backup", "--data-dir", data.toString(), target.toString()), lastErr);
            } finally {
                stop.set(true);
                writer.join();
            }
            assertTrue(lastErr.contains("written to " + target.toAbsolutePath()), lastErr);
            // the same file again: refused, nothing overwritten
            long size = Files.size(target);
            assertEquals(2, run("backup", "--data-dir", data.toString(), target.toString()));
            assertTrue(lastErr.contains("exists already"), lastErr);
            assertEquals(size, Files.size(target));
        }
        // restore: the copy as coach.db of a new data directory
        Path restored = dir.resolve("restored");
        Files.createDirectories(restored);
        Files.copy(target, restored.resolve(StoreConfig.DB_FILE));
        try (Store copy = Store.open(restored)) {
            int n = 0;
            while (copy.progress().get("u", String.format("k%05d", n)).isPresent()) {
                assertEquals("v" + n, copy.progress().get("u", String.format("k%05d", n)).orElseThrow());
                n++;
            }
            assertTrue(n >= 80, "everything committed before the backup is in it: " + n);
            assertTrue(n <= written.get());
            assertTrue(copy.progress().get("u", String.format("k%05d", n + 1)).isEmpty(), "one committed state: no gaps");
        }
        assertEquals(2, run("backup", "--data-dir", dir.resolve("nothing-here").toString(), dir.resolve("x.db").toString()));
        assertTrue(lastErr.contains("no database"), lastErr);
    }
}
