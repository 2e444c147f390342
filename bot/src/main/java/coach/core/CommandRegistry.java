package coach.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Commands by name, in registration order (the order /help shows them). */
public final class CommandRegistry {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public CommandRegistry register(Command c) {
        if (commands.putIfAbsent(c.name(), c) != null) {
            throw new IllegalStateException("command registered twice: /" + c.name());
        }
        return this;
    }

    public Optional<Command> find(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    public List<Command> all() {
        return Collections.unmodifiableList(new ArrayList<>(commands.values()));
    }

    public List<Command> listed() {
        return commands.values().stream().filter(Command::listed).toList();
    }
}
