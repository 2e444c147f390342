package coach.search;

import coach.core.Command;
import coach.core.Feature;
import coach.kb.KnowledgeBase;
import java.util.List;
import java.util.Map;

/** The search feature: /ask, the guide's answer to a question (free text that reads as a question is routed here too). */
public final class SearchFeature implements Feature {
    private final List<Command> commands;

    public SearchFeature(SearchEngine engine, KnowledgeBase kb, Map<String, AskCommand.Material> materials) {
        this.commands = List.of(Command.of("ask", "ask.desc", new AskCommand(engine, kb, materials)));
    }

    @Override
    public List<Command> commands() {
        return commands;
    }
}
