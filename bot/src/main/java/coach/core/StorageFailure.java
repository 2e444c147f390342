package coach.core;

/**
 * A failure to save something (implemented by the store's exceptions, so the core needs no store
 * import): the user is told what was not saved, and the log gets one line without a stack trace.
 */
public interface StorageFailure {
    /** What was being saved, as a short English phrase ("saving a subscription"), or null. */
    String operation();

    /** The disk (or the database's size limit) is full: it passes once space is freed. */
    boolean diskFull();

    /** The storage cannot take writes right now (full, busy, unreachable, read-only); not a conflict or a bug. */
    boolean unavailable();
}
