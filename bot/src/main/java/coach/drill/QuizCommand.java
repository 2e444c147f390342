package coach.drill;

import coach.core.Button;
import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import coach.core.SessionGuard;
import coach.core.SessionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * /quiz starts the guide's self-check; when questions answered poorly before are due again it offers
 * them first ("/quiz review" answers only those, "/quiz all" the whole self-check). During any session
 * it asks before abandoning it.
 */
final class QuizCommand implements Command.Handler {
    private final Drills drills;
    private final QuizSessionHandler handler;

    QuizCommand(Drills drills, QuizSessionHandler handler) {
        this.drills = drills;
        this.handler = handler;
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        String a = args.strip().toLowerCase(Locale.ROOT);
        if (a.equals("continue")) {
            return SessionGuard.resume(ctx);
        }
        if (a.equals("abandon") || a.equals("abandon review")) {
            if (ctx.session().isEmpty()) {
                return SessionGuard.abandon(ctx); // an old «Бросить» button: nothing open, nothing started
            }
            List<Reply> out = SessionGuard.abandon(ctx);
            out.addAll(a.endsWith("review") ? review(ctx) : handler.start(ctx));
            return out;
        }
        Optional<SessionState> open = ctx.session();
        if (open.isPresent()) {
            return SessionGuard.ask(ctx, open.get(), "quiz", a.equals("review") ? "/quiz abandon review" : "/quiz abandon");
        }
        if (a.equals("review")) {
            return review(ctx);
        }
        if (!a.equals("all")) {
            List<Integer> due = due(ctx);
            if (!due.isEmpty()) {
                return List.of(Reply.of(ctx.t("quiz.review.offer", "count", due.size())).withButtons(List.of(
                        List.of(new Button(ctx.t("quiz.btn.review", "count", due.size()), "/quiz review")),
                        List.of(new Button(ctx.t("quiz.btn.all"), "/quiz all")))));
            }
        }
        return handler.start(ctx);
    }

    private List<Reply> review(Context ctx) {
        List<Integer> due = due(ctx);
        return due.isEmpty() ? List.of(Reply.of(ctx.t("quiz.review.none")).withButtons(List.of(List.of(new Button(ctx.t("quiz.btn.all"), "/quiz all")))))
                : handler.startReview(ctx, due);
    }

    private List<Integer> due(Context ctx) {
        List<Integer> out = new ArrayList<>();
        for (String id : drills.results().dueQuizItems(ctx.in().userId())) {
            int i = drills.quizQuestionIndex(id);
            if (i >= 0 && !out.contains(i)) {
                out.add(i);
            }
        }
        return out;
    }
}
