package coach.progress;

import coach.core.Button;
import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import coach.store.Practice;
import java.util.List;
import java.util.Locale;

/**
 * /share on|off (private chat): whether the admins of the groups the user and the bot share may see
 * the user's practice in /team and the weekly digest. Off until the user turns it on.
 */
final class ShareCommand implements Command.Handler {
    private final Practice practice;

    ShareCommand(Practice practice) {
        this.practice = practice;
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        if (ctx.in().chatType().isGroupLike()) {
            return List.of(Reply.of(ctx.t("share.private_only")));
        }
        String a = args.strip().toLowerCase(Locale.ROOT);
        String user = ctx.in().userId();
        switch (a) {
            case "on", "да", "вкл" -> {
                practice.setShared(user, true);
                return List.of(Reply.of(ctx.t("share.on")).withButtons(List.of(List.of(new Button(ctx.t("share.btn.off"), "/share off")))));
            }
            case "off", "нет", "выкл" -> {
                practice.setShared(user, false);
                return List.of(Reply.of(ctx.t("share.off")).withButtons(List.of(List.of(new Button(ctx.t("share.btn.on"), "/share on")))));
            }
            case "" -> {
                boolean on = practice.isShared(user);
                return List.of(Reply.of(ctx.t(on ? "share.status.on" : "share.status.off")).withButtons(List.of(List.of(
                        on ? new Button(ctx.t("share.btn.off"), "/share off") : new Button(ctx.t("share.btn.on"), "/share on")))));
            }
            default -> {
                return List.of(Reply.of(ctx.t("share.usage")));
            }
        }
    }
}
