package coach.drill;

import coach.TestKb;
import coach.core.Button;
import coach.core.ChatType;
import coach.core.CommandRegistry;
import coach.core.ConversationCore;
import coach.core.Incoming;
import coach.core.Permissions;
import coach.core.Reply;
import coach.core.SessionStore;
import coach.text.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A conversation core with the drills wired as in the app, fixed seeds and a test politeness check, and helpers to talk to it. */
final class Chat {
    /** Stands in for the phrasing engine in tests of the other criteria: flags a few blunt phrases. */
    static final Predicate<String> RUDE = t -> {
        String n = coach.text.Normalizer.norm(t);
        return n.contains("сами виноват") || n.contains("не наша проблема") || n.contains("ничем не можем") || n.contains("успокойтесь");
    };

    final Drills drills;
    final ConversationCore core;
    final SessionStore store;
    List<Reply> last = List.of();

    Chat(long seed) {
        this(seed, SessionStore.inMemory());
    }

    Chat(long seed, SessionStore store) {
        this.store = store;
        long[] next = {seed};
        drills = Drills.load(TestKb.kb(), RUDE, () -> next[0]++);
        CommandRegistry reg = new CommandRegistry();
        new coach.core.BasicCommands(coach.app.Coach.MENU, null).commands().forEach(reg::register);
        drills.commands().forEach(reg::register);
        core = new ConversationCore(reg, new ArrayList<>(drills.sessions()), store, (c, t) -> "help", Permissions.ALL);
    }

    String say(String text) {
        return say("u1", "c1", Lang.RU, text);
    }

    String say(String user, String chat, Lang lang, String text) {
        last = core.handle(Incoming.text(user, chat, ChatType.PRIVATE, lang, text));
        return text(last);
    }

    String press(String data) {
        last = core.handle(Incoming.button("u1", "c1", ChatType.PRIVATE, Lang.RU, data));
        return text(last);
    }

    List<Button> buttons() {
        List<Button> out = new ArrayList<>();
        last.forEach(r -> r.buttons().forEach(out::addAll));
        return out;
    }

    String buttonData(String labelPart) {
        return buttons().stream().filter(b -> b.label().contains(labelPart)).findFirst().orElseThrow(
                () -> new AssertionError("no button '" + labelPart + "' in " + buttons())).data();
    }

    static String text(List<Reply> replies) {
        return String.join("\n---\n", replies.stream().map(r -> r.text().plain()).toList());
    }
}
