package coach.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.core.Button;
import coach.core.CommandLine;
import coach.core.SessionKey;
import coach.core.SessionState;
import coach.core.SessionStore;
import coach.text.Lang;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrillSessionTest {
    static final String ID = Drills.COMPLAINT_SCENARIO;

    private static Scenario complaint(Chat chat) {
        return chat.drills.scenario(ID).orElseThrow();
    }

    private static String model(Chat chat, long seed, int turn) {
        Scenario s = complaint(chat);
        return Template.fill(s.turns().get(turn).modelAnswer(), s.pick(seed));
    }

    /** The client's reaction with this id after the given turn, rendered with the run's variables (it must quote no slot). */
    private static String reaction(Chat chat, long seed, int turn, String id) {
        Scenario s = complaint(chat);
        Reaction r = s.turns().get(turn).reactions().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        return Template.fill(r.ru(), s.pick(seed));
    }

    @Test
    void drillListsEveryScenarioAsAButtonThatStartsIt() {
        Chat chat = new Chat(1);
        String list = chat.say("/drill");
        for (Scenario s : chat.drills.scenarios()) {
            assertTrue(list.contains(s.title(Lang.RU)), s.id());
        }
        assertEquals(chat.drills.scenarios().size(), chat.buttons().size());
        for (Button b : chat.buttons()) {
            assertTrue(b.data().getBytes(StandardCharsets.UTF_8).length <= Button.MAX_DATA_BYTES);
            assertEquals("drill", CommandLine.parse(b.data()).orElseThrow().name());
        }
        String started = chat.press(chat.buttonData("недоволен"));
        assertTrue(started.contains("Тренировка: Клиент недоволен качеством услуги"), started);
        assertTrue(chat.store.get(new SessionKey("c1", "u1")).isPresent());
    }

    @Test
    void aFullDrillScoresEachTurnReactsToWhatWasSaidAndEndsWithTotalsAndModelAnswers() {
        long seed = 100;
        Chat chat = new Chat(seed);
        Map<String, String> vars = complaint(chat).pick(seed);
        String opening = chat.say("/drill " + ID);
        assertTrue(opening.contains(vars.get("client_name") + ": Добрый день. Это " + vars.get("client_name")), opening);
        assertTrue(opening.contains("№ " + vars.get("order_number")), opening);
        assertFalse(opening.contains("{{"), opening);

        String t1 = chat.say(model(chat, seed, 0));
        assertTrue(t1.contains("Ход 1 из 3: 100/100"), t1);
        assertTrue(t1.contains(reaction(chat, seed, 0, "heard")), "a good answer that asked for details gets them: " + t1);

        String t2 = chat.say("Мы разберёмся.");
        assertTrue(t2.contains("Ход 2 из 3: 0/100"), "content-free: not even polite: " + t2);
        assertTrue(t2.contains("❌ Конкретное решение — нет"), t2);
        assertTrue(t2.contains("«Предложение конкретных решений»: Необходимо предложить конкретные действия для решения проблемы"), "quotes the guide: " + t2);
        assertTrue(t2.contains("Можно так: Мы бесплатно переделаем работу"), "offers a phrase: " + t2);
        assertTrue(t2.contains(reaction(chat, seed, 1, "confused")), "a content-free answer confuses the client: " + t2);

        String t3 = chat.say(model(chat, seed, 2));
        assertTrue(t3.contains("Ход 3 из 3: 100/100"), t3);
        assertTrue(t3.contains("Тренировка завершена"), t3);
        assertTrue(t3.contains("Итог: 74/100"), "(100 + 21 + 100) / 3: turn 2's empathy counts from turn 1 (a whole-conversation criterion): " + t3);
        assertTrue(t3.contains("Конкретное решение: 1 из 2"), t3);
        assertTrue(t3.contains("Уточнение деталей: 1 из 1"), t3);
        for (int i = 0; i < 3; i++) {
            assertTrue(t3.contains(model(chat, seed, i)), "model answer " + (i + 1) + " shown");
        }
        assertTrue(t3.contains(reaction(chat, seed, 1, "confused")), "the summary shows the client lines the user saw");
        assertTrue(chat.store.get(new SessionKey("c1", "u1")).isEmpty(), "the drill is over");
        assertEquals("/drill " + ID, chat.buttonData("Ещё раз"));
        assertEquals("/drill", chat.buttonData("Другой"));
    }

    @Test
    void theClientQuotesTheDayAndTheAmountTheReplyNamedAndAsksForWhatIsMissing() {
        Chat chat = new Chat(40);
        chat.say("/drill " + ID);
        chat.say("Приносим извинения, понимаю ваше недовольство. Что именно не так?");
        String day = chat.say("Понимаю, как это неприятно. Переделаем уборку в четверг бесплатно.");
        assertTrue(day.contains("Допустим, в четверг."), "the day promised is quoted back: " + day);
        assertTrue(day.contains("Кто это проверит?"), "nobody was named to check: " + day);

        Chat other = new Chat(41);
        other.say("/drill " + ID);
        other.say("Приносим извинения, понимаю ваше недовольство. Что именно не так?");
        String noDay = other.say("Понимаю. Сделаем вам скидку 20% на этот заказ.");
        assertTrue(noDay.contains("Скидка 20% — это хорошо"), "the amount is quoted back: " + noDay);
        assertTrue(noDay.contains("когда именно?"), "asks for the missing time: " + noDay);

        Chat foreman = new Chat(42);
        foreman.say("/drill " + ID);
        foreman.say("Приносим извинения, понимаю ваше недовольство. Что именно не так?");
        String checked = foreman.say("Переделаем бесплатно в пятницу, бригадир проверит каждую комнату.");
        assertFalse(checked.contains("Кто это проверит?"), "the foreman was named: " + checked);
        assertTrue(checked.contains("в пятницу"), checked);
    }

    @Test
    void aRudeReplyEscalatesAndAnOffTopicOneConfusesTheClient() {
        Chat chat = new Chat(43);
        chat.say("/drill " + ID);
        String rude = chat.say("Это не наша проблема, бригада всё сделала по договору.");
        assertTrue(rude.contains("Пишу вашему руководству"), rude);
        String confused = chat.say("ок");
        assertTrue(confused.contains("Я не понимаю, к чему это"), confused);
    }

    @Test
    void anEnglishUserGetsTheWholeDrillInEnglishAndIsScoredInEnglish() {
        Chat chat = new Chat(44);
        String start = chat.say("u1", "c1", Lang.EN, "/drill " + ID);
        assertTrue(start.contains("Good afternoon. This is"), start);
        assertTrue(start.contains("order No."), start);
        assertFalse(start.contains("Добрый день"), start);
        String t1 = chat.say("u1", "c1", Lang.EN, "We are so sorry, I understand your frustration. What exactly went wrong?");
        assertTrue(t1.contains("100/100"), t1);
        assertTrue(t1.contains("Thank you for being willing to sort it out."), t1);
    }

    @Test
    void theSameSeedGivesTheSameDrill() {
        assertEquals(new Chat(7).say("/drill " + ID), new Chat(7).say("/drill " + ID));
    }

    @Test
    void drillDuringADrillAsksBeforeAbandoningIt() {
        Chat chat = new Chat(3);
        chat.say("/drill " + ID);
        chat.say(model(chat, 3, 0));
        String ask = chat.say("/drill project-delay");
        assertTrue(ask.contains("Сейчас открыто: тренировка «Клиент недоволен качеством услуги»"), ask);
        assertEquals("/drill abandon project-delay", chat.buttonData("Прервать"));
        assertEquals("/drill continue", chat.buttonData("Продолжить"));

        String cont = chat.press("/drill continue");
        assertTrue(cont.contains(reaction(chat, 3, 0, "heard")), "repeats the client's last line: " + cont);
        String t2 = chat.say(model(chat, 3, 1));
        assertTrue(t2.contains("Ход 2 из 3"), "the drill went on where it stood: " + t2);

        chat.say("/drill");
        String switched = chat.press(chat.buttonData("Прервать"));
        assertTrue(switched.contains("прервана после 2 из 3 ходов"), switched);
        assertTrue(switched.contains("Тренировки: я играю клиента"), "then the list: " + switched);

        chat.say("/drill " + ID);
        chat.say("/drill project-delay");
        String other = chat.press(chat.buttonData("Прервать"));
        assertTrue(other.contains("Тренировка: Проект задерживается"), other);
        SessionState s = chat.store.get(new SessionKey("c1", "u1")).orElseThrow();
        assertEquals("project-delay", s.data().get("scenario").asText());
    }

    @Test
    void cancelEndsTheDrillWithWhatWasDone() {
        Chat chat = new Chat(5);
        chat.say("/drill " + ID);
        chat.say(model(chat, 5, 0));
        String bye = chat.say("/cancel");
        assertTrue(bye.contains("прервана после 1 из 3 ходов"), bye);
        assertTrue(bye.contains("100/100"), bye);
        assertTrue(chat.store.get(new SessionKey("c1", "u1")).isEmpty());
        assertTrue(chat.say("/cancel").contains("нечего прерывать"));
    }

    @Test
    void badAnswersGetClearMessagesAndLoseNothing() {
        Chat chat = new Chat(9);
        chat.say("/drill " + ID);
        assertTrue(chat.say("   ").contains("Пуст"), "the core's or the drill's empty-answer message");
        String huge = chat.say("Извините. ".repeat(2000));
        assertTrue(huge.contains("слишком длинный (20000 символов)"), huge);
        assertTrue(chat.say("👍🙏!!!").contains("словами"));
        assertTrue(chat.say("\u0000\u0007").contains("словами"));
        String help = chat.say("/help");
        assertTrue(help.contains("/drill") && help.contains("/quiz"), help);
        String t1 = chat.say(model(chat, 9, 0));
        assertTrue(t1.contains("Ход 1 из 3: 100/100"), "nothing above counted as a turn: " + t1);
    }

    @Test
    void unknownOrForgedScenarioIdsGetTheListAndDoNotTouchTheSession() {
        Chat chat = new Chat(11);
        String unknown = chat.say("/drill no-such-thing");
        assertTrue(unknown.contains("Сценария «no-such-thing» нет"), unknown);
        assertEquals(chat.drills.scenarios().size(), chat.buttons().size());
        assertTrue(chat.store.get(new SessionKey("c1", "u1")).isEmpty(), "no session from an unknown id");

        chat.say("/drill " + ID);
        String forged = chat.press("/drill abandon ../../etc/passwd");
        assertTrue(forged.contains("нет. Выберите"), forged);
        assertTrue(chat.store.get(new SessionKey("c1", "u1")).isPresent(), "a forged abandon button abandons nothing");
        String longId = chat.say("/drill " + "x".repeat(500));
        assertTrue(longId.contains("x".repeat(40) + "…»"), "a long id is cut: " + longId.length());
        assertTrue(chat.say("/drill <b>Клиент</b>").contains("<b>клиент</b>"), "user text stays plain text");
        assertTrue(chat.say("/start drill-" + ID).contains("Сейчас открыто"), "the deep link also asks");
    }

    @Test
    void theSameUserDrillsInTwoChatsWithoutMixingThemUp() {
        Chat chat = new Chat(20);
        chat.say("u1", "chatA", Lang.RU, "/drill " + ID);
        chat.say("u1", "chatB", Lang.RU, "/drill project-delay");
        String a1 = chat.say("u1", "chatA", Lang.RU, "Приносим извинения, понимаю ваше недовольство. Что именно не так?");
        assertTrue(a1.contains("Ход 1 из 3: 100/100"), a1);
        String b1 = chat.say("u1", "chatB", Lang.RU, "Добрый день, всё идёт по плану.");
        assertTrue(b1.contains("Ход 1 из 2"), b1);
        assertTrue(b1.contains("Честно сообщить о задержке — нет"), b1);
        String a2 = chat.say("u1", "chatA", Lang.RU, "Понимаю вас. Переделаем бесплатно завтра, а потом я позвоню и спрошу, довольны ли вы.");
        assertTrue(a2.contains("Ход 2 из 3: 100/100"), a2);
        chat.say("u1", "chatA", Lang.RU, "/cancel");
        assertTrue(chat.store.get(new SessionKey("chatA", "u1")).isEmpty());
        SessionState b = chat.store.get(new SessionKey("chatB", "u1")).orElseThrow();
        assertEquals("project-delay", b.data().get("scenario").asText());
        assertEquals(1, b.data().get("turn").asInt(), "chat B stays at its own turn");
        String b2 = chat.say("u1", "chatB", Lang.RU, "Извините. Для презентации в пятницу пришлю готовую часть и буду держать вас в курсе.");
        assertTrue(b2.contains("Ход 2 из 2") && b2.contains("Тренировка завершена"), b2);
        assertTrue(chat.say("u2", "chatA", Lang.RU, "/cancel").contains("нечего прерывать"), "another user has no session");
    }

    @Test
    void aDrillSurvivesARestartThroughTheStoredJson() {
        SessionStore store = SessionStore.inMemory();
        Chat before = new Chat(30, store);
        String opening = before.say("/drill " + ID);
        before.say(model(before, 30, 0));
        SessionState saved = store.get(new SessionKey("c1", "u1")).orElseThrow();
        assertEquals(2, saved.version(), "every save bumps the version");
        // A new process: a fresh coach over a store that kept the JSON (as the database store will).
        SessionStore restored = SessionStore.inMemory();
        restored.put(new SessionKey("c1", "u1"), new SessionState(saved.kind(), saved.data().deepCopy(), saved.version()));
        Chat after = new Chat(999, restored);
        String t2 = after.say(model(after, 30, 1));
        assertTrue(t2.contains("Ход 2 из 3: 100/100"), t2);
        assertTrue(t2.contains(complaint(after).pick(30).get("client_name") + ":"), "the same client as before the restart");
        assertTrue(opening.contains(complaint(after).pick(30).get("client_name")));
    }

    @Test
    void anUnreadableOrOrphanedStateEndsCleanly() {
        Chat chat = new Chat(40);
        chat.say("/drill " + ID);
        SessionKey key = new SessionKey("c1", "u1");
        SessionState s = chat.store.get(key).orElseThrow();
        s.data().put("format", 99);
        chat.store.put(key, s);
        assertTrue(chat.say("Извините").contains("не удалось продолжить"));
        assertTrue(chat.store.get(key).isEmpty());
        chat.say("/drill " + ID);
        SessionState t = chat.store.get(key).orElseThrow();
        t.data().put("scenario", "removed-scenario");
        chat.store.put(key, t);
        assertTrue(chat.say("Извините").contains("не удалось продолжить"));
        assertTrue(chat.store.get(key).isEmpty());
    }

    @Test
    void englishUsersGetEnglishChromeAndTitles() {
        Chat chat = new Chat(50);
        String list = chat.say("u1", "c1", Lang.EN, "/drill");
        assertTrue(list.contains("Drills: I play the client"), list);
        assertTrue(list.contains("A client unhappy with the quality of a service"), list);
        String start = chat.say("u1", "c1", Lang.EN, "/drill " + ID);
        assertTrue(start.contains("I score answers on: Apology; Empathy"), start);
        String turn = chat.say("u1", "c1", Lang.EN, "Мы разберёмся.");
        assertTrue(turn.contains("Turn 1 of 3"), turn);
        assertTrue(turn.contains("You could say:"), turn);
    }

    @Test
    void politenessGatesTheScore() {
        Chat chat = new Chat(60);
        chat.say("/drill " + ID);
        String rude = chat.say("Извините, понимаю. Что именно не так? Но вы сами виноваты.");
        assertTrue(rude.contains("❌ Вежливость — нет"), rude);
        assertTrue(rude.contains("Ход 1 из 3: 40/100"), "a rude answer is capped: " + rude);
    }
}
