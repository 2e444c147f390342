package coach.materials;

import coach.core.Button;
import coach.core.Command;
import coach.core.Context;
import coach.core.Document;
import coach.core.Reply;
import coach.core.Rich;
import coach.core.SessionGuard;
import coach.kb.KnowledgeBase;
import coach.kb.Topic;
import coach.text.Lang;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * /materials: the guide's materials by topic; {@code /materials <id>} sends one (readable and as a .md
 * file); {@code /materials <id> fill} (or "заполнить" after opening a template) fills a template in.
 */
public final class MaterialsCommand implements Command.Handler {
    static final String OFFER = "material-offer";
    private final KnowledgeBase kb;
    private final MaterialCatalog catalog;
    private final FillSessionHandler fill;

    public MaterialsCommand(KnowledgeBase kb, MaterialCatalog catalog, FillSessionHandler fill) {
        this.kb = kb;
        this.catalog = catalog;
        this.fill = fill;
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        String[] parts = args.strip().split("\\s+");
        if (args.isBlank()) {
            return List.of(list(ctx));
        }
        String first = parts[0].toLowerCase(Locale.ROOT);
        if (first.equals("continue")) {
            return SessionGuard.resume(ctx);
        }
        if (first.equals("abandon") && parts.length > 1 && catalog.find(parts[1]).isPresent()) {
            // «Прервать и перейти» under the question below: leave the open session, then fill this template in
            if (ctx.session().isEmpty()) {
                return SessionGuard.abandon(ctx); // an old button: nothing open, nothing started
            }
            List<Reply> out = SessionGuard.abandon(ctx);
            out.addAll(fill.start(ctx, catalog.find(parts[1]).get()));
            return out;
        }
        Optional<Material> m = catalog.find(parts[0]);
        if (m.isEmpty()) {
            return List.of(list(ctx).withText(Rich.builder().text(ctx.t("materials.unknown", "id", shorten(parts[0]))).para()
                    .append(list(ctx).text()).build()));
        }
        if (parts.length > 1 && isFillWord(parts[1])) {
            Optional<coach.core.SessionState> open = ctx.session();
            if (open.isPresent() && m.get().fillable()) {
                // a drill, the quiz or another form is open: abandon it or go on with it
                return SessionGuard.ask(ctx, open.get(), "materials", "/materials abandon " + m.get().id());
            }
            return fill.start(ctx, m.get());
        }
        return show(ctx, m.get());
    }

    static boolean isFillWord(String s) {
        String w = s.strip().toLowerCase(Locale.ROOT);
        return w.startsWith("заполн") || w.equals("fill") || w.equals("fill-in");
    }

    private static String shorten(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "");
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }

    private Reply list(Context ctx) {
        Rich.Builder b = Rich.builder().bold(ctx.t("materials.title")).para();
        List<List<Button>> rows = new ArrayList<>();
        for (Topic t : kb.topics()) {
            List<Material> ms = catalog.all().stream().filter(m -> m.topicId().equals(t.id())).toList();
            if (ms.isEmpty()) {
                continue;
            }
            b.italic(t.title(ctx.lang())).nl();
            for (Material m : ms) {
                b.text("• ").bold(m.title(ctx.lang())).text(" — " + m.summary(ctx.lang())).nl();
                b.text("  ").code("/materials " + m.id()).nl();
                rows.add(List.of(new Button(label(m, ctx.lang()), "/materials " + m.id())));
            }
            b.nl();
        }
        return Reply.of(b.build()).withButtons(rows);
    }

    private static String label(Material m, Lang lang) {
        String t = m.title(lang);
        return t.length() > 60 ? t.substring(0, 59) + "…" : t;
    }

    private List<Reply> show(Context ctx, Material m) {
        Rich.Builder b = Rich.builder();
        b.italic(ctx.t("materials.kind." + m.kind().name().toLowerCase(Locale.ROOT))).text(" · ")
                .italic(kb.topic(m.topicId()).map(t -> t.title(ctx.lang())).orElse("")).para();
        String body = m.body(ctx.lang());
        if (ctx.lang() == Lang.EN && body.equals(m.body())) {
            b.italic(ctx.t("materials.russian_only")).para();
        }
        b.append(MarkdownRich.render(body));
        Document doc = new Document(m.id() + ".md", "text/markdown", (body + "\n").getBytes(StandardCharsets.UTF_8));
        Reply reply = Reply.of(b.build()).withDocument(doc);
        if (m.fillable()) {
            ObjectNode data = JsonNodeFactory.instance.objectNode().put("id", m.id());
            ctx.startSession(OFFER, data);
            Reply offer = Reply.of(ctx.t("materials.fill_offer", "count", m.placeholders().size()))
                    .withButtons(List.of(List.of(new Button(ctx.t("materials.fill_button"), "/materials " + m.id() + " fill"))));
            return List.of(reply, offer);
        }
        return List.of(reply);
    }

    /** The short-lived state after a template was opened: "заполнить" starts the fill-in, anything else is handled as usual. */
    public static final class OfferHandler implements coach.core.SessionHandler {
        private final MaterialCatalog catalog;
        private final FillSessionHandler fill;

        public OfferHandler(MaterialCatalog catalog, FillSessionHandler fill) {
            this.catalog = catalog;
            this.fill = fill;
        }

        @Override
        public String kind() {
            return OFFER;
        }

        @Override
        public boolean passive() {
            return true;
        }

        @Override
        public List<Reply> onText(Context ctx, coach.core.SessionState state, String text) {
            ctx.endSession();
            Optional<Material> m = catalog.find(state.data().path("id").asText());
            if (m.isPresent() && isFillWord(text)) {
                return fill.start(ctx, m.get());
            }
            return ctx.route(text);
        }

        @Override
        public String title(Context ctx, coach.core.SessionState state) {
            return catalog.find(state.data().path("id").asText()).map(m -> m.title(ctx.lang())).orElse("");
        }

        @Override
        public List<Reply> onCancel(Context ctx, coach.core.SessionState state) {
            return List.of(Reply.of(ctx.t("cancel.nothing")));
        }
    }
}
