package coach.app;

import coach.core.Button;
import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import coach.core.Rich;
import coach.text.Lang;
import java.util.ArrayList;
import java.util.List;

/** /start: what the coach does, with buttons for the main actions; {@code /start drill-<id>} opens a drill (deep link). */
public final class StartCommand implements Command {
    private static final String[][] ACTIONS = {
        {"check", "start.btn.check"}, {"drill", "start.btn.drill"}, {"quiz", "start.btn.quiz"},
        {"tip", "start.btn.tip"}, {"materials", "start.btn.materials"}, {"help", "start.btn.help"},
    };

    @Override
    public String name() {
        return "start";
    }

    @Override
    public String description(Lang lang) {
        return lang == Lang.EN ? "What the coach does" : "Что умеет коуч";
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        if (args.startsWith("drill-") && ctx.commands().find("drill").isPresent()) {
            return ctx.run("drill", args.substring("drill-".length()));
        }
        Rich text = Rich.builder()
                .bold(ctx.t("start.title")).para()
                .text(ctx.t("start.body"))
                .build();
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (String[] a : ACTIONS) {
            if (ctx.commands().find(a[0]).isPresent()) {
                row.add(new Button(ctx.t(a[1]), "/" + a[0]));
                if (row.size() == 2) {
                    rows.add(row);
                    row = new ArrayList<>();
                }
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        List<Reply> out = new ArrayList<>();
        out.add(Reply.of(text).withButtons(rows));
        // after a restart inside a drill, quiz or form: say so, and how to go on or leave
        ctx.session().ifPresent(s -> {
            String title = ctx.handler(s.kind()).map(h -> h.title(ctx, s)).orElse(s.kind());
            List<Button> row2 = new ArrayList<>();
            if (ctx.commands().find("drill").isPresent()) {
                row2.add(new Button(ctx.t("start.open.continue"), "/drill continue"));
            }
            row2.add(new Button(ctx.t("start.open.leave"), "/cancel"));
            out.add(Reply.of(ctx.t("start.open", "title", title)).withButtons(List.of(row2)));
        });
        return out;
    }
}
