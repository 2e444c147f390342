package coach.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What several replicas on one database need to handle Telegram's updates as one process would:
 * the ids of updates already handled (kept a day, so a second delivery of the same update is
 * handled once), and a lock per chat, so the updates of one chat are handled one at a time whichever
 * replica they reach. On PostgreSQL the lock is a session-level advisory lock held on a connection of
 * its own while the chat's update is handled (a replica that dies releases it with its connection);
 * on SQLite, which one process owns, the in-process per-chat queue is the lock already.
 */
public final class UpdateLedger {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateLedger.class);
    /** Namespace of the coach's advisory locks (the first int of the two-int form): "coac". */
    private static final int LOCK_SPACE = 0x636f6163;

    /** A chat's lock, released by {@link #close()}. */
    public interface ChatLock extends AutoCloseable {
        /** Whether the update was handled already (asked on the lock's own connection). */
        boolean handled(long updateId);

        @Override
        void close();
    }

    private final Store store;
    /** SQLite (one process): ids handled recently, and those not yet written (written in groups by {@link #flush()}). */
    private final java.util.Set<Long> recent = java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Long, Boolean> eldest) {
            return size() > 100_000;
        }
    });
    private final java.util.List<Long> unwritten = new java.util.ArrayList<>();

    UpdateLedger(Store store) {
        this.store = store;
    }

    /** Whether replicas share this store (PostgreSQL): then chats are locked across processes. */
    public boolean shared() {
        return store.config().isPostgres();
    }

    /** Whether the update was handled already (by any replica). */
    public boolean handled(long updateId) {
        if (!shared()) {
            synchronized (recent) {
                if (recent.contains(updateId)) {
                    return true;
                }
            }
        }
        return store.read("checking a handled update", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM handled_updates WHERE update_id = ?")) {
                ps.setLong(1, updateId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * Records the update as handled; false when it was recorded already. On PostgreSQL it is written at
     * once (another replica may be waiting for the chat's lock to check it); on SQLite, which one process
     * owns, it is remembered in memory at once and written with others by {@link #flush()} (a synced
     * write per update would bound the bot to the disk's fsync rate).
     */
    public boolean markHandled(long updateId, Instant now) {
        if (!shared()) {
            synchronized (recent) {
                if (!recent.add(updateId)) {
                    return false;
                }
                unwritten.add(updateId);
            }
            return true;
        }
        return markNow(updateId, now);
    }

    /** Writes the handled ids remembered on SQLite, in one transaction (the bot calls it every few hundred ms and at shutdown). */
    public void flush() {
        List<Long> ids;
        synchronized (recent) {
            if (unwritten.isEmpty()) {
                return;
            }
            ids = new java.util.ArrayList<>(unwritten);
            unwritten.clear();
        }
        long now = System.currentTimeMillis();
        try {
            store.tx("recording handled updates", c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO handled_updates (update_id, handled_at) VALUES (?, ?) ON CONFLICT (update_id) DO NOTHING")) {
                    for (long id : ids) {
                        ps.setLong(1, id);
                        ps.setLong(2, now);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        } catch (StoreException e) {
            synchronized (recent) {
                unwritten.addAll(0, ids);
            }
            throw e;
        }
    }

    private boolean markNow(long updateId, Instant now) {
        return store.relaxed("recording a handled update", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO handled_updates (update_id, handled_at) VALUES (?, ?) ON CONFLICT (update_id) DO NOTHING")) {
                ps.setLong(1, updateId);
                ps.setLong(2, now.toEpochMilli());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Forgets handled ids recorded before {@code before}; returns how many. */
    public int purge(Instant before) {
        return store.tx("purging handled update ids", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM handled_updates WHERE handled_at < ?")) {
                ps.setLong(1, before.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    /** How many handled ids are kept. */
    public int count() {
        flush();
        return store.read("counting handled updates", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM handled_updates"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /**
     * Takes the chat's lock, waiting while another replica holds it; on SQLite a no-op. Throws
     * {@link StoreException} when the database cannot be reached (the update is then not handled now).
     */
    public ChatLock lock(String chatKey) {
        if (!shared()) {
            return new ChatLock() {
                @Override
                public boolean handled(long updateId) {
                    return UpdateLedger.this.handled(updateId);
                }

                @Override
                public void close() {
                }
            };
        }
        int key = chatKey.hashCode() ^ (chatKey.length() << 27);
        long t0 = System.nanoTime();
        Connection c;
        try {
            c = store.connection();
        } catch (SQLException e) {
            throw store.translate("taking a chat's lock", e);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
            ps.setInt(1, LOCK_SPACE);
            ps.setInt(2, key);
            ps.execute();
        } catch (SQLException e) {
            closeQuietly(c);
            throw store.translate("taking a chat's lock", e);
        }
        store.observe(System.nanoTime() - t0);
        return new ChatLock() {
            @Override
            public boolean handled(long updateId) {
                long t1 = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM handled_updates WHERE update_id = ?")) {
                    ps.setLong(1, updateId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                } catch (SQLException e) {
                    throw store.translate("checking a handled update", e);
                } finally {
                    store.observe(System.nanoTime() - t1);
                }
            }

            @Override
            public void close() {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                    ps.setInt(1, LOCK_SPACE);
                    ps.setInt(2, key);
                    ps.execute();
                } catch (SQLException e) {
                    // the lock goes with the session: evict the connection so it is not kept by the pool
                    LOG.warn("a chat's lock could not be released ({}); its connection is closed", e.getMessage());
                    store.evict(c);
                } finally {
                    closeQuietly(c);
                }
            }
        };
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("closing a lock connection", e);
        }
    }

    static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
