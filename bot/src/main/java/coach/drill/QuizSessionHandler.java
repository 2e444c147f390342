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
import java.util.Map;

/** The self-check state machine (see {@link QuizState}): questions compared with key points, then the task scored with a rubric. */
final class QuizSessionHandler implements SessionHandler {
    static final String KIND = "quiz";

    private final Quiz quiz;
    private final DrillScorer scorer;
    private final java.util.function.Supplier<DrillResults> results;

    QuizSessionHandler(Quiz quiz, DrillScorer scorer, java.util.function.Supplier<DrillResults> results) {
        this.quiz = quiz;
        this.scorer = scorer;
        this.results = results;
    }

    @Override
    public String kind() {
        return KIND;
    }

    List<Reply> start(Context ctx) {
        QuizState st = QuizState.start();
        ctx.startSession(KIND, st.toJson());
        Rich intro = Rich.builder().bold(ctx.t("quiz.start.title", "title", quiz.title())).para()
                .text(ctx.t("quiz.start.body")).build();
        return List.of(Reply.of(intro), Reply.of(prompt(ctx, st)));
    }

    /** A review round over these questions (0-based indices): only them, no task. */
    List<Reply> startReview(Context ctx, List<Integer> questions) {
        QuizState st = QuizState.review(questions);
        ctx.startSession(KIND, st.toJson());
        Rich intro = Rich.builder().bold(ctx.t("quiz.review.title", "count", questions.size())).para()
                .text(ctx.t("quiz.review.body")).build();
        return List.of(Reply.of(intro), Reply.of(prompt(ctx, st)));
    }

    static Map<String, int[]> outcomes(Assessment a) {
        Map<String, int[]> out = new java.util.LinkedHashMap<>();
        a.criteria().forEach((id, met) -> out.put(id, new int[]{met ? 1 : 0, 1}));
        return out;
    }

    @Override
    public List<Reply> onText(Context ctx, SessionState state, String text) {
        QuizState st;
        try {
            st = QuizState.fromJson(state.data());
        } catch (IllegalArgumentException e) {
            ctx.endSession();
            return List.of(Reply.of(ctx.t("drill.gone")));
        }
        if (text.isBlank()) {
            return List.of(Reply.of(ctx.t("quiz.answer.empty")));
        }
        if (text.length() > DrillSessionHandler.MAX_ANSWER_CHARS) {
            return List.of(Reply.of(ctx.t("drill.answer.too_long", "length", text.length(), "max", DrillSessionHandler.MAX_ANSWER_CHARS)));
        }
        Lang lang = ctx.lang();
        List<Reply> out = new ArrayList<>();
        if (st.phase() == QuizState.Phase.QUESTION && st.question() < quiz.questions().size()) {
            Quiz.Question q = quiz.questions().get(st.question());
            Assessment a = scorer.assess(q.keyPoints(), text, java.util.Map.of());
            if (a.isEmpty()) {
                return List.of(Reply.of(ctx.t("drill.answer.no_words")));
            }
            List<String> covered = a.outcomes().stream().filter(Assessment.Outcome::met).map(o -> o.criterion().id()).toList();
            int score = q.keyPoints().isEmpty() ? 100 : Math.round(100f * covered.size() / q.keyPoints().size());
            results.get().quizAnswered(ctx.in().userId(), Drills.quizItemId(st.question()), score, outcomes(a));
            QuizState next = st.answered(covered, q.keyPoints().size(), st.questions(quiz.questions().size()));
            out.add(Reply.of(questionFeedback(ctx, a, q)));
            if (next.isReview() && next.phase() == QuizState.Phase.TASK) {
                ctx.endSession();
                out.add(Reply.of(Rich.builder().bold(ctx.t("quiz.review.end")).nl()
                        .text(ctx.t("quiz.end.points", "covered", next.coveredCount(), "total", next.totalCount())).build())
                        .withButtons(List.of(List.of(new Button(ctx.t("quiz.btn.again"), "/quiz all")),
                                List.of(new Button(ctx.t("quiz.btn.progress"), "/progress")))));
                return out;
            }
            ctx.saveSession(state.next(next.toJson()));
            out.add(Reply.of(prompt(ctx, next)));
            return out;
        }
        Scenario s = quiz.taskScenario();
        Assessment a = scorer.assess(s.rubric(), text, s.defaults());
        if (a.isEmpty()) {
            return List.of(Reply.of(ctx.t("drill.answer.no_words")));
        }
        ctx.endSession();
        results.get().quizAnswered(ctx.in().userId(), Drills.QUIZ_TASK, a.score(), outcomes(a));
        Rich.Builder b = Rich.builder().bold(ctx.t("quiz.task.score", "score", a.score())).nl();
        DrillView.criteria(ctx, b, a);
        DrillView.missing(ctx, b, a);
        b.nl().bold(ctx.t("quiz.reference")).nl().text(quiz.taskReference(lang));
        out.add(Reply.of(b.build()));
        Rich end = Rich.builder().bold(ctx.t("quiz.end.title")).nl()
                .text(ctx.t("quiz.end.points", "covered", st.coveredCount(), "total", st.totalCount())).nl()
                .text(ctx.t("quiz.end.task", "score", a.score())).build();
        out.add(Reply.of(end).withButtons(List.of(
                List.of(new Button(ctx.t("quiz.btn.again"), "/quiz")),
                List.of(new Button(ctx.t("quiz.btn.drill"), "/drill " + s.id())))));
        return out;
    }

    private Rich questionFeedback(Context ctx, Assessment a, Quiz.Question q) {
        Lang lang = ctx.lang();
        Rich.Builder b = Rich.builder();
        List<Assessment.Outcome> met = a.outcomes().stream().filter(Assessment.Outcome::met).toList();
        List<Assessment.Outcome> missed = a.outcomes().stream().filter(o -> !o.met()).toList();
        b.bold(ctx.t("quiz.covered")).text(" " + met.size() + "/" + a.outcomes().size()).nl();
        if (met.isEmpty()) {
            b.text("— " + ctx.t("quiz.none")).nl();
        }
        for (Assessment.Outcome o : met) {
            b.text("✅ " + o.criterion().name(lang)).nl();
        }
        if (!missed.isEmpty()) {
            b.nl().bold(ctx.t("quiz.missed")).nl();
            for (Assessment.Outcome o : missed) {
                Criterion c = o.criterion();
                b.text("❌ " + c.name(lang) + " — «" + c.principle().title(lang) + "». ").italic(c.hint(lang)).nl();
            }
        }
        b.nl().bold(ctx.t("quiz.reference")).nl().text(q.reference(lang));
        return b.build();
    }

    private Rich prompt(Context ctx, QuizState st) {
        Lang lang = ctx.lang();
        if (st.phase() == QuizState.Phase.QUESTION) {
            return Rich.builder().bold(ctx.t("quiz.question", "n", st.index() + 1, "total", st.questions(quiz.questions().size()))).nl()
                    .text(quiz.questions().get(st.question()).text(lang)).build();
        }
        return Rich.builder().bold(ctx.t("quiz.task")).nl().text(quiz.task(lang)).para()
                .italic(ctx.t("quiz.task.how", "title", quiz.taskScenario().title(lang))).build();
    }

    @Override
    public String title(Context ctx, SessionState state) {
        return ctx.t("quiz.title");
    }

    @Override
    public List<Reply> onCancel(Context ctx, SessionState state) {
        int done;
        int total = quiz.items();
        try {
            QuizState st = QuizState.fromJson(state.data());
            done = st.index();
            total = st.isReview() ? st.questions(0) : total;
        } catch (IllegalArgumentException e) {
            done = 0;
        }
        return List.of(Reply.of(ctx.t("quiz.cancelled", "done", done, "total", total)));
    }

    @Override
    public List<Reply> resume(Context ctx, SessionState state) {
        try {
            QuizState st = QuizState.fromJson(state.data());
            return List.of(Reply.of(ctx.t("quiz.continue")), Reply.of(prompt(ctx, st)));
        } catch (IllegalArgumentException e) {
            ctx.endSession();
            return List.of(Reply.of(ctx.t("drill.gone")));
        }
    }
}
