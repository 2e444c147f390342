package coach.core;

/** Decides which command handles text that is neither a command nor part of a session. */
@FunctionalInterface
public interface FreeTextRouter {
    /** The command name (without slash) that should receive {@code text} as its arguments. */
    String commandFor(Context ctx, String text);
}
