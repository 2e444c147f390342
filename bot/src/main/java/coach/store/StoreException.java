package coach.store;

/**
 * The store could not do what was asked. The message says what failed and why in words an operator
 * can act on (corrupt file, read-only directory, full disk, unreachable server); the change that
 * failed was rolled back as a whole. It never contains a password.
 */
public class StoreException extends RuntimeException implements coach.core.StorageFailure {
    /** What kind of problem, for callers that react differently (and for tests). */
    public enum Kind {
        /** The configuration is wrong (unsupported URL, unusable data directory path). */
        CONFIG,
        /** The database file is damaged or is not a database at all. */
        CORRUPT,
        /** The file or its directory cannot be written. */
        READ_ONLY,
        /** No space left (or the database reached its size limit). */
        DISK_FULL,
        /** Another process held the database locked for longer than the busy timeout. */
        BUSY,
        /** The database cannot be opened or reached. */
        UNAVAILABLE,
        /** A session was saved over a newer version of itself (a lost update was refused). */
        CONFLICT,
        /** A stored row cannot be decoded (e.g. a time zone this JVM does not know). */
        BAD_ROW,
        /** Anything else. */
        OTHER
    }

    private final Kind kind;
    private String operation;

    public StoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** What was being done ("saving a subscription"), when known. */
    @Override
    public String operation() {
        return operation;
    }

    @Override
    public boolean diskFull() {
        return kind == Kind.DISK_FULL;
    }

    @Override
    public boolean unavailable() {
        return kind == Kind.DISK_FULL || kind == Kind.BUSY || kind == Kind.UNAVAILABLE || kind == Kind.READ_ONLY;
    }

    StoreException during(String what) {
        this.operation = what;
        return this;
    }
}
