package coach.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import coach.core.SessionKey;
import coach.core.SessionState;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged files, unwritable directories and a full disk: a clear error, and nothing half-written. */
class StoreFailureTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aFileThatIsNotADatabaseIsReportedAndLeftAlone() throws Exception {
        Path db = dir.resolve(StoreConfig.DB_FILE);
        byte[] junk = "these are somebody's notes, not a database\n".repeat(200).getBytes();
        Files.write(db, junk);
        StoreException e = assertThrows(StoreException.class, () -> Store.open(dir));
        assertEquals(StoreException.Kind.CORRUPT, e.kind());
        assertTrue(e.getMessage().contains(db.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt or is not an SQLite database"), e.getMessage());
        assertArrayEquals(junk, Files.readAllBytes(db), "the file is not touched");
    }

    @Test
    void anEmptiedDatabaseFileIsRefusedNotReplacedByAFreshOne() throws Exception {
        try (Store store = Store.open(dir)) {
            store.progress().put("u1", "kept", "before");
        }
        Path db = dir.resolve(StoreConfig.DB_FILE);
        Files.write(db, new byte[0]); // truncated by a bad copy, a full disk, an editor
        Files.deleteIfExists(dir.resolve(StoreConfig.DB_FILE + "-wal"));
        StoreException e = assertThrows(StoreException.class, () -> Store.open(dir));
        assertEquals(StoreException.Kind.CORRUPT, e.kind());
        assertTrue(e.getMessage().contains("empty (0 bytes)"), e.getMessage());
        assertTrue(e.getMessage().contains(db.toString()), e.getMessage());
        assertEquals(0, Files.size(db), "the file is left as it was");
        // a file that does not exist is a fresh start, and a fresh database is never 0 bytes long
        Files.delete(db);
        Store.open(dir).close();
        assertTrue(Files.size(db) > 0);
        Store.open(dir).close();
    }

    @Test
    void aDatabaseWithDamagedPagesIsReportedAtStart() throws Exception {
        try (Store store = Store.open(dir)) {
            ObjectNode big = JSON.createObjectNode().put("text", "Добрый день! ".repeat(300));
            for (int i = 0; i < 200; i++) {
                store.sessions().put(new SessionKey("chat" + i, "u"), new SessionState("drill", big, 1));
            }
        }
        Path db = dir.resolve(StoreConfig.DB_FILE);
        long size = Files.size(db);
        assertTrue(size > 200_000, "size " + size);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            byte[] garbage = new byte[4096 * 8];
            Arrays.fill(garbage, (byte) 0x5A);
            f.seek(4096 * 3);
            f.write(garbage);
        }
        byte[] damaged = Files.readAllBytes(db);
        StoreException e = assertThrows(StoreException.class, () -> Store.open(dir));
        assertEquals(StoreException.Kind.CORRUPT, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        assertTrue(e.getMessage().contains("backup"), e.getMessage());
        assertArrayEquals(damaged, Files.readAllBytes(db), "the file is not touched");
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsReported() throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        StoreException e = assertThrows(StoreException.class, () -> Store.open(file.resolve("data")));
        assertTrue(e.getMessage().contains("cannot create the data directory"), e.getMessage());
        assertTrue(e.getMessage().contains("COACH_DATA_DIR"), e.getMessage());
        StoreException f = assertThrows(StoreException.class, () -> Store.open(file));
        assertEquals(StoreException.Kind.CONFIG, f.kind());
        assertTrue(f.getMessage().contains("is a file, not a directory"), f.getMessage());
    }

    @Test
    void aReadOnlyDirectoryIsReported() throws Exception {
        Path ro;
        if ("root".equals(System.getProperty("user.name"))) {
            // root ignores permission bits; a read-only file system still stops it
            ro = Path.of("/sys");
            boolean writable;
            try {
                Files.delete(Files.createTempFile(ro, "probe", ".tmp"));
                writable = true;
            } catch (java.io.IOException e) {
                writable = false;
            }
            assumeFalse(writable, "needs a directory root cannot write");
        } else {
            ro = dir.resolve("ro");
            Files.createDirectory(ro);
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        StoreException e = assertThrows(StoreException.class, () -> Store.open(ro));
        assertEquals(StoreException.Kind.READ_ONLY, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        assertTrue(e.getMessage().contains(ro.toString()), e.getMessage());
    }

    @Test
    void aFullDiskFailsTheWholeTransactionAndKeepsWhatWasSaved() {
        // cap the file so the disk "fills up" after the schema and a little data
        StoreConfig config = StoreConfig.sqlite(dir).withSqliteMaxPageCount(60);
        try (Store store = Store.open(config)) {
            store.progress().put("u1", "kept", "before");
            SessionKey key = new SessionKey("c", "u");
            store.sessions().put(key, new SessionState("drill", JSON.createObjectNode().put("turn", 1), 1));
            StoreException full = null;
            for (int i = 0; i < 100 && full == null; i++) {
                try {
                    store.progress().put("u1", "big" + i, "x".repeat(20_000));
                } catch (StoreException e) {
                    full = e;
                }
            }
            assertTrue(full != null, "the capped database filled up");
            assertEquals(StoreException.Kind.DISK_FULL, full.kind());
            assertTrue(full.getMessage().contains("disk is full"), full.getMessage());
            assertTrue(full.getMessage().contains("Nothing of this change was saved"), full.getMessage());

            // a transaction of two writes whose second does not fit leaves neither
            StoreException e = assertThrows(StoreException.class, () -> store.tx("test", c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO progress (user_id, item_key, item_value, updated_at) VALUES (?, ?, ?, 0)")) {
                    ps.setString(1, "u2");
                    ps.setString(2, "first");
                    ps.setString(3, "small");
                    ps.executeUpdate();
                    ps.setString(2, "second");
                    ps.setString(3, "y".repeat(400_000));
                    ps.executeUpdate();
                }
                return null;
            }));
            assertEquals(StoreException.Kind.DISK_FULL, e.kind());
            assertEquals(Optional.empty(), store.progress().get("u2", "first"), "no half-written rows");

            // a session update that does not fit keeps the previous state
            assertThrows(StoreException.class, () -> store.sessions().put(key,
                    new SessionState("drill", JSON.createObjectNode().put("turn", 2).put("pad", "z".repeat(400_000)), 2)));
            assertEquals(1, store.sessions().get(key).orElseThrow().data().get("turn").asInt());
            assertEquals(Optional.of("before"), store.progress().get("u1", "kept"));
            // and small writes still work once they fit
            store.progress().remove("u1", "big0");
            store.progress().put("u1", "after", "ok");
            assertEquals(Optional.of("ok"), store.progress().get("u1", "after"));
        }
    }
}
