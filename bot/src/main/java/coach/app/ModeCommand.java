package coach.app;

import coach.core.Button;
import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import coach.core.SessionHandler;
import coach.core.SessionState;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The buttons under a routed message: {@code /mode ask} handles the last text as a question,
 * {@code /mode check} as a draft, {@code /mode full} shows a draft's full report in place of the short one.
 * The last text lives in a passive session ({@link LastText}): the next message replaces it.
 */
public final class ModeCommand implements Command.Handler {
    private final DraftCheckCommand check;

    ModeCommand(DraftCheckCommand check) {
        this.check = check;
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        Optional<String> last = LastText.text(ctx);
        if (last.isEmpty()) {
            return List.of(Reply.of(ctx.t("mode.none")));
        }
        return switch (args.strip()) {
            case "ask" -> runAs(ctx, QuestionOrDraftRouter.Mode.QUESTION, last.get());
            case "check" -> runAs(ctx, QuestionOrDraftRouter.Mode.DRAFT, last.get());
            case "full" -> withSwitch(ctx, List.of(check.fullReport(ctx, last.get()).asEdit()), QuestionOrDraftRouter.Mode.DRAFT);
            default -> List.of(Reply.of(ctx.t("button.expired")));
        };
    }

    /** Runs the mode's command on {@code text}, remembers the text for the switch button and adds that button. */
    static List<Reply> runAs(Context ctx, QuestionOrDraftRouter.Mode mode, String text) {
        List<Reply> replies = ctx.run(mode.command(), text);
        LastText.remember(ctx, text);
        return withSwitch(ctx, replies, mode);
    }

    private static List<Reply> withSwitch(Context ctx, List<Reply> replies, QuestionOrDraftRouter.Mode mode) {
        if (replies.isEmpty()) {
            return replies;
        }
        List<Reply> out = new ArrayList<>(replies);
        Reply first = out.get(0);
        List<List<Button>> rows = new ArrayList<>(first.buttons());
        rows.add(List.of(QuestionOrDraftRouter.switchButton(ctx, mode)));
        out.set(0, first.withButtons(rows));
        return out;
    }

    /** The last text routed or checked in this chat, for the buttons under its answer. */
    static final class LastText extends coach.core.PassiveSession {
        static final String KIND = "last-text";

        /** Remembers the text unless a drill, quiz or form is open (that session must not be replaced). */
        static void remember(Context ctx, String text) {
            if (ctx.session().isPresent()) {
                return;
            }
            ObjectNode data = JsonNodeFactory.instance.objectNode().put("text", text);
            ctx.startSession(KIND, data);
        }

        static Optional<String> text(Context ctx) {
            return ctx.session(KIND).map(s -> s.data().path("text").asText("")).filter(t -> !t.isBlank());
        }

        @Override
        public String kind() {
            return KIND;
        }

    }

    /** «Проверить текст»: the next message is checked as a draft whatever it looks like. */
    static final class CheckNext implements SessionHandler {
        static final String KIND = "check-next";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public boolean passive() {
            return true;
        }

        @Override
        public List<Reply> onText(Context ctx, SessionState state, String text) {
            if (text.isBlank()) {
                return List.of(Reply.of(ctx.t("check.next.empty")));
            }
            ctx.endSession();
            return runAs(ctx, QuestionOrDraftRouter.Mode.DRAFT, text);
        }

        @Override
        public String title(Context ctx, SessionState state) {
            return ctx.t("check.next.title");
        }

        @Override
        public List<Reply> onCancel(Context ctx, SessionState state) {
            return List.of(Reply.of(ctx.t("cancel.nothing")));
        }
    }
}
