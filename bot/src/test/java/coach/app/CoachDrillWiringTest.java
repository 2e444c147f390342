package coach.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.core.Button;
import coach.core.ChatType;
import coach.core.Incoming;
import coach.core.Permissions;
import coach.core.Reply;
import coach.core.SessionStore;
import coach.text.Lang;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drills as the real coach wires them: commands listed, start-menu buttons and the deep link work. */
class CoachDrillWiringTest {
    @Test
    void drillAndQuizAreWiredIntoTheCoach() {
        Coach coach = Coach.create(TestKb.source(), SessionStore.inMemory(), Permissions.ALL);
        assertTrue(coach.registry().find("drill").isPresent());
        assertTrue(coach.registry().find("quiz").isPresent());
        assertTrue(coach.drills().scenarios().size() >= 6);
        String help = say(coach, "u1", "/help");
        assertTrue(help.contains("/drill — Тренировка трудного разговора") && help.contains("/quiz — Самопроверка"), help);

        List<Reply> start = coach.core().handle(Incoming.text("u1", "c1", ChatType.PRIVATE, Lang.RU, "/start"));
        List<String> data = start.get(0).buttons().stream().flatMap(List::stream).map(Button::data).toList();
        assertTrue(data.contains("/drill") && data.contains("/quiz"), data.toString());
        String pressed = text(coach.core().handle(Incoming.button("u1", "c1", ChatType.PRIVATE, Lang.RU, "/drill")));
        assertTrue(pressed.contains("Тренировки"), pressed);

        String deep = say(coach, "u2", "/start drill-dissatisfied-client");
        assertTrue(deep.contains("Тренировка: Клиент недоволен качеством услуги"), deep);
        String answer = say(coach, "u2", "Приносим извинения, понимаю ваше недовольство. Что именно не так?");
        assertTrue(answer.contains("Ход 1 из 3"), "free text during a drill goes to the drill: " + answer);
        assertTrue(say(coach, "u3", "/start drill-nope").contains("Сценария «nope» нет"));
    }

    private static String say(Coach coach, String user, String text) {
        return text(coach.core().handle(Incoming.text(user, "c1", ChatType.PRIVATE, Lang.RU, text)));
    }

    private static String text(List<Reply> replies) {
        return String.join("\n---\n", replies.stream().map(r -> r.text().plain()).toList());
    }
}
