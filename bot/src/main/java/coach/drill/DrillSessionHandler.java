package coach.drill;

import coach.core.Button;
import coach.core.Context;
import coach.core.Reply;
import coach.core.Rich;
import coach.core.SessionHandler;
import coach.core.SessionState;
import coach.text.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The drill state machine (see {@link DrillState}): the coach plays the client, scores each answer, reacts by band. */
final class DrillSessionHandler implements SessionHandler {
    static final String KIND = "drill";
    /** Answers are messenger messages; Telegram itself stops at 4096 characters. */
    static final int MAX_ANSWER_CHARS = 4000;

    private final Drills drills;

    DrillSessionHandler(Drills drills) {
        this.drills = drills;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Opens a drill session for the user in this chat and returns the briefing and the client's opening line. */
    List<Reply> start(Context ctx, Scenario s) {
        Lang lang = ctx.lang();
        DrillState st = DrillState.start(s, drills.nextSeed(), lang);
        ctx.startSession(KIND, st.toJson());
        Rich.Builder b = Rich.builder().bold(ctx.t("drill.start.title", "title", s.title(lang))).para()
                .bold(ctx.t("drill.start.persona")).text(" " + Template.fill(s.persona(lang), st.vars())).nl()
                .bold(ctx.t("drill.start.situation")).text(" " + Template.fill(s.situation(lang), st.vars())).para()
                .text(ctx.t("drill.start.criteria")).text(" ")
                .text(String.join("; ", s.rubric().stream().map(c -> c.name(lang)).toList())).text(".").para()
                .italic(ctx.t("drill.start.how"));
        return List.of(Reply.of(b.build()), Reply.of(clientLine(ctx, st, st.client())));
    }

    @Override
    public List<Reply> onText(Context ctx, SessionState state, String text) {
        Optional<Loaded> loaded = load(ctx, state);
        if (loaded.isEmpty()) {
            return List.of(Reply.of(ctx.t("drill.gone")));
        }
        DrillState st = loaded.get().state;
        Scenario s = loaded.get().scenario;
        if (text.isBlank()) {
            return List.of(Reply.of(ctx.t("drill.answer.empty")));
        }
        if (text.length() > MAX_ANSWER_CHARS) {
            return List.of(Reply.of(ctx.t("drill.answer.too_long", "length", text.length(), "max", MAX_ANSWER_CHARS)));
        }
        DrillRun.Step step = DrillRun.answer(drills.scorer(), s, st, text);
        Assessment a = step.turn();
        if (a.isEmpty()) {
            return List.of(Reply.of(ctx.t("drill.answer.no_words")));
        }
        DrillState next = step.next();
        List<Reply> out = new ArrayList<>();
        out.add(Reply.of(DrillView.turnFeedback(ctx, a, st.turn() + 1, s.turnCount())));
        String reaction = step.clientLine();
        if (!step.done()) {
            ctx.saveSession(state.next(next.toJson()));
            out.add(Reply.of(clientLine(ctx, next, reaction)));
        } else {
            ctx.endSession();
            out.add(Reply.of(clientLine(ctx, next, reaction)));
            out.add(summary(ctx, s, next));
        }
        return out;
    }

    @Override
    public String title(Context ctx, SessionState state) {
        String id = state.data().path("scenario").asText("");
        return ctx.t("drill.title", "title", drills.scenario(id).map(s -> s.title(ctx.lang())).orElse(id));
    }

    @Override
    public List<Reply> onCancel(Context ctx, SessionState state) {
        Optional<Loaded> loaded = load(ctx, state);
        if (loaded.isEmpty()) {
            return List.of(Reply.of(ctx.t("cancel.done")));
        }
        DrillState st = loaded.get().state;
        String score = st.results().isEmpty() ? "" : ctx.t("drill.cancelled.score", "score", DrillRun.summary(loaded.get().scenario, st).score());
        return List.of(Reply.of(ctx.t("drill.cancelled", "title", loaded.get().scenario.title(ctx.lang()),
                "done", st.results().size(), "total", loaded.get().scenario.turnCount(), "score", score)));
    }

    /** Repeats where the drill stands: the client's last line. */
    @Override
    public List<Reply> resume(Context ctx, SessionState state) {
        Optional<Loaded> loaded = load(ctx, state);
        if (loaded.isEmpty()) {
            return List.of(Reply.of(ctx.t("drill.gone")));
        }
        DrillState st = loaded.get().state;
        Scenario s = loaded.get().scenario;
        String line = st.clientBefore(s, st.turn());
        return List.of(Reply.of(ctx.t("drill.continue.drill", "title", s.title(ctx.lang()))), Reply.of(clientLine(ctx, st, line)));
    }

    private Reply summary(Context ctx, Scenario s, DrillState st) {
        DrillRun.Summary sum = DrillRun.summary(s, st);
        int score = sum.score();
        Rich text = DrillView.summary(st.lang(), s, st, sum);
        java.util.OptionalInt best = drills.results().completed(ctx.in().userId(), s.id(), score, tally(st.results()));
        if (best.isPresent()) {
            text = Rich.builder().append(text).para()
                    .italic(ctx.t(score > best.getAsInt() ? "drill.best.new" : "drill.best.old", "best", best.getAsInt(), "score", score)).build();
        }
        return Reply.of(text).withButtons(List.of(
                List.of(new Button(ctx.t("drill.btn.again"), "/drill " + s.id())),
                List.of(new Button(ctx.t("drill.btn.other"), "/drill"))));
    }

    /** Criterion id → {turns met, turns assessed} over a run. */
    static java.util.Map<String, int[]> tally(List<DrillState.TurnResult> rs) {
        java.util.Map<String, int[]> out = new java.util.LinkedHashMap<>();
        for (DrillState.TurnResult r : rs) {
            r.met().forEach(id -> {
                int[] v = out.computeIfAbsent(id, k -> new int[2]);
                v[0]++;
                v[1]++;
            });
            r.missed().forEach(id -> out.computeIfAbsent(id, k -> new int[2])[1]++);
        }
        return out;
    }

    private static Rich clientLine(Context ctx, DrillState st, String line) {
        String who = st.vars().getOrDefault("client_name", ctx.t("drill.client"));
        return Rich.builder().bold(who + ": ").text(line).build();
    }

    private record Loaded(DrillState state, Scenario scenario) {
    }

    /** The stored state and its scenario; empty (and the session ended) when either is gone or unreadable. */
    private Optional<Loaded> load(Context ctx, SessionState state) {
        try {
            DrillState st = DrillState.fromJson(state.data());
            Optional<Scenario> s = drills.scenario(st.scenario());
            // a state from before reactions were stored cannot repeat the client's last line: it starts over
            boolean knowsLastLine = st.turn() == 0 || st.client() != null;
            if (s.isPresent() && knowsLastLine && st.turn() < s.get().turnCount() && s.get().variableSizes().keySet().equals(st.vars().keySet())) {
                return Optional.of(new Loaded(st, s.get()));
            }
        } catch (IllegalArgumentException e) {
            // fall through: the stored state is from an incompatible version
        }
        ctx.endSession();
        return Optional.empty();
    }
}
