package coach.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the store keeps its data. By default an embedded SQLite file {@code coach.db} in
 * {@code COACH_DATA_DIR} (default {@code ./data}); a {@code jdbc:postgresql:} URL in
 * {@code COACH_DB_URL} (with {@code COACH_DB_USER} / {@code COACH_DB_PASSWORD}, or the credentials in
 * the URL) switches to PostgreSQL, for several replicas sharing one database.
 */
public final class StoreConfig {
    public static final String DB_FILE = "coach.db";
    static final int DEFAULT_BUSY_TIMEOUT_MS = 10_000;

    private final String url;
    private final String user;
    private final String password;
    private final Path dataDir;
    private final int poolSize;
    private final int busyTimeoutMs;
    private final int sqliteMaxPageCount;

    private StoreConfig(String url, String user, String password, Path dataDir, int poolSize, int busyTimeoutMs, int sqliteMaxPageCount) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.dataDir = dataDir;
        this.poolSize = poolSize;
        this.busyTimeoutMs = busyTimeoutMs;
        this.sqliteMaxPageCount = sqliteMaxPageCount;
    }

    /** The configuration the environment asks for (see the class comment). */
    public static StoreConfig fromEnvironment() {
        return fromEnv(System.getenv());
    }

    static StoreConfig fromEnv(Map<String, String> env) {
        String url = env.get("COACH_DB_URL");
        if (url != null && !url.isBlank()) {
            return jdbc(url.strip(), env.get("COACH_DB_USER"), env.get("COACH_DB_PASSWORD"));
        }
        String dir = env.get("COACH_DATA_DIR");
        return sqlite(Path.of(dir == null || dir.isBlank() ? "data" : dir.strip()));
    }

    /** An SQLite file {@code coach.db} in {@code dataDir} (created if missing). */
    public static StoreConfig sqlite(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        return new StoreConfig("jdbc:sqlite:" + dir.resolve(DB_FILE), null, null, dir, 4, DEFAULT_BUSY_TIMEOUT_MS, 0);
    }

    /** A JDBC URL: {@code jdbc:postgresql://host:port/db} or {@code jdbc:sqlite:/path/file.db}. */
    public static StoreConfig jdbc(String url, String user, String password) {
        if (url.startsWith("jdbc:sqlite:")) {
            String file = url.substring("jdbc:sqlite:".length());
            if (file.isBlank() || file.startsWith(":memory:") || file.startsWith("file:")) {
                throw new StoreException(StoreException.Kind.CONFIG, "COACH_DB_URL: only a plain SQLite file path is supported (jdbc:sqlite:/path/coach.db)");
            }
            Path p = Path.of(file).toAbsolutePath().normalize();
            return new StoreConfig("jdbc:sqlite:" + p, null, null, p.getParent(), 4, DEFAULT_BUSY_TIMEOUT_MS, 0);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new StoreConfig(url, blankToNull(user), blankToNull(password), null, 8, DEFAULT_BUSY_TIMEOUT_MS, 0);
        }
        throw new StoreException(StoreException.Kind.CONFIG,
                "COACH_DB_URL must be a jdbc:postgresql: or jdbc:sqlite: URL, not '" + redact(url) + "'");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The same configuration with another connection-pool size. */
    public StoreConfig withPoolSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1");
        }
        return new StoreConfig(url, user, password, dataDir, size, busyTimeoutMs, sqliteMaxPageCount);
    }

    /** How long a writer waits for another one (another process) before giving up. */
    public StoreConfig withBusyTimeoutMs(int ms) {
        return new StoreConfig(url, user, password, dataDir, poolSize, ms, sqliteMaxPageCount);
    }

    /** Caps the SQLite file at this many pages: tests use it to make the database "full". */
    StoreConfig withSqliteMaxPageCount(int pages) {
        return new StoreConfig(url, user, password, dataDir, poolSize, busyTimeoutMs, pages);
    }

    public boolean isSqlite() {
        return url.startsWith("jdbc:sqlite:");
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** The SQLite file, or null for a server database. */
    public Path sqliteFile() {
        return isSqlite() ? Path.of(url.substring("jdbc:sqlite:".length())) : null;
    }

    Path dataDir() {
        return dataDir;
    }

    int poolSize() {
        return poolSize;
    }

    int busyTimeoutMs() {
        return busyTimeoutMs;
    }

    int sqliteMaxPageCount() {
        return sqliteMaxPageCount;
    }

    /** The database for logs and error messages, without credentials. */
    public String describe() {
        return isSqlite() ? sqliteFile().toString() : redact(url);
    }

    /** A URL with its query (where passwords hide) and any user:password@ part removed. */
    static String redact(String url) {
        String u = url;
        int q = u.indexOf('?');
        if (q >= 0) {
            u = u.substring(0, q) + "?…";
        }
        return u.replaceAll("//[^/@]*@", "//…@");
    }
}
