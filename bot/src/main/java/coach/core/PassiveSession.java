package coach.core;

import java.util.List;

/**
 * A session that only remembers something for the buttons under the last answer (the last text, a filled form):
 * it never blocks another command, the next message ends it and is handled as usual, and /cancel has nothing to
 * cancel. Subclasses name their kind.
 */
public abstract class PassiveSession implements SessionHandler {

    @Override
    public final boolean passive() {
        return true;
    }

    @Override
    public List<Reply> onText(Context ctx, SessionState state, String text) {
        ctx.endSession();
        if (text.isBlank()) {
            return List.of(Reply.of(ctx.t("input.empty")));
        }
        return ctx.route(text);
    }

    @Override
    public String title(Context ctx, SessionState state) {
        return "";
    }

    @Override
    public List<Reply> onCancel(Context ctx, SessionState state) {
        return List.of(Reply.of(ctx.t("cancel.nothing")));
    }
}
