package coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import coach.LogCapture;
import coach.TestKb;
import coach.core.Button;
import coach.core.ChatType;
import coach.core.Command;
import coach.core.ConversationCore;
import coach.core.Incoming;
import coach.core.Permissions;
import coach.core.Reply;
import coach.core.SessionStore;
import coach.core.Texts;
import coach.store.Store;
import coach.text.Lang;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Presses every button the coach can produce, in every state a button press or a first answer leads
 * to (nothing open, a drill, the quiz, a template fill-in, …), twice each (an old message's button
 * pressed again), and checks that no handler fails: no apology with a reference, no error logged.
 */
class EveryButtonTest {
    @TempDir
    Path dir;

    final AtomicInteger chats = new AtomicInteger();

    @Test
    void everyButtonInEveryStateIsHandled() {
        try (Store store = Store.open(dir); LogCapture errors = new LogCapture(ConversationCore.class.getName(), Level.ERROR)) {
            SessionStore sessions = SessionStore.inMemory();
            Coach coach = Coach.create(TestKb.source(), new Coach.Options(sessions, Permissions.ALL, store,
                    java.time.Clock.systemUTC()));
            ConversationCore core = coach.core();
            for (Lang lang : Lang.values()) {
                String failure = Texts.get(lang, "error.internal", "ref", "").replace("{ref}", "").strip();
                String apology = failure.substring(0, Math.min(20, failure.length()));
                // 1. every button reachable from the commands, by pressing buttons in a fresh chat
                Set<String> buttons = new LinkedHashSet<>();
                Deque<String> todo = new ArrayDeque<>();
                List<String> seeds = new ArrayList<>();
                for (Command c : coach.registry().listed()) {
                    seeds.add("/" + c.name());
                }
                seeds.addAll(List.of("/drill abandon", "/quiz abandon", "/drill continue", "/quiz continue", "/tip"));
                for (String s : seeds) {
                    collect(core.handle(text(chat(), lang, s)), buttons, todo);
                }
                while (!todo.isEmpty() && buttons.size() < 400) {
                    String data = todo.poll();
                    collect(core.handle(button(chat(), lang, data)), buttons, todo);
                }
                assertTrue(buttons.size() > 20, "buttons found: " + buttons);

                // 2. every button in every state, twice; buttons that only show up in some state join the next round
                int presses = 0;
                for (int round = 0; round < (lang == Lang.RU ? 3 : 1); round++) {
                    Map<String, List<String>> states = states(sessions, core, buttons, lang);
                    assertTrue(states.size() >= 4, "several distinct states: " + states.keySet());
                    Set<String> found = new LinkedHashSet<>(buttons);
                    for (List<String> steps : states.values()) {
                        for (String b : buttons) {
                            String chat = chat();
                            for (String step : steps) {
                                core.handle(step.startsWith("!") ? button(chat, lang, step.substring(1)) : text(chat, lang, step));
                            }
                            for (int i = 0; i < 2; i++) {
                                List<Reply> r = core.handle(button(chat, lang, b));
                                presses++;
                                String shown = String.join("\n", r.stream().map(x -> x.text().plain()).toList());
                                assertFalse(shown.contains(apology), "pressing " + b + " after " + steps + " failed: " + shown);
                                collect(r, found, new ArrayDeque<>());
                            }
                        }
                    }
                    if (found.size() == buttons.size() || found.size() > 400) {
                        break;
                    }
                    buttons = found;
                }
                if (lang == Lang.RU) {
                    assertTrue(buttons.stream().anyMatch(b -> b.startsWith("/drill abandon")), buttons.toString());
                    assertTrue(buttons.contains("/quiz abandon"), buttons.toString());
                }
                assertTrue(presses > 200, "presses: " + presses);
            }
            assertEquals(List.of(), errors.messages(), "no handler failed");
        }
    }

    /** Nothing open, and what each button (and then one free-text answer) leads to; one set of steps per distinct state. */
    Map<String, List<String>> states(SessionStore sessions, ConversationCore core, Set<String> buttons, Lang lang) {
        List<List<String>> candidates = new ArrayList<>();
        candidates.add(List.of());
        for (String b : buttons) {
            candidates.add(List.of("!" + b));
            candidates.add(List.of("!" + b, "Добрый день! Понимаю вас, проверю и отвечу до 15:00."));
        }
        Map<String, List<String>> distinct = new LinkedHashMap<>();
        for (List<String> steps : candidates) {
            String chat = chat();
            for (String step : steps) {
                core.handle(step.startsWith("!") ? button(chat, lang, step.substring(1)) : text(chat, lang, step));
            }
            distinct.putIfAbsent(stateOf(sessions, core, chat, lang), steps);
        }
        return distinct;
    }

    /** The open session's kind and step, as the user would describe where they are. */
    static String stateOf(SessionStore sessions, ConversationCore core, String chat, Lang lang) {
        return sessions.get(new coach.core.SessionKey(chat, "u" + chat)).map(s -> s.kind()).orElse("-")
                + "|" + core.handle(button(chat, lang, "/drill continue")).stream().map(r -> r.text().plain()).findFirst().orElse("");
    }

    String chat() {
        return "c" + chats.incrementAndGet();
    }

    static Incoming text(String chat, Lang lang, String text) {
        return Incoming.text("u" + chat, chat, ChatType.PRIVATE, lang, text);
    }

    static Incoming button(String chat, Lang lang, String data) {
        return Incoming.button("u" + chat, chat, ChatType.PRIVATE, lang, data);
    }

    static void collect(List<Reply> replies, Set<String> buttons, Deque<String> todo) {
        for (Reply r : replies) {
            for (List<Button> row : r.buttons()) {
                for (Button b : row) {
                    if (buttons.add(b.data())) {
                        todo.add(b.data());
                    }
                }
            }
        }
    }
}
