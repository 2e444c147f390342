package coach.progress;

import coach.core.Button;
import coach.core.Command;
import coach.core.Context;
import coach.core.Photo;
import coach.core.Reply;
import coach.core.Rich;
import coach.drill.Drills;
import coach.store.Practice;
import coach.text.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /progress (private chat): per criterion how often it was met in the last runs and whether that is
 * improving, best and last score per scenario, the two weakest criteria with a button to the drill
 * that trains each, and the chart as a picture. No history yet: a friendly start with buttons.
 */
final class ProgressCommand implements Command.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressCommand.class);
    /** Criteria listed in the text; the rest are summarised in one line. */
    static final int MAX_LISTED = 12;

    private final ProgressFeature feature;

    ProgressCommand(ProgressFeature feature) {
        this.feature = feature;
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        if (ctx.in().chatType().isGroupLike()) {
            return List.of(Reply.of(ctx.t("progress.private_only")));
        }
        Lang lang = ctx.lang();
        History h = feature.history(ctx.in().userId());
        if (h.isEmpty()) {
            return List.of(Reply.of(Rich.builder().bold(ctx.t("progress.empty.title")).para().text(ctx.t("progress.empty.body")).build())
                    .withButtons(List.of(
                            List.of(new Button(ctx.t("progress.btn.first_drill"), "/drill " + Drills.COMPLAINT_SCENARIO)),
                            List.of(new Button(ctx.t("progress.btn.quiz"), "/quiz"), new Button(ctx.t("progress.btn.drills"), "/drill")))));
        }
        List<History.CriterionStat> criteria = h.criteriaWeakestFirst();
        List<Reply> out = new ArrayList<>();
        chart(ctx, criteria).ifPresent(out::add);

        Rich.Builder b = Rich.builder().bold(ctx.t("progress.title")).nl()
                .text(ctx.t("progress.counts", "drills", h.count(Practice.DRILL), "answers", h.count(Practice.QUIZ))).para();
        if (!criteria.isEmpty()) {
            b.bold(ctx.t("progress.criteria", "n", History.LAST_RUNS)).nl();
            for (History.CriterionStat c : criteria.subList(0, Math.min(MAX_LISTED, criteria.size()))) {
                b.text("• " + feature.criterionName(c.criterionId(), lang) + " — " + c.percent() + " % ")
                        .text(ctx.t("progress.met_of", "met", c.met(), "assessed", c.assessed()))
                        .text(" ").italic(ctx.t("progress.trend." + c.trend().name().toLowerCase(java.util.Locale.ROOT))).nl();
            }
            if (criteria.size() > MAX_LISTED) {
                b.text(ctx.t("progress.criteria.more", "n", criteria.size() - MAX_LISTED)).nl();
            }
            b.nl();
        }
        List<History.ScoreStat> scenarios = h.scores(Practice.DRILL);
        if (!scenarios.isEmpty()) {
            b.bold(ctx.t("progress.scenarios")).nl();
            for (History.ScoreStat s : scenarios) {
                b.text("• " + feature.scenarioTitle(s.itemId(), lang) + " — ")
                        .text(ctx.t("progress.best_last", "best", s.best(), "last", s.last(), "runs", s.runs())).nl();
            }
            b.nl();
        }
        List<List<Button>> rows = new ArrayList<>();
        int waiting = feature.practice().dueReviews(ctx.in().userId(), java.time.Instant.ofEpochMilli(Long.MAX_VALUE)).size();
        if (waiting > 0) {
            int due = feature.practice().dueReviews(ctx.in().userId(), feature.clock().instant()).size();
            b.text(ctx.t("progress.reviews", "waiting", waiting, "due", due)).para();
            if (due > 0) {
                rows.add(List.of(new Button(ctx.t("quiz.btn.review", "count", due), "/quiz review")));
            }
        }
        List<History.CriterionStat> weakest = h.weakest(2);
        if (weakest.isEmpty()) {
            b.text(ctx.t("progress.no_weak"));
            rows.add(List.of(new Button(ctx.t("progress.btn.drills"), "/drill")));
        } else {
            b.bold(ctx.t("progress.weakest")).nl();
            int i = 1;
            for (History.CriterionStat c : weakest) {
                String name = feature.criterionName(c.criterionId(), lang);
                Optional<String> drill = feature.trainingScenario(c.criterionId(), h);
                b.text(i++ + ". «" + name + "» — " + c.percent() + " %");
                if (drill.isPresent()) {
                    b.text(". " + ctx.t("progress.trains", "title", feature.scenarioTitle(drill.get(), lang)));
                    rows.add(rows.size() - (waitingButton(rows) ? 1 : 0), List.of(new Button(ctx.t("progress.btn.train", "name", shortLabel(name)), "/drill " + drill.get())));
                }
                b.nl();
            }
        }
        out.add(Reply.of(b.build()).withButtons(rows));
        return out;
    }

    /** The chart as a photo reply; empty when there is nothing to draw or drawing failed (the text still goes). */
    private Optional<Reply> chart(Context ctx, List<History.CriterionStat> criteria) {
        if (criteria.isEmpty()) {
            return Optional.empty();
        }
        List<Chart.Bar> bars = criteria.stream().map(c -> new Chart.Bar(feature.criterionName(c.criterionId(), ctx.lang()), c.percent())).toList();
        try {
            byte[] png = Chart.png(ctx.t("progress.chart.title", "n", History.LAST_RUNS), ctx.t("progress.chart.y"), bars);
            return Optional.of(Reply.of(Rich.builder().build()).withPhoto(Photo.png("progress.png", png)));
        } catch (RuntimeException | LinkageError | java.awt.AWTError e) {
            // e.g. a JRE without fonts: the numbers in the text say the same
            LOG.warn("progress chart not drawn: {}", e.toString());
            return Optional.empty();
        }
    }

    /** Whether the last row is the review button (the weak spots' buttons go above it). */
    private static boolean waitingButton(List<List<Button>> rows) {
        return !rows.isEmpty() && rows.get(rows.size() - 1).get(0).data().equals("/quiz review");
    }

    private static String shortLabel(String s) {
        return s.length() > 40 ? s.substring(0, 39) + "…" : s;
    }
}
