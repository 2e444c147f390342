package coach.progress;

import coach.core.Button;
import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import java.util.List;
import java.util.Locale;

/**
 * /forget (private chat): after a confirmation button, deletes everything the store holds about the
 * user (runs, answers, reviews, preferences, sessions, sharing, group memberships, the private chat's
 * subscription). "/forget confirm" is what the button sends; anything else only asks.
 */
final class ForgetCommand implements Command.Handler {
    private final ProgressFeature feature;

    ForgetCommand(ProgressFeature feature) {
        this.feature = feature;
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        if (ctx.in().chatType().isGroupLike()) {
            return List.of(Reply.of(ctx.t("forget.private_only")));
        }
        String a = args.strip().toLowerCase(Locale.ROOT);
        if (a.equals("confirm")) {
            feature.forget(ctx.in().userId(), ctx.in().chatId());
            return List.of(Reply.of(ctx.t("forget.done")).asEdit());
        }
        if (a.equals("keep")) {
            return List.of(Reply.of(ctx.t("forget.kept")).asEdit());
        }
        return List.of(Reply.of(ctx.t("forget.ask")).withButtons(List.of(
                List.of(new Button(ctx.t("forget.btn.confirm"), "/forget confirm")),
                List.of(new Button(ctx.t("forget.btn.keep"), "/forget keep")))));
    }
}
