package coach.core;

import java.util.List;

/** Decides what handles text that is neither a command nor part of a session. */
@FunctionalInterface
public interface FreeTextRouter {
    /** The command name (without slash) that should receive {@code text} as its arguments. */
    String commandFor(Context ctx, String text);

    /** Handles the text: by default runs {@link #commandFor}'s command; a router may add to or shape the replies. */
    default List<Reply> route(Context ctx, String text) {
        return ctx.run(commandFor(ctx, text), text);
    }
}
