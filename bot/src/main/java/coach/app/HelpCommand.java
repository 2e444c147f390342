package coach.app;

import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import coach.core.Rich;
import coach.text.Lang;
import java.util.List;

/** /help: every listed command with its description, and how free text is handled. */
public final class HelpCommand implements Command {
    @Override
    public String name() {
        return "help";
    }

    @Override
    public String description(Lang lang) {
        return lang == Lang.EN ? "List of commands" : "Список команд";
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        Rich.Builder b = Rich.builder().bold(ctx.t("help.title")).para();
        for (Command c : ctx.commands().listed()) {
            b.code("/" + c.name()).text(" — " + c.description(ctx.lang())).nl();
        }
        b.para().text(ctx.t("help.free_text"));
        if (ctx.commands().find("forget").isPresent()) {
            b.para().text(ctx.t("help.privacy"));
        }
        return List.of(Reply.of(b.build()));
    }
}
