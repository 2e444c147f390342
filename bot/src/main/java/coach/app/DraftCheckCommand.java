package coach.app;

import coach.core.Button;
import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import coach.core.Rich;
import coach.core.Texts;
import coach.phrasing.CheckCommand;
import coach.phrasing.CheckResult;
import coach.phrasing.Finding;
import coach.phrasing.PhrasingEngine;
import coach.text.Lang;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * /check as the chat shows it: a long report short first (the verdict, the risky fragments and the best
 * version), the full report of {@link CheckCommand} behind «Подробнее» ({@code /mode full}, edits the
 * message in place); the best version in a message of its own that holds only the rewrite, with a copy
 * button when it fits one. {@code /check} alone opens check mode: the next message is checked whatever it looks like.
 */
public final class DraftCheckCommand implements Command.Handler {
    /** Reports up to this many characters (about a screen and a half on a phone) are shown whole at once. */
    static final int SHORT_REPORT_CHARS = 2500;
    /** Fragments listed in a short report. */
    static final int LISTED = 5;

    private final PhrasingEngine engine;
    private final CheckCommand report;

    DraftCheckCommand(PhrasingEngine engine, CheckCommand report) {
        this.engine = engine;
        this.report = report;
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        if (args == null || args.isBlank()) {
            java.util.Optional<coach.core.SessionState> open = ctx.session();
            if (open.isPresent()) {
                String title = ctx.handler(open.get().kind()).map(h -> h.title(ctx, open.get())).orElse("");
                return List.of(Reply.of(ctx.t("check.next.busy", "title", title)));
            }
            ctx.startSession(ModeCommand.CheckNext.KIND, JsonNodeFactory.instance.objectNode());
            return List.of(Reply.of(ctx.t("check.next") + "\n\n" + ctx.t("check.usage")));
        }
        ModeCommand.LastText.remember(ctx, args);
        CheckResult r = engine.check(args);
        Rich full = report.report(r, ctx.lang());
        List<Reply> out = new ArrayList<>();
        if (!r.risky()) {
            out.add(Reply.of(full));
            return out;
        }
        if (full.plain().length() <= SHORT_REPORT_CHARS) {
            out.add(Reply.of(full));
        } else {
            out.add(Reply.of(shortReport(r, ctx.lang()))
                    .withButtons(List.of(List.of(new Button(ctx.t("check.btn.details"), "/mode full")))));
        }
        if (!r.suggestions().isEmpty()) {
            out.add(bestVersion(r.suggestions().get(0), ctx.lang()));
        }
        return out;
    }

    /** The full report of a text, for «Подробнее». */
    Reply fullReport(Context ctx, String text) {
        return Reply.of(report.report(engine.check(text), ctx.lang()));
    }

    /** The verdict, the risky fragments with what each is, and where the best version is. */
    static Rich shortReport(CheckResult r, Lang ui) {
        Rich.Builder b = Rich.builder().bold(Texts.get(ui, "check.short.verdict", "count", r.findings().size())).nl();
        int n = 0;
        for (Finding f : r.findings()) {
            if (n++ == LISTED) {
                b.text(Texts.get(ui, "check.short.more", "count", r.findings().size() - LISTED)).nl();
                break;
            }
            b.text("• ").mark(f.fragment()).text(" — " + Texts.get(ui, "category." + f.category())).nl();
        }
        b.nl().text(Texts.get(ui, r.suggestions().isEmpty() ? "check.short.no_best" : "check.short.best_below"));
        return b.build();
    }

    /** A message with only the rewrite, ready to forward or copy; a copy button when it fits one. */
    static Reply bestVersion(String best, Lang ui) {
        Reply r = Reply.of(Rich.of(best));
        if (Button.copyable(best)) {
            r = r.withButtons(List.of(List.of(Button.copy(Texts.get(ui, "check.btn.copy"), best))));
        }
        return r;
    }
}
