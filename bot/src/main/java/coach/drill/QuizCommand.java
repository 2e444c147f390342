package coach.drill;

import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import coach.core.SessionState;
import coach.core.Texts;
import coach.text.Lang;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** /quiz starts the guide's self-check; during any session it asks before abandoning it. */
final class QuizCommand implements Command {
    private final QuizSessionHandler handler;
    private final SessionGuard guard;

    QuizCommand(QuizSessionHandler handler, SessionGuard guard) {
        this.handler = handler;
        this.guard = guard;
    }

    @Override
    public String name() {
        return "quiz";
    }

    @Override
    public String description(Lang lang) {
        return Texts.get(lang, "quiz.cmd.description");
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        String a = args.strip().toLowerCase(Locale.ROOT);
        if (a.equals("continue")) {
            return guard.resume(ctx);
        }
        if (a.equals("abandon")) {
            if (ctx.session().isEmpty()) {
                return guard.abandon(ctx); // an old «Бросить» button: nothing open, nothing started
            }
            List<Reply> out = guard.abandon(ctx);
            out.addAll(handler.start(ctx));
            return out;
        }
        Optional<SessionState> open = ctx.session();
        if (open.isPresent()) {
            return guard.ask(ctx, open.get(), name(), "/quiz abandon");
        }
        return handler.start(ctx);
    }
}
