package coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The send limits kept in the store (GCRA): a burst, then one slot per interval, shared by every
 * store instance on the database (two replicas); and the handled update ids. SQLite always,
 * PostgreSQL too when {@code COACH_TEST_PG_URL} is set.
 */
class SendPaceTest {
    @TempDir
    Path dir;

    /** 3 per 300 ms: an interval of 100 ms, a tolerance of 200 ms. */
    static void burstThenSpacing(SendPace a, SendPace b) {
        long now = 1_000_000;
        assertEquals(0, a.reserve("chat:1", now, 100, 200, 1000));
        assertEquals(0, b.reserve("chat:1", now, 100, 200, 1000), "the other replica's message counts");
        assertEquals(0, a.reserve("chat:1", now, 100, 200, 1000));
        assertEquals(100, b.reserve("chat:1", now, 100, 200, 1000), "the fourth waits for its slot");
        assertEquals(200, a.reserve("chat:1", now, 100, 200, 1000));
        assertEquals(-1, a.reserve("chat:1", now, 100, 200, 250), "a slot further away than the caller may wait is not taken");
        assertEquals(300, b.reserve("chat:1", now, 100, 200, 1000), "and the refused one took nothing");
        assertEquals(0, a.reserve("chat:2", now, 100, 200, 1000), "other chats have their own");
        assertEquals(0, a.reserve("chat:1", now + 10_000, 100, 200, 1000), "after a quiet while the burst is back");
        assertEquals(1, a.purge(now + 5_000), "chat:2's old row is purged, chat:1's recent one kept");
    }

    @Test
    void sqlite() {
        try (Store s = Store.open(dir)) {
            burstThenSpacing(s.pace(), s.pace());
            UpdateLedger l = s.updates();
            assertFalse(l.shared());
            assertFalse(l.handled(7));
            assertTrue(l.markHandled(7, Instant.now()));
            assertFalse(l.markHandled(7, Instant.now()), "once");
            assertTrue(l.handled(7));
            l.flush();
        }
        try (Store s = Store.open(dir)) {
            assertTrue(s.updates().handled(7), "written, so known after a restart");
            assertEquals(1, s.updates().purge(Instant.now().plusSeconds(1)));
            assertEquals(0, s.updates().count());
        }
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable(named = "COACH_TEST_PG_URL", matches = ".+")
    void postgresTwoReplicas() throws Exception {
        coach.TestPg pg = coach.TestPg.freshSchema("coach_pace_it");
        String url = pg.url();
        String user = pg.user();
        String password = pg.password();
        try (Store a = Store.open(StoreConfig.jdbc(url, user, password)); Store b = Store.open(StoreConfig.jdbc(url, user, password))) {
            burstThenSpacing(a.pace(), b.pace());
            assertTrue(a.updates().shared());
            assertTrue(a.updates().markHandled(11, Instant.now()));
            assertTrue(b.updates().handled(11), "the other replica sees it at once");
            assertFalse(b.updates().markHandled(11, Instant.now()));
            // the chat lock: b waits while a holds it
            java.util.concurrent.atomic.AtomicLong got = new java.util.concurrent.atomic.AtomicLong();
            Thread t;
            try (UpdateLedger.ChatLock l = a.updates().lock("c42")) {
                t = new Thread(() -> {
                    try (UpdateLedger.ChatLock m = b.updates().lock("c42")) {
                        got.set(System.nanoTime());
                    }
                });
                t.start();
                t.join(300);
                assertEquals(0, got.get(), "b waits for a's lock");
            }
            t.join(5000);
            assertTrue(got.get() > 0, "and gets it once a lets go");
            try (UpdateLedger.ChatLock l = a.updates().lock("c42"); UpdateLedger.ChatLock m = b.updates().lock("c43")) {
                assertTrue(true, "another chat's lock is free");
            }
        }
    }
}
