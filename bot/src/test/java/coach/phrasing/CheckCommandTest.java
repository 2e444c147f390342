package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.app.Coach;
import coach.core.ChatType;
import coach.core.Incoming;
import coach.core.Permissions;
import coach.core.Reply;
import coach.core.Rich;
import coach.core.SessionStore;
import coach.text.Lang;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /check and free-text drafts through the real conversation core. */
class CheckCommandTest {
    private static Coach coach;

    @BeforeAll
    static void setUp() {
        coach = Coach.create(TestKb.source(), SessionStore.inMemory(), Permissions.ALL);
    }

    private static List<Reply> say(Lang lang, String text) {
        return coach.core().handle(Incoming.text("u1", "c1", ChatType.PRIVATE, lang, text));
    }

    /** The report; a second message, when there is one, holds only the best version (coach.app.DraftCheckCommand). */
    private static String plain(List<Reply> r) {
        assertTrue(r.size() == 1 || r.size() == 2, "replies: " + r.size());
        return r.get(0).text().plain();
    }

    @Test
    void reportMarksTheFragmentExplainsItAndOffersWholeMessages() {
        List<Reply> replies = say(Lang.RU, "/check Анна, это не наша проблема, заказ № 4512 потерял перевозчик.");
        Rich rich = replies.get(0).text();
        String text = rich.plain();
        assertTrue(text.contains("Нашлось 1 рискованное место."), text);
        assertTrue(rich.segments().stream().anyMatch(s -> s.style() == Rich.Style.MARK && s.text().equals("это не наша проблема")), text);
        assertTrue(text.contains("перекладывание ответственности"), text);
        assertTrue(text.contains("Вежливость и уважение"), text);
        assertTrue(text.contains("Пример из руководства: вместо \"Это не наша проблема\" лучше сказать"), text);
        assertTrue(text.contains("Вежливые варианты всего сообщения:"), text);
        String best = coach.phrasing().check("Анна, это не наша проблема, заказ № 4512 потерял перевозчик.").suggestions().get(0);
        assertTrue(rich.segments().stream().anyMatch(s -> s.style() == Rich.Style.QUOTE && s.text().equals(best)), text);
    }

    @Test
    void aSentenceLeftForTheUserMeansNoVersionToSendOnlyAHeadStart() {
        String draft = "Привезём на днях. Не позвоним — звоните сами.";
        CheckResult r = coach.phrasing().check(draft);
        assertTrue(r.findings().stream().anyMatch(f -> !f.rewritable()), r.findings().toString());
        assertTrue(r.findings().stream().anyMatch(Finding::rewritable), r.findings().toString());
        // a version that leaves a risky sentence as it was is not offered as one to send
        assertTrue(r.suggestions().isEmpty(), r.suggestions().toString());
        assertFalse(r.partial().isEmpty());
        String head = r.partial().get(0);
        assertFalse(head.contains("на днях"), head);
        assertTrue(head.contains("Не позвоним — звоните сами."), head);
        String text = plain(say(Lang.RU, "/check " + draft));
        assertFalse(text.contains("Вежливые варианты всего сообщения:"), text);
        assertTrue(text.contains("Целиком безопасно переписать не получилось"), text);
        assertTrue(text.contains(head), text);
    }

    @Test
    void aRewrittenSentenceTheModelStillHearsIsLeftToTheWriter() {
        // the refusal is softened, but «так что зря приехали» stays in the same sentence: the version is not one to send
        String draft = "Примерку без записи не проводим, так что зря приехали. Запись по телефону.";
        CheckResult r = coach.phrasing().check(draft);
        assertTrue(r.risky());
        assertTrue(r.suggestions().isEmpty(), r.suggestions().toString());
        assertEquals(1, r.doubtful().size(), r.toString());
        String doubt = r.doubtful().get(0);
        assertFalse(draft.contains(doubt), "the doubtful sentence is the version's, not the draft's: " + doubt);
        assertTrue(doubt.contains("зря приехали"), doubt);
        String text = plain(say(Lang.RU, "/check " + draft));
        assertTrue(text.contains("это предложение я поправил, но оно всё ещё может прозвучать резко"), text);
        assertTrue(text.contains(doubt), text);
        assertFalse(text.contains("эти предложения я не менял"), text);
        // the same refusal without the jibe is offered
        assertFalse(coach.phrasing().check("Примерку без записи не проводим. Запись по телефону.").suggestions().isEmpty());
    }

    @Test
    void cleanDraftGetsAShortPositiveAnswer() {
        String text = plain(say(Lang.RU, "/check Спасибо, что написали! Я уже передала ваш вопрос мастеру."));
        assertTrue(text.startsWith("Рискованных формулировок не нашлось"), text);
        assertTrue(text.length() < 200, text);
    }

    @Test
    void checkWithoutTextOpensCheckModeAndExplainsUsage() {
        String text = plain(say(Lang.RU, "/check"));
        assertTrue(text.contains("/check Анна, это не наша проблема"), text);
        // check mode: the next message is checked as a draft even though it looks like a question
        String next = plain(say(Lang.RU, "как ответить на жалобу клиента?"));
        assertTrue(next.startsWith("Рискованных формулировок не нашлось"), next);
        assertTrue(plain(say(Lang.EN, "/check   ")).contains("Send the draft after the command"));
    }

    @Test
    void englishInterfaceAndSeveralFindings() {
        String text = plain(say(Lang.EN, "/check Это уже не наша проблема, разбирайтесь с перевозчиком. Ждите ответа."));
        assertTrue(text.contains("Found 3 risky fragments."), text);
        assertTrue(text.contains("Principle of the guide: Politeness and respect"), text);
        assertTrue(text.contains("Example from the guide:"), text);
        String ru = plain(say(Lang.RU, "/check Это уже не наша проблема, разбирайтесь с перевозчиком. Ждите ответа."));
        assertTrue(ru.contains("Нашлось 3 рискованных места."), ru);
    }

    @Test
    void freeTextThatLooksLikeADraftIsChecked() {
        assertTrue(plain(say(Lang.RU, "Какая вам разница?")).contains("рискованное место"), "a risky text is a draft even with a question mark");
        assertTrue(plain(say(Lang.RU, "Ждите ответа.")).contains("рискованное место"));
        assertTrue(plain(say(Lang.RU, "Добрый день! Отправляем вам счёт на оплату, срок — до пятницы.")).startsWith("Рискованных формулировок не нашлось"));
        String question = plain(say(Lang.RU, "как ответить на жалобу клиента?"));
        assertFalse(question.contains("Рискованных формулировок"), question);
    }

    @Test
    void hugeAndOddDraftsGetAReportWithoutTheWholeText() {
        StringBuilder b = new StringBuilder("Ждите ответа. ");
        while (b.length() < 5000) {
            b.append("Спасибо, что написали нам. ");
        }
        String text = plain(say(Lang.RU, "/check " + b));
        assertTrue(text.contains("Сообщение длинное"), text.substring(0, 300));
        assertTrue(text.length() < 3000, "the report does not repeat a long text");
        String odd = plain(say(Lang.RU, "/check <b>Это не наша проблема</b> 😀 \u0007"));
        assertTrue(odd.contains("Это не наша проблема"), odd);
    }

    @Test
    void theCoachExposesItsEngine() {
        assertSame(coach.phrasing(), coach.phrasing());
        assertTrue(coach.phrasing().check("Ничем помочь не могу.").risky());
        assertTrue(coach.registry().find("check").isPresent());
    }
}
