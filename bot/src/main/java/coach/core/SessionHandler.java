package coach.core;

import java.util.List;

/**
 * An explicit state machine for one kind of multi-step conversation. The core hands it every free
 * text a user sends while its session is open; {@code /cancel} ends it.
 */
public interface SessionHandler {
    String kind();

    /** Handles the user's next text (possibly blank: answer that clearly); the handler saves or ends the session through {@link Context}. */
    List<Reply> onText(Context ctx, SessionState state, String text);

    /** A short name of the session for "you are in the middle of …" messages. */
    String title(Context ctx, SessionState state);

    /**
     * A passive session only remembers something for the next message or button (the last routed text,
     * an offer to fill in a template): it is not "in progress", so {@link Context#session()} does not
     * show it, /cancel has nothing to cancel and other features may simply replace it.
     */
    default boolean passive() {
        return false;
    }

    /**
     * Where the session stands, so the user can go on answering ("continue" after a restart or under the
     * {@link SessionGuard}'s question): by default only its title.
     */
    default List<Reply> resume(Context ctx, SessionState state) {
        return List.of(Reply.of(ctx.t("drill.continue.other", "title", title(ctx, state))));
    }

    /** What to say when the user leaves the session with /cancel (may summarise progress). */
    default List<Reply> onCancel(Context ctx, SessionState state) {
        return List.of(Reply.of(ctx.t("session.cancelled", "title", title(ctx, state))));
    }
}
