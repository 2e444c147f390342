package coach.app;

import coach.core.Command;
import coach.core.Feature;
import coach.core.SessionHandler;
import coach.kb.KnowledgeBase;
import coach.phrasing.CheckCommand;
import coach.phrasing.PhrasingEngine;
import java.util.List;

/**
 * The everyday feature: a draft checked in chat (/check, short first, the full report behind «Подробнее»),
 * free text routed as a draft, a question or small talk ({@link QuestionOrDraftRouter}), and the switch
 * under the answer when the guess was wrong (/mode, unlisted).
 */
final class Everyday implements Feature {
    private final List<Command> commands;
    private final QuestionOrDraftRouter router;

    Everyday(KnowledgeBase kb, PhrasingEngine phrasing) {
        DraftCheckCommand check = new DraftCheckCommand(phrasing, new CheckCommand(phrasing, kb));
        this.commands = List.of(
                Command.of("check", "check.description", check),
                Command.of("mode", "mode.desc", new ModeCommand(check)).unlisted());
        this.router = new QuestionOrDraftRouter(kb, text -> phrasing.check(text).risky());
    }

    /** /check and /mode. */
    @Override
    public List<Command> commands() {
        return commands;
    }

    /** The last routed text (for the switch) and check mode (the next message is a draft). */
    @Override
    public List<SessionHandler> sessions() {
        return List.of(new ModeCommand.LastText(), new ModeCommand.CheckNext());
    }

    /** What free text outside a session goes to. */
    QuestionOrDraftRouter router() {
        return router;
    }
}
