package coach.phrasing;

import java.util.Optional;

/**
 * A developer's trace of why a sentence got no version: with {@code -Dcoach.trace=true} every candidate the rewriter
 * builds, and the check that turned it down, goes to standard error. Off by default; costs one field read when off.
 */
final class Trace {
    static final boolean ON = Boolean.getBoolean("coach.trace");

    private Trace() {
    }

    /** The check that failed, traced; always false. */
    static boolean no(String where) {
        if (ON) {
            System.err.println("  rejected at " + where);
        }
        return false;
    }

    /** A build step that gave up, traced; always empty. */
    static Optional<String> none(String where) {
        if (ON) {
            System.err.println("  no candidate: " + where);
        }
        return Optional.empty();
    }

    static void say(String what) {
        if (ON) {
            System.err.println(what);
        }
    }
}
