package coach.drill;

import coach.core.Button;
import coach.core.Context;
import coach.core.Reply;
import coach.core.SessionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What /drill and /quiz do when a session (a drill, the quiz, or another feature's form) is already open:
 * ask before abandoning it, with buttons; abandon it on confirmation; or pick it up where it stands.
 */
final class SessionGuard {
    private final DrillSessionHandler drill;
    private final QuizSessionHandler quiz;

    SessionGuard(DrillSessionHandler drill, QuizSessionHandler quiz) {
        this.drill = drill;
        this.quiz = quiz;
    }

    /** "X is in progress. Abandon it?" with buttons running {@code abandonData} or {@code /<command> continue}. */
    List<Reply> ask(Context ctx, SessionState open, String command, String abandonData) {
        String title = ctx.handler(open.kind()).map(h -> h.title(ctx, open)).orElse(open.kind());
        return List.of(Reply.of(ctx.t("drill.busy", "title", title)).withButtons(List.of(
                List.of(new Button(ctx.t("drill.btn.abandon"), abandonData)),
                List.of(new Button(ctx.t("drill.btn.continue"), "/" + command + " continue")))));
    }

    /**
     * Ends the open session with its handler's own cancel message; with nothing open (an old «Бросить»
     * button pressed again) just says so. Callers may append to the list.
     */
    List<Reply> abandon(Context ctx) {
        Optional<SessionState> open = ctx.session();
        if (open.isEmpty()) {
            return new ArrayList<>(List.of(Reply.of(ctx.t("drill.abandon.none"))));
        }
        ctx.endSession();
        return new ArrayList<>(ctx.handler(open.get().kind()).map(h -> h.onCancel(ctx, open.get()))
                .orElse(List.of(Reply.of(ctx.t("cancel.done")))));
    }

    /** Shows where the open session stands so the user can go on answering. */
    List<Reply> resume(Context ctx) {
        Optional<SessionState> open = ctx.session();
        if (open.isEmpty()) {
            return List.of(Reply.of(ctx.t("drill.continue.none")));
        }
        SessionState s = open.get();
        if (s.kind().equals(DrillSessionHandler.KIND)) {
            return drill.resume(ctx, s);
        }
        if (s.kind().equals(QuizSessionHandler.KIND)) {
            return quiz.resume(ctx, s);
        }
        String title = ctx.handler(s.kind()).map(h -> h.title(ctx, s)).orElse(s.kind());
        return List.of(Reply.of(ctx.t("drill.continue.other", "title", title)));
    }
}
