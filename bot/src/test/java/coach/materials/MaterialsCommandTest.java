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

    @Test
    void aFieldIsSkippedWithADashAndTheFormGoesBackPreviewsAndFinishesEarly() {
        Material m = MaterialCatalog.load(coach.kb()).find("complaint-response-template").orElseThrow();
        List<String> fields = m.placeholders();
        press("s", "/materials complaint-response-template fill");
        say("s", "Анна Викторовна");              // field 1
        List<Reply> r = say("s", "-");           // field 2 skipped
        assertTrue(all(r).contains("Поле 3 из"), all(r));
        r = say("s", "назад");                   // back to field 2
        assertTrue(all(r).contains("Поле 2 из") && all(r).contains(m.fieldName(fields.get(1), Lang.RU)), all(r));
        r = press("s", "/fill skip");            // the button does the same as «-»
        assertTrue(all(r).contains("Поле 3 из"), all(r));
        r = say("s", "показать");
        String preview = all(r);
        assertTrue(preview.contains("Анна Викторовна") && preview.contains("[" + m.fieldName(fields.get(1), Lang.RU) + "]"), preview);
        assertTrue(preview.contains("Поле 3 из"), "the preview asks the same field again: " + preview);
        r = say("s", "готово");                  // finish early
        String done = all(r);
        assertFalse(done.contains(" -."), "a skipped field is never filled with «-»: " + done);
        assertTrue(done.contains("Не заполнено:"), done);
        assertFalse(done.contains("можно отправлять"), "not «ready to send» with empty fields: " + done);
        Reply text = r.stream().filter(x -> x.document() != null).findFirst().orElseThrow();
        assertEquals("complaint-response-template-filled.md", text.document().fileName());
        assertEquals(text.text().plain() + "\n", new String(text.document().content(), StandardCharsets.UTF_8));
        Reply last = r.get(r.size() - 1);
        assertEquals("/fill check", last.buttons().get(0).get(0).data());
        // «Проверить ещё раз» checks the filled text
        List<Reply> again = press("s", "/fill check");
        assertFalse(again.isEmpty());
        assertTrue(coach.core().openSession(Incoming.text("s", "chat-s", ChatType.PRIVATE, Lang.RU, "x")).isEmpty());
    }

    @Test
    void englishUsersSeeEnglishFieldNames() {
        List<Reply> r = coach.core().handle(Incoming.button("e", "chat-e", ChatType.PRIVATE, Lang.EN, "/materials status-report-template fill"));
        String text = all(r);
        assertTrue(text.contains("Field 1 of") && text.contains("project name"), text);
        assertTrue(text.contains("what the project is called in the contract"), "the English hint of the field: " + text);
        assertFalse(text.matches("(?s).*[а-яё].*"), "no Russian in the English form's prompt: " + text);
        List<Reply> done = coach.core().handle(Incoming.text("e", "chat-e", ChatType.PRIVATE, Lang.EN, "done"));
        String letter = done.stream().filter(x -> x.document() != null).findFirst().orElseThrow().text().plain();
        assertTrue(letter.startsWith("Subject: Status of the project"), letter);
        assertFalse(letter.matches("(?s).*[а-яё].*"), "the English letter has English field names too: " + letter);
    }

    @Test
    void englishUsersReadTranslatedMaterials() {
        List<Reply> r = coach.core().handle(Incoming.button("e2", "chat-e2", ChatType.PRIVATE, Lang.EN, "/materials expectations-checklist"));
        assertTrue(all(r).contains("Client expectations management checklist"), all(r));
        assertTrue(new String(r.get(0).document().content(), StandardCharsets.UTF_8).startsWith("# Client expectations"));
        List<Reply> hb = coach.core().handle(Incoming.button("e2", "chat-e2", ChatType.PRIVATE, Lang.EN, "/materials principles-handbook"));
        assertFalse(all(hb).contains("available in Russian only"), all(hb));
        assertTrue(all(hb).contains("Politeness and respect"), all(hb));
    }

    @Test
    void aFormAsksBeforeAbandoningAnOpenDrillAndResumesLikeOne() {
        assertTrue(all(say("g", "/drill dissatisfied-client")).length() > 0);
        List<Reply> ask = say("g", "/materials complaint-response-template fill");
        List<String> data = ask.get(0).buttons().stream().flatMap(List::stream).map(Button::data).toList();
        assertEquals(List.of("/materials abandon complaint-response-template", "/materials continue"), data);
        assertTrue(coach.core().openSession(Incoming.text("g", "chat-g", ChatType.PRIVATE, Lang.RU, "")).isPresent(), "the drill stays open");
        assertTrue(all(press("g", "/materials continue")).contains("Последняя реплика клиента"), "the drill picks up where it stands");
        String switched = all(press("g", "/materials abandon complaint-response-template"));
        assertTrue(switched.contains("1 из 8"), switched);
        // the form is a session like any other: "continue" asks its current field again
        say("g", "задержка заказа");
        assertTrue(all(press("g", "/drill continue")).contains("2 из 8"));
        assertTrue(all(press("g", "/materials abandon complaint-response-template")).contains("1 из 8"), "an old button: the form starts over");
    }
}
