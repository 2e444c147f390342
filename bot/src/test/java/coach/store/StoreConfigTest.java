package coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreConfigTest {
    @Test
    void defaultsToSqliteInDataDir() {
        StoreConfig c = StoreConfig.fromEnv(Map.of());
        assertTrue(c.isSqlite());
        assertEquals(Path.of("data").toAbsolutePath().resolve("coach.db"), c.sqliteFile());
        StoreConfig d = StoreConfig.fromEnv(Map.of("COACH_DATA_DIR", "/var/lib/coach"));
        assertEquals(Path.of("/var/lib/coach/coach.db"), d.sqliteFile());
    }

    @Test
    void aPostgresUrlSwitchesTheDatabase() {
        StoreConfig c = StoreConfig.fromEnv(Map.of("COACH_DB_URL", "jdbc:postgresql://db:5432/coach?password=s3cret&ssl=true",
                "COACH_DB_USER", "coach", "COACH_DB_PASSWORD", "hunter2", "COACH_DATA_DIR", "/ignored"));
        assertTrue(c.isPostgres());
        assertEquals("coach", c.user());
        assertFalse(c.describe().contains("s3cret"), c.describe());
        assertFalse(StoreConfig.redact("jdbc:postgresql://bob:pw@db/x").contains("pw"));
        assertEquals(Path.of("/x/y.db"), StoreConfig.fromEnv(Map.of("COACH_DB_URL", "jdbc:sqlite:/x/y.db")).sqliteFile());
    }

    @Test
    void otherUrlsAreRefusedWithoutEchoingSecrets() {
        StoreException e = assertThrows(StoreException.class, () -> StoreConfig.fromEnv(Map.of("COACH_DB_URL", "jdbc:mysql://db/x?password=s3cret")));
        assertEquals(StoreException.Kind.CONFIG, e.kind());
        assertTrue(e.getMessage().contains("jdbc:postgresql:"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertThrows(StoreException.class, () -> StoreConfig.jdbc("jdbc:sqlite::memory:", null, null));
    }
}
