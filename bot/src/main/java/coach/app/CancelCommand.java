package coach.app;

import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import coach.core.SessionState;
import coach.text.Lang;
import java.util.List;
import java.util.Optional;

/** /cancel: leaves the drill, quiz or fill-in in progress. */
public final class CancelCommand implements Command {
    @Override
    public String name() {
        return "cancel";
    }

    @Override
    public String description(Lang lang) {
        return lang == Lang.EN ? "Stop the current drill, quiz or form" : "Прервать тренировку, тест или заполнение";
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        Optional<SessionState> s = ctx.session();
        if (s.isEmpty()) {
            return List.of(Reply.of(ctx.t("cancel.nothing")));
        }
        ctx.endSession();
        return ctx.handler(s.get().kind()).map(h -> h.onCancel(ctx, s.get()))
                .orElse(List.of(Reply.of(ctx.t("cancel.done"))));
    }
}
