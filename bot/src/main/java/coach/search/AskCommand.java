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
        List<Hit> hits = engine.search(args, SearchEngine.MAX_HITS);
        if (hits.isEmpty()) {
            return List.of(Reply.of(ctx.t("ask.none")));
        }
        // The guide's principles first; the best material (template, checklist) as a pointer after them.
        List<Hit> principles = hits.stream().filter(h -> "principle".equals(h.kind())).limit(SHOWN).toList();
        Rich.Builder b = Rich.builder();
        b.bold(ctx.t("ask.header")).para();
        int n = 1;
        for (Hit h : principles) {
            b.append(formatter.format(h, ctx.lang(), n++)).para();
        }
        hits.stream().filter(h -> !"principle".equals(h.kind())).findFirst().ifPresent(m -> {
            String title = ctx.lang() == coach.text.Lang.EN && !m.titleEn().isEmpty() ? m.titleEn() : m.title();
            b.text(ctx.t("ask.material") + " ").bold(title).text(" — ").code("/materials " + m.id());
        });
        return List.of(Reply.of(b.build()));
    }
}
