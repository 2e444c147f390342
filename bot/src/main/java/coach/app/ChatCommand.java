package coach.app;

import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import coach.text.Lang;
import java.util.List;

/**
 * Small talk and meta without a command («привет», «что ты умеешь», «спасибо», «помощь», «меню»):
 * a friendly answer and the way on, never a verdict on the words. Run by the router with the kind of small talk.
 */
public final class ChatCommand implements Command {
    @Override
    public String name() {
        return "hello";
    }

    @Override
    public String description(Lang lang) {
        return lang == Lang.EN ? "Say hello" : "Поздороваться";
    }

    @Override
    public boolean listed() {
        return false;
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        return switch (args.strip()) {
            case "help" -> ctx.run("help", "");
            case "thanks" -> List.of(Reply.of(ctx.t("chat.thanks")));
            case "bye" -> List.of(Reply.of(ctx.t("chat.bye")));
            case "ok" -> List.of(Reply.of(ctx.t("chat.ok")));
            default -> ctx.run("start", ""); // greeting, about, menu: who the coach is and the main actions
        };
    }
}
