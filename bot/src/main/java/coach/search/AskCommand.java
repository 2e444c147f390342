package coach.search;

import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import coach.core.Rich;
import coach.text.Lang;
import java.util.List;

/** /ask &lt;question&gt;: the guide's principles (and materials) that answer it, best first. */
public final class AskCommand implements Command {
    private static final int SHOWN = 3;
    private final SearchEngine engine;
    private final HitFormatter formatter;

    public AskCommand(SearchEngine engine, HitFormatter formatter) {
        this.engine = engine;
        this.formatter = formatter;
    }

    @Override
    public String name() {
        return "ask";
    }

    @Override
    public String description(Lang lang) {
        return lang == Lang.EN ? "Ask the guide a question" : "Вопрос по руководству";
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        if (args.isBlank()) {
            return List.of(Reply.of(ctx.t("ask.usage")));
        }
        List<Hit> hits = engine.search(args, SHOWN);
        if (hits.isEmpty()) {
            return List.of(Reply.of(ctx.t("ask.none")));
        }
        Rich.Builder b = Rich.builder();
        b.bold(ctx.t("ask.header")).para();
        int n = 1;
        for (Hit h : hits) {
            b.append(formatter.format(h, ctx.lang(), n++)).para();
        }
        return List.of(Reply.of(b.build()));
    }
}
