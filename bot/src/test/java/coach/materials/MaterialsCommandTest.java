package coach.materials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.app.Coach;
import coach.core.Button;
import coach.core.ChatType;
import coach.core.Incoming;
import coach.core.Permissions;
import coach.core.Reply;
import coach.core.SessionStore;
import coach.search.Hit;
import coach.text.Lang;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MaterialsCommandTest {
    Coach coach;

    @BeforeEach
    void setUp() {
        coach = Coach.create(TestKb.source(), SessionStore.inMemory(), Permissions.ALL);
    }

    List<Reply> say(String user, String text) {
        return coach.core().handle(Incoming.text(user, "chat-" + user, ChatType.PRIVATE, Lang.RU, text));
    }

    List<Reply> press(String user, String data) {
        return coach.core().handle(Incoming.button(user, "chat-" + user, ChatType.PRIVATE, Lang.RU, data));
    }

    static String all(List<Reply> rs) {
        return String.join("\n", rs.stream().map(r -> r.text().plain()).toList());
    }

    @Test
    void listsMaterialsByTopicWithButtons() {
        List<Reply> r = say("u", "/materials");
        assertEquals(1, r.size());
        List<Button> buttons = r.get(0).buttons().stream().flatMap(List::stream).toList();
        assertEquals(10, buttons.size());
        for (Button b : buttons) {
            assertTrue(b.data().getBytes(StandardCharsets.UTF_8).length <= 64);
            assertTrue(b.data().matches("/materials [a-z0-9-]+"), b.data());
        }
        String text = all(r);
        assertTrue(text.indexOf("Принципы эффективной коммуникации") < text.indexOf("Управление сложными ситуациями"));
    }

    @Test
    void opensAMaterialAsMessageAndDocument() {
        List<Reply> r = press("u", "/materials expectations-checklist");
        assertEquals(1, r.size());
        assertNotNull(r.get(0).document());
        assertEquals("expectations-checklist.md", r.get(0).document().fileName());
        assertTrue(all(r).contains("☐"), "tick boxes are shown");
        assertFalse(all(r).contains("- [ ]"));
    }

    @Test
    void fillsATemplateStepByStepWithBadInputHandled() {
        List<Reply> open = say("u", "/materials complaint-response-template");
        assertEquals(2, open.size());
        assertEquals("/materials complaint-response-template fill", open.get(1).buttons().get(0).get(0).data());
        List<Reply> r = say("u", "заполнить");
        assertTrue(all(r).contains("1 из 8"), all(r));
        assertTrue(all(say("u", "   ")).contains("Пустой ответ"));
        assertTrue(all(say("u", "x".repeat(10_000))).contains("Слишком длинно"));
        say("u", "задержка <b>заказа</b> & {co}");
        for (int i = 2; i <= 7; i++) {
            assertTrue(all(say("u", "ответ " + i)).contains((i + 1) + " из 8"));
        }
        List<Reply> done = say("u", "Мария, ассистент");
        String filled = done.get(1).text().plain();
        assertTrue(filled.contains("Тема: Ваше обращение: задержка <b>заказа</b> & {co}"), filled);
        assertTrue(filled.contains("Здравствуйте, ответ 2!"), filled);
        assertTrue(filled.contains("Мария, ассистент"));
        assertFalse(filled.matches("(?s).*\\{\\{[a-zа-я_]+\\}\\}.*"), "no placeholder left: " + filled);
        assertTrue(all(say("u", "/cancel")).contains("нечего"), "session ended");
    }

    @Test
    void abandoningHalfWayLosesNothingElse() {
        press("u", "/materials status-report-template fill");
        say("u", "Анна");
        assertTrue(all(say("u", "/cancel")).contains("прервано"));
        // After cancelling, free text is handled as usual again.
        assertTrue(all(say("u", "как ответить на жалобу?")).contains("Пример из руководства"));
    }

    @Test
    void unknownIdsAndNonTemplatesGetClearAnswers() {
        String r = all(say("u", "/materials no-such-thing"));
        assertTrue(r.contains("no-such-thing") && r.contains("нет"), r);
        assertTrue(all(press("u", "/materials principles-handbook fill")).contains("не шаблон"));
        assertTrue(all(press("u", "/materials ../../etc/passwd")).contains("нет"));
    }

    @Test
    void sessionsOfTwoUsersDoNotMix() {
        press("a", "/materials status-report-template fill");
        press("b", "/materials crm-notes-template fill");
        assertTrue(all(say("a", "Проект")).contains("дата отчета"));
        assertTrue(all(say("b", "Борис")).contains("детали бизнеса"));
    }

    @Test
    void materialsAreSearchableWithTheirKind() {
        List<Hit> hits = coach.search().search("шаблон отчёта о статусе проекта");
        assertEquals("material", hits.get(0).kind());
        assertEquals("status-report-template", hits.get(0).id());
        assertEquals("Шаблон отчёта по статусу проекта для отправки клиентам", hits.get(0).title());
        List<Hit> principleQ = coach.search().search("открытое общение о статусе проекта");
        assertEquals("expectations.project-status",
                principleQ.stream().filter(h -> h.kind().equals("principle")).findFirst().orElseThrow().id());
        assertTrue(coach.search().search("шаблон письма").stream().filter(h -> !h.kind().equals("principle")).count() <= 2);
    }
}
