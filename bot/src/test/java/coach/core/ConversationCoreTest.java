package coach.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.app.Coach;
import coach.text.Lang;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConversationCoreTest {
    static Coach coach;

    @BeforeAll
    static void setUp() {
        coach = Coach.create(TestKb.source(), SessionStore.inMemory(), Permissions.ALL);
    }

    static List<Reply> say(String text) {
        return coach.core().handle(Incoming.text("u1", "c1", ChatType.PRIVATE, Lang.RU, text));
    }

    static String text(List<Reply> replies) {
        return String.join("\n---\n", replies.stream().map(r -> r.text().plain()).toList());
    }

    @Test
    void startGreetsWithButtonsForRegisteredCommands() {
        List<Reply> r = say("/start");
        assertEquals(1, r.size());
        assertTrue(r.get(0).text().plain().contains("коуч"));
        assertFalse(r.get(0).buttons().isEmpty());
        for (List<Button> row : r.get(0).buttons()) {
            for (Button b : row) {
                String name = CommandLine.parse(b.data()).orElseThrow().name();
                assertTrue(coach.registry().find(name).isPresent(), "button runs a real command: " + b.data());
            }
        }
    }

    @Test
    void helpListsEveryListedCommand() {
        String help = text(say("/help"));
        for (Command c : coach.registry().listed()) {
            assertTrue(help.contains("/" + c.name()), "help mentions /" + c.name());
        }
    }

    @Test
    void englishUsersReadEnglish() {
        List<Reply> r = coach.core().handle(Incoming.text("u1", "c1", ChatType.PRIVATE, Lang.EN, "/help"));
        assertTrue(text(r).contains("Commands"), text(r));
    }

    @Test
    void askAnswersFromTheGuide() {
        String r = text(say("/ask клиент жалуется на задержку"));
        assertTrue(r.contains("Своевременное реагирование на жалобы"), r);
        assertTrue(text(say("/ask")).contains("/ask"), "usage hint");
    }

    @Test
    void unknownCommandsAndForgedButtonsGetFriendlyAnswers() {
        assertTrue(text(say("/frobnicate")).contains("/help"));
        assertTrue(text(say("/")).contains("/help"));
        List<Reply> forged = coach.core().handle(Incoming.button("u1", "c1", ChatType.PRIVATE, Lang.RU, "/nope 123"));
        assertTrue(text(forged).contains("устарела"), text(forged));
        List<Reply> junk = coach.core().handle(Incoming.button("u1", "c1", ChatType.PRIVATE, Lang.RU, "\u0000garbage"));
        assertTrue(text(junk).contains("устарела"), text(junk));
    }

    @Test
    void commandsForOtherBotsAreIgnored() {
        coach.core().setBotUsername("coach_bot");
        try {
            assertTrue(say("/help@other_bot").isEmpty());
            assertFalse(say("/help@Coach_Bot").isEmpty());
        } finally {
            coach.core().setBotUsername(null);
        }
    }

    @Test
    void emptyAndHugeInputAreAnsweredClearly() {
        assertTrue(text(say("   ")).contains("Пустое"));
        assertTrue(text(say("а".repeat(ConversationCore.MAX_INPUT_CHARS + 1))).contains("слишком длинное"));
    }

    @Test
    void failingCommandBecomesAnApologyWithReference() {
        CommandRegistry reg = new CommandRegistry();
        reg.register(new Command() {
            public String name() {
                return "boom";
            }

            public String description(Lang l) {
                return "boom";
            }

            public List<Reply> run(Context ctx, String args) {
                throw new IllegalStateException("secret internal detail");
            }
        });
        ConversationCore core = new ConversationCore(reg, List.of(), SessionStore.inMemory(), (c, t) -> "boom", Permissions.ALL);
        String r = text(core.handle(Incoming.console("/boom")));
        assertTrue(r.contains("код"), r);
        assertFalse(r.contains("secret"), r);
        assertFalse(r.contains("Exception"), r);
    }

    @Test
    void adminOnlyCommandsAreCheckedInGroups() {
        CommandRegistry reg = new CommandRegistry();
        reg.register(new Command() {
            public String name() {
                return "admin";
            }

            public Access access() {
                return Access.CHAT_ADMIN;
            }

            public String description(Lang l) {
                return "admin";
            }

            public List<Reply> run(Context ctx, String args) {
                return List.of(Reply.of("done"));
            }
        });
        ConversationCore core = new ConversationCore(reg, List.of(), SessionStore.inMemory(), (c, t) -> "admin",
                (chat, user) -> user.equals("boss"));
        assertEquals("done", text(core.handle(Incoming.text("boss", "g", ChatType.GROUP, Lang.RU, "/admin"))));
        assertTrue(text(core.handle(Incoming.text("joe", "g", ChatType.GROUP, Lang.RU, "/admin"))).contains("администратор"));
        assertEquals("done", text(core.handle(Incoming.text("joe", "p", ChatType.PRIVATE, Lang.RU, "/admin"))));
    }

    @Test
    void commandLineParsing() {
        CommandLine c = CommandLine.parse("/Drill@CoachBot  dissatisfied-client ").orElseThrow();
        assertEquals("drill", c.name());
        assertEquals("CoachBot", c.botName());
        assertEquals("dissatisfied-client", c.args());
        assertTrue(CommandLine.parse("hello /help").isEmpty());
        assertEquals("ask", CommandLine.parse("/ask\nмногострочный\nвопрос").orElseThrow().name());
    }
}
