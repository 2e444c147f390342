package coach.search;

import coach.core.Button;
import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import coach.core.Rich;
import coach.kb.KnowledgeBase;
import coach.kb.Principle;
import coach.text.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * /ask &lt;question&gt;: a direct answer first — the best principle, what to do (its advice in the
 * user's language), the guide's example once and the material that fits — then buttons for the next
 * principles. Small talk points to /help; a question the guide does not answer says so plainly.
 * {@code /ask <principle-id>} (the buttons) shows that principle the same way.
 */
public final class AskCommand implements Command.Handler {
    /** Principles offered under "more" after the first one. */
    static final int MORE = 2;
    private final SearchEngine engine;
    private final KnowledgeBase kb;
    private final Map<String, Material> materials;

    /** What the answer needs of a material: its titles and the principles it serves. */
    public record Material(String id, String titleRu, String titleEn, List<String> principles) {
        String title(Lang lang) {
            return lang == Lang.EN && !titleEn.isEmpty() ? titleEn : titleRu;
        }
    }

    public AskCommand(SearchEngine engine, KnowledgeBase kb, Map<String, Material> materials) {
        this.engine = engine;
        this.kb = kb;
        this.materials = Map.copyOf(materials);
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        String q = args.strip();
        if (q.isEmpty()) {
            return List.of(Reply.of(ctx.t("ask.usage")));
        }
        Optional<Principle> direct = kb.principle(q);
        if (direct.isPresent()) {
            return List.of(answer(ctx, direct.get(), bestMaterial(direct.get(), List.of()), List.of()));
        }
        if (engine.isSmallTalk(q)) {
            return List.of(Reply.of(ctx.t("ask.smalltalk")));
        }
        List<Hit> hits = engine.search(q, SearchEngine.MAX_HITS);
        List<Principle> principles = new ArrayList<>();
        for (Hit h : hits) {
            if ("principle".equals(h.kind())) {
                kb.principle(h.id()).ifPresent(principles::add);
            }
        }
        if (principles.isEmpty()) {
            return List.of(Reply.of(ctx.t("ask.none")));
        }
        Principle first = principles.get(0);
        return List.of(answer(ctx, first, bestMaterial(first, hits), principles.subList(1, Math.min(principles.size(), 1 + MORE))));
    }

    /** The material to point to: a hit that serves this principle, else the first material listing it first. */
    private Optional<Material> bestMaterial(Principle p, List<Hit> hits) {
        for (Hit h : hits) {
            Material m = materials.get(h.id());
            if (m != null && m.principles().contains(p.id())) {
                return Optional.of(m);
            }
        }
        return materials.values().stream().filter(m -> !m.principles().isEmpty() && m.principles().get(0).equals(p.id()))
                .sorted((a, b) -> a.id().compareTo(b.id())).findFirst();
    }

    private static Reply answer(Context ctx, Principle p, Optional<Material> material, List<Principle> more) {
        Lang lang = ctx.lang();
        Rich.Builder b = Rich.builder();
        b.bold(p.title(lang)).nl();
        b.text(p.advice(lang)).nl();
        b.bold(ctx.t("ask.example") + " ").italic(p.example(lang));
        material.ifPresent(m -> b.nl().text(ctx.t("ask.material") + " ").bold(m.title(lang)).text(" — ").code("/materials " + m.id()));
        List<List<Button>> rows = new ArrayList<>();
        for (Principle next : more) {
            rows.add(List.of(new Button(ctx.t("ask.more") + " " + next.title(lang), "/ask " + next.id())));
        }
        return Reply.of(b.build()).withButtons(rows);
    }
}
