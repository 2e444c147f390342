package coach.store;

import coach.core.ChatEvents;
import coach.core.SessionStore;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Everything the coach remembers: conversations in progress, daily-tip subscriptions and deliveries,
 * per-user language and progress. One JDBC database, SQLite by default (WAL, a busy timeout, full
 * fsync on commit) or PostgreSQL, with the schema kept by Flyway migrations in {@code db/migration}.
 * Every change runs in a transaction, so a failure (full disk, lost connection) leaves no half-written
 * rows; failures surface as {@link StoreException} with a message an operator can act on.
 *
 * <p>Typical use: {@code try (Store store = Store.open(StoreConfig.fromEnvironment())) { … }}. Thread-safe.
 */
public final class Store implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    private final StoreConfig config;
    private final HikariDataSource pool;
    /** PostgreSQL: auto-commit connections whose commits do not wait for the disk, for bookkeeping (see {@link #relaxed}). */
    private final HikariDataSource relaxedPool;
    private final SessionStore sessions;
    private final Subscriptions subscriptions;
    private final TipLedger tips;
    private final Progress progress;
    private final UserPrefs users;
    private final Outbox outbox;
    private final Inbox inbox;
    private final UpdateLedger updates;
    private final SendPace pace;
    private volatile java.util.function.LongConsumer latency = n -> { };

    private Store(StoreConfig config, HikariDataSource pool, HikariDataSource relaxedPool) {
        this.config = config;
        this.pool = pool;
        this.relaxedPool = relaxedPool;
        this.sessions = new JdbcSessionStore(this);
        this.subscriptions = new Subscriptions(this);
        this.tips = new TipLedger(this);
        this.progress = new Progress(this);
        this.users = new UserPrefs(this);
        this.outbox = new Outbox(this);
        this.inbox = new Inbox(this);
        this.updates = new UpdateLedger(this);
        this.pace = new SendPace(this);
    }

    /**
     * Opens (creating if needed) and migrates the database. Fails with a clear {@link StoreException}
     * when the directory cannot be written, the file is corrupt or not a database, or the server cannot
     * be reached; it never replaces or repairs an existing file.
     */
    public static Store open(StoreConfig config) {
        if (config.isSqlite()) {
            preflightSqlite(config);
        }
        HikariDataSource pool = pool(config);
        try {
            migrate(config, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        LOG.info("store open: {}", config.describe());
        HikariDataSource relaxed = null;
        if (config.isPostgres()) {
            try {
                relaxed = relaxedPool(config);
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
        }
        return new Store(config, pool, relaxed);
    }

    /** An SQLite store in {@code dataDir}. */
    public static Store open(Path dataDir) {
        return open(StoreConfig.sqlite(dataDir));
    }

    public SessionStore sessions() {
        return sessions;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    public TipLedger tips() {
        return tips;
    }

    public Progress progress() {
        return progress;
    }

    public UserPrefs users() {
        return users;
    }

    /** Messages a transport could not send yet (kept across an outage and a restart). */
    public Outbox outbox() {
        return outbox;
    }

    /** Updates a transport received and has not finished handling. */
    public Inbox inbox() {
        return inbox;
    }

    /** Handled update ids and per-chat locks, for replicas sharing this store. */
    public UpdateLedger updates() {
        return updates;
    }

    /** Send limits shared through this store. */
    public SendPace pace() {
        return pace;
    }

    /** Reports the duration (nanoseconds) of every transaction and read, for metrics. */
    public void onLatency(java.util.function.LongConsumer listener) {
        this.latency = listener == null ? n -> { } : listener;
    }

    void observe(long nanos) {
        latency.accept(nanos);
    }

    /** Whether the database answers (a trivial query within a second or two): for readiness checks. */
    public boolean reachable() {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(2);
            st.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** An auto-commit connection for a chat's lock and bookkeeping (the caller closes it). */
    Connection connection() throws SQLException {
        return relaxedPool != null ? relaxedPool.getConnection() : pool.getConnection();
    }

    /** The pool drops this connection (from {@link #connection()}) instead of reusing it. */
    void evict(Connection c) {
        (relaxedPool != null ? relaxedPool : pool).evictConnection(c);
    }

    /**
     * One auto-commit statement's worth of bookkeeping that may be lost with the database server itself
     * (send slots, handled update ids): on PostgreSQL on a connection with {@code synchronous_commit = off},
     * so its commit (and a hot row's lock) does not wait for an fsync and it costs one round trip; other
     * sessions see the change at once, and only a crash of the server can lose its last fraction of a second.
     */
    <T> T relaxed(String what, Work<T> work) {
        long t0 = System.nanoTime();
        try (Connection c = connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(what, e);
        } finally {
            observe(System.nanoTime() - t0);
        }
    }

    /**
     * Membership events for the transport to report: a bot removed from a chat (or blocked by a user)
     * has the chat's daily tips switched off, so nothing is retried there forever.
     */
    public ChatEvents chatEvents() {
        return new ChatEvents() {
            @Override
            public void botRemoved(String chatId) {
                if (subscriptions.disable(chatId, Subscriptions.REASON_REMOVED)) {
                    LOG.info("bot removed from chat {}: daily tips disabled", chatId);
                }
            }

            @Override
            public void chatMigrated(String from, String to) {
                int moved = migrateChat(from, to);
                LOG.info("chat {} became supergroup {}: {} stored rows moved", from, to, moved);
            }
        };
    }

    /**
     * Moves what is kept for a chat to its new id (a group upgraded to a supergroup), in one transaction;
     * rows the new id already has win. Returns how many rows moved.
     */
    public int migrateChat(String from, String to) {
        Ids.check(from);
        Ids.check(to);
        return tx("moving a chat to its new id", c -> {
            int n = 0;
            String[] moves = {
                "UPDATE subscriptions SET chat_id = ? WHERE chat_id = ? AND NOT EXISTS (SELECT 1 FROM subscriptions x WHERE x.chat_id = ?)",
                "UPDATE sessions SET chat_id = ? WHERE chat_id = ? AND NOT EXISTS (SELECT 1 FROM sessions x WHERE x.chat_id = ? AND x.user_id = sessions.user_id)",
                "UPDATE tip_deliveries SET chat_id = ? WHERE chat_id = ? AND NOT EXISTS (SELECT 1 FROM tip_deliveries x WHERE x.chat_id = ? AND x.local_date = tip_deliveries.local_date)",
            };
            for (String sql : moves) {
                try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, to);
                    ps.setString(2, from);
                    ps.setString(3, to);
                    n += ps.executeUpdate();
                }
            }
            String[] streams = {
                "UPDATE tip_rotation SET stream = ? WHERE stream = ? AND NOT EXISTS (SELECT 1 FROM tip_rotation x WHERE x.stream = ?)",
                "UPDATE tip_seen SET stream = ? WHERE stream = ? AND NOT EXISTS (SELECT 1 FROM tip_seen x WHERE x.stream = ? AND x.tip_id = tip_seen.tip_id)",
            };
            for (String sql : streams) {
                try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, "daily:" + to);
                    ps.setString(2, "daily:" + from);
                    ps.setString(3, "daily:" + to);
                    n += ps.executeUpdate();
                }
            }
            return n;
        });
    }

    public StoreConfig config() {
        return config;
    }

    public String describe() {
        return config.describe();
    }

    @Override
    public void close() {
        pool.close();
        if (relaxedPool != null) {
            relaxedPool.close();
        }
    }

    // ---------------------------------------------------------------- transactions

    /** Work done with one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    <T> T tx(String what, Work<T> work) {
        long t0 = System.nanoTime();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                // SQLite's driver opens the next transaction right after a commit; close it at once.
                resetAutoCommit(c);
            }
        } catch (SQLException e) {
            throw translate(what, e);
        } finally {
            observe(System.nanoTime() - t0);
        }
    }

    /** Runs read-only work on an auto-commit connection (single statements see a consistent snapshot). */
    <T> T read(String what, Work<T> work) {
        long t0 = System.nanoTime();
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(what, e);
        } finally {
            observe(System.nanoTime() - t0);
        }
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void resetAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debug("could not reset auto-commit", e);
        }
    }

    // ---------------------------------------------------------------- opening

    private static void preflightSqlite(StoreConfig config) {
        Path dir = config.dataDir();
        Path file = config.sqliteFile();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StoreException(StoreException.Kind.CONFIG, "the data directory " + dir + " (COACH_DATA_DIR) is a file, not a directory");
        }
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir);
            } catch (IOException | SecurityException e) {
                boolean denied = e instanceof java.nio.file.AccessDeniedException || e instanceof SecurityException
                        || String.valueOf(e.getMessage()).contains("Read-only");
                throw new StoreException(denied ? StoreException.Kind.READ_ONLY : StoreException.Kind.CONFIG, "cannot create the data directory " + dir
                        + " (COACH_DATA_DIR): " + reason(e) + ". Point COACH_DATA_DIR to a writable directory.", e);
            }
        }
        if (!canCreateFiles(dir)) {
            throw new StoreException(StoreException.Kind.READ_ONLY, "the data directory " + dir
                    + " is read-only; the coach must write " + StoreConfig.DB_FILE + " and its -wal/-shm files there. "
                    + "Point COACH_DATA_DIR to a writable directory.");
        }
        if (Files.exists(file)) {
            if (Files.isDirectory(file) || !Files.isReadable(file)) {
                throw new StoreException(StoreException.Kind.UNAVAILABLE, "cannot read the database file " + file);
            }
            if (!Files.isWritable(file)) {
                throw new StoreException(StoreException.Kind.READ_ONLY, "the database file " + file + " is read-only");
            }
            if (isEmpty(file) && isEmpty(file.resolveSibling(file.getFileName() + "-wal"))) {
                // SQLite would quietly start a new database in it: an emptied file is damage, not a fresh start
                throw new StoreException(StoreException.Kind.CORRUPT, "the database file " + file + " is empty (0 bytes): "
                        + "it was truncated or never finished. The coach will not start over in it: restore it from a backup "
                        + "(see README, Backups), or delete the file to start with an empty database.");
            }
        }
        // Open once without the pool and check the file, so damage is reported before anything else runs.
        try (Connection c = sqliteDataSource(config).getConnection(); Statement st = c.createStatement()) {
            List<String> problems = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                while (rs.next()) {
                    String line = rs.getString(1);
                    if (!"ok".equalsIgnoreCase(line)) {
                        problems.add(line);
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new StoreException(StoreException.Kind.CORRUPT, "the database file " + file
                        + " is corrupt (" + String.join("; ", problems.subList(0, Math.min(3, problems.size())))
                        + "). The coach will not touch it: restore it from a backup or move it away to start empty.");
            }
        } catch (SQLException e) {
            throw translate(config, "opening the database", e);
        }
    }

    /**
     * Writes a consistent copy of the SQLite database to {@code target} with {@code VACUUM INTO}, while the
     * bot may keep running (a read transaction sees one committed state; writers are not blocked). The copy
     * is checked and then moved into place, so {@code target} is either the whole backup or absent.
     * Copying {@code coach.db} alone is not a backup: recent commits may still be only in {@code coach.db-wal}.
     *
     * @return the size of the backup in bytes
     */
    public static long backup(StoreConfig config, Path target) {
        if (!config.isSqlite()) {
            throw new StoreException(StoreException.Kind.CONFIG, "backup copies the SQLite database; for PostgreSQL use pg_dump "
                    + "(e.g. pg_dump -Fc -f coach.dump <database>)");
        }
        Path file = config.sqliteFile();
        if (!Files.isRegularFile(file)) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "there is no database at " + file + " (COACH_DATA_DIR) to back up");
        }
        Path out = target.toAbsolutePath();
        if (Files.exists(out)) {
            throw new StoreException(StoreException.Kind.CONFIG, "the backup file " + out + " exists already; choose a new name");
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try {
            Files.createDirectories(out.getParent());
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.CONFIG, "cannot write the backup to " + out + ": " + reason(e), e);
        }
        SQLiteConfig sc = new SQLiteConfig();
        sc.setReadOnly(true);
        sc.setBusyTimeout(config.busyTimeoutMs());
        try (Connection c = sc.createConnection(config.url()); java.sql.PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, tmp.toString());
            ps.execute();
        } catch (SQLException e) {
            deleteQuietly(tmp);
            throw translate(config, "writing a backup to " + out, e);
        }
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + tmp); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
            if (!rs.next() || !"ok".equalsIgnoreCase(rs.getString(1))) {
                throw new StoreException(StoreException.Kind.CORRUPT, "the backup written to " + tmp + " does not check out; it was kept for inspection");
            }
        } catch (SQLException e) {
            throw translate(config, "checking the backup " + tmp, e);
        }
        try {
            Files.move(tmp, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return Files.size(out);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.OTHER, "cannot move the backup into place at " + out + ": " + reason(e), e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("could not delete {}", p);
        }
    }

    /** Whether a file has no bytes (a missing file has none either). */
    private static boolean isEmpty(Path f) {
        try {
            return !Files.exists(f) || Files.size(f) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a file can really be created in {@code dir} (permission bits alone do not tell for root or odd file systems). */
    private static boolean canCreateFiles(Path dir) {
        if (!Files.isWritable(dir)) {
            return false;
        }
        try {
            Path probe = Files.createTempFile(dir, ".coach-write-check", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static SQLiteDataSource sqliteDataSource(StoreConfig config) {
        SQLiteConfig sc = new SQLiteConfig();
        sc.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a committed claim is on disk before the tip is sent, even if the machine loses power.
        sc.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sc.setBusyTimeout(config.busyTimeoutMs());
        // IMMEDIATE: a transaction takes the write lock when it begins, so two writers never deadlock on upgrade.
        sc.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        sc.enforceForeignKeys(true);
        if (config.sqliteMaxPageCount() > 0) {
            sc.setMaxPageCount(config.sqliteMaxPageCount());
        }
        SQLiteDataSource ds = new SQLiteDataSource(sc);
        ds.setUrl(config.url());
        return ds;
    }

    private static HikariDataSource pool(StoreConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("coach-store");
        hc.setMaximumPoolSize(config.poolSize());
        hc.setMinimumIdle(Math.min(2, config.poolSize()));
        hc.setConnectionTimeout(Math.max(30_000, config.busyTimeoutMs() + 5_000));
        if (config.isSqlite()) {
            hc.setDataSource(sqliteDataSource(config));
        } else {
            server(hc, config);
        }
        return open(hc, config);
    }

    /** The server's URL and credentials (PostgreSQL). */
    private static void server(HikariConfig hc, StoreConfig config) {
        hc.setJdbcUrl(config.url());
        if (config.user() != null) {
            hc.setUsername(config.user());
        }
        if (config.password() != null) {
            hc.setPassword(config.password());
        }
    }

    /** Opens a pool; a failure says what went wrong in the store's own terms (never with the password). */
    private static HikariDataSource open(HikariConfig hc, StoreConfig config) {
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            SQLException sql = findSql(e);
            throw sql != null ? translate(config, "opening the database", sql)
                    : new StoreException(StoreException.Kind.UNAVAILABLE, "cannot open the database " + config.describe() + ": " + reason(e), e);
        }
    }

    private static HikariDataSource relaxedPool(StoreConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("coach-store-relaxed");
        hc.setMaximumPoolSize(config.poolSize());
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(Math.max(30_000, config.busyTimeoutMs() + 5_000));
        hc.setConnectionInitSql("SET synchronous_commit TO OFF");
        server(hc, config);
        return open(hc, config);
    }

    private static void migrate(StoreConfig config, DataSource ds) {
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            SQLException sql = findSql(e);
            if (sql != null) {
                throw translate(config, "updating the database schema", sql);
            }
            throw new StoreException(StoreException.Kind.OTHER, "cannot update the database schema of " + config.describe() + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- errors

    StoreException translate(String what, SQLException e) {
        return translate(config, what, e);
    }

    static StoreException translate(StoreConfig config, String what, SQLException e) {
        return translated(config, what, e).during(what);
    }

    private static StoreException translated(StoreConfig config, String what, SQLException e) {
        String db = config.describe();
        String head = "database error while " + what + " (" + db + "): ";
        String tail = " Nothing of this change was saved.";
        if (config.isSqlite()) {
            int code = e.getErrorCode() & 0xFF;
            switch (code) {
                case 13: // SQLITE_FULL
                    return new StoreException(StoreException.Kind.DISK_FULL, head + "the disk is full (or the database reached its size limit)."
                            + tail + " Free some space; the coach goes on once writes succeed again.", e);
                case 11: // SQLITE_CORRUPT
                case 26: // SQLITE_NOTADB
                    return new StoreException(StoreException.Kind.CORRUPT, head + "the file is corrupt or is not an SQLite database."
                            + " The coach will not touch it: restore it from a backup or move it away to start empty.", e);
                case 8: // SQLITE_READONLY
                case 3: // SQLITE_PERM
                    return new StoreException(StoreException.Kind.READ_ONLY, head + "the file or its directory is read-only." + tail, e);
                case 14: // SQLITE_CANTOPEN
                    return new StoreException(StoreException.Kind.UNAVAILABLE, head + "cannot open the file (is the directory writable and the path right?).", e);
                case 5: // SQLITE_BUSY
                case 6: // SQLITE_LOCKED
                    return new StoreException(StoreException.Kind.BUSY, head + "another process kept the database locked for more than "
                            + config.busyTimeoutMs() + " ms." + tail, e);
                case 10: // SQLITE_IOERR
                    return new StoreException(StoreException.Kind.UNAVAILABLE, head + "an I/O error (" + reason(e) + ")." + tail, e);
                default:
                    return new StoreException(StoreException.Kind.OTHER, head + reason(e), e);
            }
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("53100")) {
            return new StoreException(StoreException.Kind.DISK_FULL, head + "the database server's disk is full." + tail, e);
        }
        if (state.equals("25006")) {
            return new StoreException(StoreException.Kind.READ_ONLY, head + "the database is read-only." + tail, e);
        }
        if (state.startsWith("XX00")) {
            return new StoreException(StoreException.Kind.CORRUPT, head + "the server reports corrupt data (" + reason(e) + ").", e);
        }
        if (state.startsWith("08") || state.equals("28P01") || state.equals("3D000") || state.startsWith("57P")) {
            return new StoreException(StoreException.Kind.UNAVAILABLE, head + "cannot reach or log in to the database server (" + reason(e) + ").", e);
        }
        return new StoreException(StoreException.Kind.OTHER, head + reason(e), e);
    }

    private static SQLException findSql(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof SQLException s) {
                return s;
            }
            if (x.getCause() == x) {
                break;
            }
        }
        return null;
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // Driver messages can echo a URL; never let credentials through.
        return m.replaceAll("(?i)(password=)[^&\\s]*", "$1…");
    }
}
