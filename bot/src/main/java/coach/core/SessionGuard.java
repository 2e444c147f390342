package coach.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Abandon or continue?": what a command that opens a session does when another one (a drill, the quiz, a form
 * of any feature) is already open. Asks before abandoning it, with buttons; abandons it on confirmation with
 * its handler's own cancel message; or picks it up where it stands through its handler's
 * {@link SessionHandler#resume}. Works for every session kind.
 */
public final class SessionGuard {
    private SessionGuard() {
    }

    /** "X is in progress. Abandon it?" with buttons running {@code abandonData} or {@code /<command> continue}. */
    public static List<Reply> ask(Context ctx, SessionState open, String command, String abandonData) {
        String title = ctx.handler(open.kind()).map(h -> h.title(ctx, open)).orElse(open.kind());
        return List.of(Reply.of(ctx.t("drill.busy", "title", title)).withButtons(List.of(
                List.of(new Button(ctx.t("drill.btn.abandon"), abandonData)),
                List.of(new Button(ctx.t("drill.btn.continue"), "/" + command + " continue")))));
    }

    /**
     * Ends the open session with its handler's own cancel message; with nothing open (an old «Бросить»
     * button pressed again) just says so. Callers may append to the list.
     */
    public static List<Reply> abandon(Context ctx) {
        Optional<SessionState> open = ctx.session();
        if (open.isEmpty()) {
            return new ArrayList<>(List.of(Reply.of(ctx.t("drill.abandon.none"))));
        }
        ctx.endSession();
        return new ArrayList<>(ctx.handler(open.get().kind()).map(h -> h.onCancel(ctx, open.get()))
                .orElse(List.of(Reply.of(ctx.t("cancel.done")))));
    }

    /** Shows where the open session stands so the user can go on answering (its handler's {@link SessionHandler#resume}). */
    public static List<Reply> resume(Context ctx) {
        Optional<SessionState> open = ctx.session();
        if (open.isEmpty()) {
            return List.of(Reply.of(ctx.t("drill.continue.none")));
        }
        SessionState s = open.get();
        return ctx.handler(s.kind()).map(h -> h.resume(ctx, s))
                .orElse(List.of(Reply.of(ctx.t("drill.continue.other", "title", s.kind()))));
    }
}
