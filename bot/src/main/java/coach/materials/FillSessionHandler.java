package coach.materials;

import coach.core.Context;
import coach.core.Reply;
import coach.core.Rich;
import coach.core.SessionHandler;
import coach.core.SessionState;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a template in chat, one placeholder at a time (state: material id, current field, answers).
 * The result is checked by the phrasing engine before the user sends it.
 */
public final class FillSessionHandler implements SessionHandler {
    public static final String KIND = "fill";
    public static final int MAX_ANSWER_CHARS = 1000;
    private final MaterialCatalog catalog;
    private final DraftReviewer reviewer;

    public FillSessionHandler(MaterialCatalog catalog, DraftReviewer reviewer) {
        this.catalog = catalog;
        this.reviewer = reviewer;
    }

    @Override
    public String kind() {
        return KIND;
    }

    public List<Reply> start(Context ctx, Material m) {
        if (!m.fillable()) {
            return List.of(Reply.of(ctx.t("materials.not_template", "title", m.title(ctx.lang()))));
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("id", m.id());
        data.put("i", 0);
        data.putObject("answers");
        ctx.startSession(KIND, data);
        List<Reply> out = new ArrayList<>();
        out.add(Reply.of(ctx.t("fill.start", "title", m.title(ctx.lang()), "count", m.placeholders().size())));
        out.add(ask(ctx, m, 0));
        return out;
    }

    private Reply ask(Context ctx, Material m, int i) {
        String name = m.placeholders().get(i);
        Rich.Builder b = Rich.builder().text(ctx.t("fill.step", "n", i + 1, "count", m.placeholders().size()) + " ")
                .bold(name.replace('_', ' '));
        hint(m, name).ifPresent(h -> b.nl().italic(h));
        return Reply.of(b.build());
    }

    /** The field's explanation from the template's own "how to use" notes ("**name** — explanation"). */
    static Optional<String> hint(Material m, String name) {
        Matcher mt = Pattern.compile("\\*\\*" + Pattern.quote(name) + "\\*\\*\\s*[—–-]\\s*([^\\n]+)").matcher(m.body());
        return mt.find() ? Optional.of(mt.group(1).strip().replaceAll("[;.]$", "")) : Optional.empty();
    }

    @Override
    public List<Reply> onText(Context ctx, SessionState state, String text) {
        Optional<Material> found = catalog.find(state.data().path("id").asText());
        if (found.isEmpty()) {
            ctx.endSession();
            return List.of(Reply.of(ctx.t("materials.unknown", "id", state.data().path("id").asText())));
        }
        Material m = found.get();
        int i = state.data().path("i").asInt();
        if (i < 0 || i >= m.placeholders().size()) {
            ctx.endSession();
            return List.of(Reply.of(ctx.t("fill.broken")));
        }
        String answer = clean(text);
        if (answer.isEmpty()) {
            return List.of(Reply.of(ctx.t("fill.empty")), ask(ctx, m, i));
        }
        if (answer.length() > MAX_ANSWER_CHARS) {
            return List.of(Reply.of(ctx.t("fill.too_long", "max", MAX_ANSWER_CHARS, "len", answer.length())), ask(ctx, m, i));
        }
        ObjectNode data = state.data().deepCopy();
        ((ObjectNode) data.get("answers")).put(m.placeholders().get(i), answer);
        data.put("i", i + 1);
        if (i + 1 < m.placeholders().size()) {
            ctx.saveSession(state.next(data));
            return List.of(ask(ctx, m, i + 1));
        }
        ctx.endSession();
        String filled = fill(m, (ObjectNode) data.get("answers"));
        List<Reply> out = new ArrayList<>();
        out.add(Reply.of(ctx.t("fill.done", "title", m.title(ctx.lang()))));
        out.add(Reply.of(Rich.of(filled)));
        Optional<Rich> review = reviewer.review(filled, ctx.lang());
        out.add(Reply.of(review.orElse(Rich.of(ctx.t("fill.clean")))));
        return out;
    }

    static String fill(Material m, ObjectNode answers) {
        Matcher mt = MaterialCatalog.PLACEHOLDER.matcher(m.fillText());
        StringBuilder b = new StringBuilder();
        while (mt.find()) {
            mt.appendReplacement(b, Matcher.quoteReplacement(answers.path(mt.group(1)).asText(mt.group(0))));
        }
        mt.appendTail(b);
        return b.toString();
    }

    /** Control characters go; line breaks and everything else (markup included) stay literal. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || !Character.isISOControl(c)) {
                b.append(c);
            }
        }
        return b.toString().strip();
    }

    @Override
    public String title(Context ctx, SessionState state) {
        return catalog.find(state.data().path("id").asText()).map(m -> m.title(ctx.lang())).orElse("");
    }

    @Override
    public List<Reply> onCancel(Context ctx, SessionState state) {
        return List.of(Reply.of(ctx.t("fill.cancelled", "title", title(ctx, state))));
    }
}
