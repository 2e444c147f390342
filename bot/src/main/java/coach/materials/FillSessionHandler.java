package coach.materials;

import coach.core.Button;
import coach.core.Context;
import coach.core.Document;
import coach.core.Reply;
import coach.core.Rich;
import coach.core.SessionHandler;
import coach.core.SessionState;
import coach.text.Lang;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a template in chat, one placeholder at a time (state: material id, current field, answers).
 * Besides an answer the user may skip a field («-», «пропустить»), go back one field («назад»), see a
 * preview («показать») or finish early («готово»); the same four are buttons ({@code /fill skip|back|preview|done}).
 * A field left empty stays in the text as «[имя поля]», to be written in before sending. The result is
 * checked by the phrasing engine, sent as text and as a document, with a button to check it again.
 */
public final class FillSessionHandler implements SessionHandler {
    public static final String KIND = "fill";
    /** After the form: the filled text, for «Проверить ещё раз». */
    public static final String RESULT_KIND = "fill-result";
    public static final int MAX_ANSWER_CHARS = 1000;
    static final Set<String> SKIP = Set.of("-", "—", "–", "пропустить", "пропуск", "дальше", "skip", "next");
    static final Set<String> BACK = Set.of("назад", "вернуться", "back");
    static final Set<String> PREVIEW = Set.of("показать", "предпросмотр", "просмотр", "preview", "show");
    static final Set<String> DONE = Set.of("готово", "закончить", "завершить", "хватит", "done", "finish");

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
        out.add(ask(ctx, m, 0, data));
        return out;
    }

    private Reply ask(Context ctx, Material m, int i, ObjectNode data) {
        String name = m.placeholders().get(i);
        Rich.Builder b = Rich.builder().text(ctx.t("fill.step", "n", i + 1, "count", m.placeholders().size()) + " ")
                .bold(m.fieldName(name, ctx.lang()));
        hint(m, name, ctx.lang()).ifPresent(h -> b.nl().italic(h));
        String before = data.path("answers").path(name).asText("");
        if (!before.isEmpty()) {
            b.nl().text(ctx.t("fill.before") + " ").quote(before);
        }
        List<Button> row = new ArrayList<>();
        row.add(new Button(ctx.t("fill.btn.skip"), "/fill skip"));
        if (i > 0) {
            row.add(new Button(ctx.t("fill.btn.back"), "/fill back"));
        }
        List<Button> row2 = List.of(new Button(ctx.t("fill.btn.preview"), "/fill preview"), new Button(ctx.t("fill.btn.done"), "/fill done"));
        return Reply.of(b.build()).withButtons(List.of(row, row2));
    }

    /** The field's explanation from the template's own "how to use" notes ("**name** — explanation"). */
    static Optional<String> hint(Material m, String name, Lang lang) {
        String field = lang == Lang.EN ? m.fieldName(name, lang) : name;
        if (lang == Lang.EN && m.body(lang).equals(m.body())) {
            return Optional.empty(); // the notes are in Russian only
        }
        Matcher mt = Pattern.compile("\\*\\*" + Pattern.quote(field) + "\\*\\*\\s*[—–-]\\s*([^\\n]+)").matcher(m.body(lang));
        return mt.find() ? Optional.of(mt.group(1).strip().replaceAll("[;.]$", "")) : Optional.empty();
    }

    /** The control words, whatever the case and trailing punctuation. */
    static String word(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[.!«»\"]+$", "").replaceAll("^[«\"]+", "");
    }

    @Override
    public List<Reply> onText(Context ctx, SessionState state, String text) {
        String w = word(text);
        if (SKIP.contains(w) || w.equals("-") || text.strip().matches("[-—–]+")) {
            return action(ctx, state, "skip");
        }
        if (BACK.contains(w)) {
            return action(ctx, state, "back");
        }
        if (PREVIEW.contains(w)) {
            return action(ctx, state, "preview");
        }
        if (DONE.contains(w)) {
            return action(ctx, state, "done");
        }
        return answer(ctx, state, text);
    }

    private Optional<Material> material(Context ctx, SessionState state, List<Reply> error) {
        Optional<Material> found = catalog.find(state.data().path("id").asText());
        if (found.isEmpty()) {
            ctx.endSession();
            error.add(Reply.of(ctx.t("materials.unknown", "id", state.data().path("id").asText())));
            return Optional.empty();
        }
        int i = state.data().path("i").asInt();
        if (i < 0 || i >= found.get().placeholders().size()) {
            ctx.endSession();
            error.add(Reply.of(ctx.t("fill.broken")));
            return Optional.empty();
        }
        return found;
    }

    private List<Reply> answer(Context ctx, SessionState state, String text) {
        List<Reply> error = new ArrayList<>();
        Optional<Material> found = material(ctx, state, error);
        if (found.isEmpty()) {
            return error;
        }
        Material m = found.get();
        int i = state.data().path("i").asInt();
        String value = clean(text);
        if (value.isEmpty()) {
            return List.of(Reply.of(ctx.t("fill.empty")), ask(ctx, m, i, state.data()));
        }
        if (value.length() > MAX_ANSWER_CHARS) {
            return List.of(Reply.of(ctx.t("fill.too_long", "max", MAX_ANSWER_CHARS, "len", value.length())), ask(ctx, m, i, state.data()));
        }
        ObjectNode data = state.data().deepCopy();
        ((ObjectNode) data.get("answers")).put(m.placeholders().get(i), value);
        return next(ctx, state, m, data, i + 1);
    }

    /** A button or control word: skip, back, preview, done. */
    public List<Reply> action(Context ctx, SessionState state, String action) {
        List<Reply> error = new ArrayList<>();
        Optional<Material> found = material(ctx, state, error);
        if (found.isEmpty()) {
            return error;
        }
        Material m = found.get();
        int i = state.data().path("i").asInt();
        ObjectNode data = state.data().deepCopy();
        switch (action) {
            case "skip" -> {
                ((ObjectNode) data.get("answers")).remove(m.placeholders().get(i));
                return next(ctx, state, m, data, i + 1);
            }
            case "back" -> {
                if (i == 0) {
                    return List.of(Reply.of(ctx.t("fill.first")), ask(ctx, m, 0, data));
                }
                data.put("i", i - 1);
                ctx.saveSession(state.next(data));
                return List.of(ask(ctx, m, i - 1, data));
            }
            case "preview" -> {
                String text = fill(m, (ObjectNode) data.get("answers"), ctx.lang());
                return List.of(Reply.of(Rich.builder().bold(ctx.t("fill.preview")).nl().text(text).build()), ask(ctx, m, i, data));
            }
            case "done" -> {
                return finish(ctx, m, data);
            }
            default -> {
                return List.of(Reply.of(ctx.t("button.expired")));
            }
        }
    }

    private List<Reply> next(Context ctx, SessionState state, Material m, ObjectNode data, int i) {
        if (i < m.placeholders().size()) {
            data.put("i", i);
            ctx.saveSession(state.next(data));
            return List.of(ask(ctx, m, i, data));
        }
        return finish(ctx, m, data);
    }

    private List<Reply> finish(Context ctx, Material m, ObjectNode data) {
        ctx.endSession();
        ObjectNode answers = (ObjectNode) data.get("answers");
        String filled = fill(m, answers, ctx.lang());
        List<String> empty = m.placeholders().stream().filter(p -> answers.path(p).asText("").isEmpty())
                .map(p -> "[" + m.fieldName(p, ctx.lang()) + "]").toList();
        List<Reply> out = new ArrayList<>();
        out.add(Reply.of(ctx.t("fill.done", "title", m.title(ctx.lang()))));
        Document doc = new Document(m.id() + "-filled.md", "text/markdown", (filled + "\n").getBytes(StandardCharsets.UTF_8));
        out.add(Reply.of(Rich.of(filled)).withDocument(doc));
        Rich.Builder check = Rich.builder();
        if (!empty.isEmpty()) {
            check.text(ctx.t("fill.left_empty", "fields", String.join(", ", empty))).para();
        }
        Optional<Rich> review = reviewer.review(filled, ctx.lang());
        // "ready to send" only when nothing is left to write in
        check.append(review.orElse(Rich.of(ctx.t(empty.isEmpty() ? "fill.clean" : "fill.clean_unfinished"))));
        // the filled text is kept (passively) for «Проверить ещё раз» after the user edits nothing or wants the full report
        ctx.startSession(RESULT_KIND, JsonNodeFactory.instance.objectNode().put("text", filled));
        out.add(Reply.of(check.build()).withButtons(List.of(List.of(new Button(ctx.t("fill.btn.recheck"), "/fill check")))));
        return out;
    }

    /** The template's text with the answers; a field without an answer stays as «[name]». */
    static String fill(Material m, ObjectNode answers, Lang lang) {
        Matcher mt = MaterialCatalog.PLACEHOLDER.matcher(m.fillText(lang));
        StringBuilder b = new StringBuilder();
        while (mt.find()) {
            String v = answers.path(mt.group(1)).asText("");
            mt.appendReplacement(b, Matcher.quoteReplacement(v.isEmpty() ? "[" + m.fieldName(mt.group(1), lang) + "]" : v));
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

    /** Asks the field the form stands at once more ("continue" after a restart or under another command's question). */
    @Override
    public List<Reply> resume(Context ctx, SessionState state) {
        List<Reply> error = new ArrayList<>();
        Optional<Material> m = material(ctx, state, error);
        if (m.isEmpty()) {
            return error;
        }
        return List.of(ask(ctx, m.get(), state.data().path("i").asInt(), (ObjectNode) state.data()));
    }

    @Override
    public List<Reply> onCancel(Context ctx, SessionState state) {
        return List.of(Reply.of(ctx.t("fill.cancelled", "title", title(ctx, state))));
    }

    /** The filled text kept after the form, for «Проверить ещё раз»; the next message is handled as usual. */
    public static final class Result extends coach.core.PassiveSession {
        @Override
        public String kind() {
            return RESULT_KIND;
        }

    }

    /** /fill skip|back|preview|done (the buttons under a field) and /fill check (under the result). */
    public static final class FillCommand implements coach.core.Command.Handler {
        private final FillSessionHandler handler;

        public FillCommand(FillSessionHandler handler) {
            this.handler = handler;
        }

        @Override
        public List<Reply> run(Context ctx, String args) {
            String a = args.strip();
            if (a.equals("check")) {
                Optional<String> text = ctx.session(RESULT_KIND).map(s -> s.data().path("text").asText(""));
                if (text.isEmpty() || text.get().isBlank()) {
                    return List.of(Reply.of(ctx.t("button.expired")));
                }
                return ctx.run("check", text.get());
            }
            Optional<SessionState> s = ctx.session().filter(x -> x.kind().equals(KIND));
            if (s.isEmpty()) {
                return List.of(Reply.of(ctx.t("button.expired")));
            }
            return handler.action(ctx, s.get(), a);
        }
    }
}
