package coach.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.core.SessionKey;
import coach.text.Lang;
import org.junit.jupiter.api.Test;

class QuizSessionTest {

    @Test
    void theQuizAsksTheGuidesQuestionsComparesKeyPointsAndScoresTheTaskWithTheRubric() {
        Chat chat = new Chat(1);
        String q1 = chat.say("/quiz");
        assertTrue(q1.contains("Самопроверка по теме: Коммуникация с клиентами и партнёрами"), q1);
        assertTrue(q1.contains("Вопрос 1 из 3\n" + TestKb.kb().selfCheck().questions().get(0)), q1);

        String a1 = chat.say("Регулярно поддерживать связь и честно говорить о проблемах.");
        assertTrue(a1.contains("Вы назвали: 2/4"), a1);
        assertTrue(a1.contains("✅ Регулярно поддерживать связь"), a1);
        assertTrue(a1.contains("✅ Быть честным и прозрачным"), a1);
        assertTrue(a1.contains("❌ Решать проблемы проактивно — «Проактивность в решении проблем»"), a1);
        assertTrue(a1.contains("Эталонный ответ:"), a1);
        assertTrue(a1.contains("Вопрос 2 из 3\n" + TestKb.kb().selfCheck().questions().get(1)), a1);

        String a2 = chat.say("Не знаю.");
        assertTrue(a2.contains("Вы назвали: 0/4"), a2);
        assertTrue(a2.contains("ничего из ключевых мыслей"), a2);

        String a3 = chat.say("Быстро отреагировать, извиниться, выслушать клиента, предложить компенсацию и потом убедиться, что клиент доволен.");
        assertTrue(a3.contains("Вы назвали: 5/5"), a3);
        assertTrue(a3.contains("Задача\n" + TestKb.kb().selfCheck().task()), a3);

        String task = chat.say("Извинюсь и скажу, что понимаю недовольство клиента. Уточню, что именно его не устроило, "
                + "предложу бесплатно переделать работу и потом позвоню узнать, доволен ли он результатом.");
        assertTrue(task.contains("Оценка решения: 100/100"), task);
        assertTrue(task.contains("Самопроверка завершена"), task);
        assertTrue(task.contains("Вопросы: 7 из 13 ключевых мыслей"), task);
        assertTrue(task.contains("Задача: 100/100"), task);
        assertEquals("/quiz", chat.buttonData("ещё раз"));
        assertEquals("/drill " + Drills.COMPLAINT_SCENARIO, chat.buttonData("жалобе"));
        assertTrue(chat.store.get(new SessionKey("c1", "u1")).isEmpty());
    }

    @Test
    void aWeakTaskAnswerGetsFeedbackWithTheGuidesWords() {
        Chat chat = new Chat(2);
        chat.say("/quiz");
        chat.say("Связь");
        chat.say("Сроки");
        chat.say("Извиниться");
        String task = chat.say("Скажу, что мы разберёмся.");
        assertTrue(task.contains("Оценка решения: 0/100"), "a content-free answer is not even scored polite: " + task);
        assertTrue(task.contains("Конкретное решение. «Предложение конкретных решений»"), task);
        assertTrue(task.contains("Эталонный ответ:"), task);
    }

    @Test
    void quizAndDrillGuardEachOther() {
        Chat chat = new Chat(3);
        chat.say("/quiz");
        chat.say("Регулярно поддерживать связь.");
        String ask = chat.say("/drill " + Drills.COMPLAINT_SCENARIO);
        assertTrue(ask.contains("Сейчас открыто: самопроверка"), ask);
        String cont = chat.press(chat.buttonData("Продолжить"));
        assertTrue(cont.contains("Вопрос 2 из 3"), cont);
        String again = chat.say("/quiz");
        assertTrue(again.contains("Сейчас открыто: самопроверка"), again);
        String restart = chat.press(chat.buttonData("Прервать"));
        assertTrue(restart.contains("Самопроверка прервана после 1 из 4 заданий"), restart);
        assertTrue(restart.contains("Вопрос 1 из 3"), restart);
        chat.say("/drill " + Drills.COMPLAINT_SCENARIO);
        String toDrill = chat.press(chat.buttonData("Прервать"));
        assertTrue(toDrill.contains("Тренировка: Клиент недоволен"), toDrill);
        String toQuiz = chat.say("/quiz");
        assertTrue(toQuiz.contains("Сейчас открыто: тренировка"), toQuiz);
        assertTrue(chat.press(chat.buttonData("Прервать")).contains("Вопрос 1 из 3"));
    }

    @Test
    void badAnswersDoNotAdvanceTheQuiz() {
        Chat chat = new Chat(4);
        chat.say("/quiz");
        assertTrue(chat.say("?!").contains("словами"));
        assertTrue(chat.say("я".repeat(20_000)).contains("слишком длинный"));
        assertTrue(chat.say("Регулярная связь").contains("Вопрос 2 из 3"));
        assertTrue(chat.say("/cancel").contains("прервана после 1 из 4"));
    }

    @Test
    void englishUsersGetTheQuestionsInEnglish() {
        Chat chat = new Chat(5);
        String q = chat.say("u1", "c1", Lang.EN, "/quiz");
        assertTrue(q.contains("Question 1 of 3\nWhich principles help to build long-term relationships"), q);
        String a = chat.say("u1", "c1", Lang.EN, "Keep in touch regularly, be honest.");
        assertTrue(a.contains("You named: 2/4"), a);
    }
}
