package coach.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.app.Coach;
import coach.core.Button;
import coach.core.ChatType;
import coach.core.Incoming;
import coach.core.Permissions;
import coach.core.Reply;
import coach.core.SessionStore;
import coach.core.Texts;
import coach.kb.KnowledgeBase;
import coach.kb.Principle;
import coach.text.Lang;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /ask through the real coach: a direct answer, "more" buttons, small talk and questions the guide does not answer. */
class AskCommandTest {
    static Coach coach;
    static KnowledgeBase kb;

    @BeforeAll
    static void setUp() {
        coach = Coach.create(TestKb.source(), SessionStore.inMemory(), Permissions.ALL);
        kb = TestKb.kb();
    }

    static Reply ask(Lang lang, String text) {
        List<Reply> r = coach.core().handle(Incoming.text("u-" + lang, "c-" + lang, ChatType.PRIVATE, lang, text));
        assertEquals(1, r.size());
        return r.get(0);
    }

    static Principle titled(String text, Lang lang) {
        return kb.principles().stream().filter(p -> text.startsWith(p.title(lang))).findFirst().orElseThrow(() -> new AssertionError("no principle first: " + text));
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void answersFirstWithThePrincipleItsAdviceAndTheExampleOnce() {
        Reply r = ask(Lang.RU, "/ask клиент прислал претензию из-за сорванной поставки, что ответить?");
        String text = r.text().plain();
        Principle p = titled(text, Lang.RU);
        assertTrue(text.contains(p.adviceRu()), text);
        assertEquals(1, count(text, p.example()), "the whole example, once: " + text);
        assertTrue(text.split("\n").length <= 4, "a short answer: " + text);
        List<Button> more = r.buttons().stream().flatMap(List::stream).toList();
        assertEquals(AskCommand.MORE, more.size());
        for (Button b : more) {
            String id = b.data().substring("/ask ".length());
            assertTrue(kb.principle(id).isPresent() && !id.equals(p.id()), b.data());
            assertTrue(b.label().contains(kb.principle(id).get().titleRu()), b.label());
        }
        // Pressing "more" shows that principle the same way.
        Reply next = coach.core().handle(Incoming.button("u-RU", "c-RU", ChatType.PRIVATE, Lang.RU, more.get(0).data())).get(0);
        Principle np = kb.principle(more.get(0).data().substring(5)).orElseThrow();
        assertTrue(next.text().plain().startsWith(np.titleRu()));
        assertTrue(next.text().plain().contains(np.example()));
    }

    @Test
    void englishUsersReadEnglishThroughout() {
        for (String q : List.of("/ask the client keeps adding scope mid-project", "/ask клиент хочет вернуть деньги")) {
            Reply r = ask(Lang.EN, q);
            String text = r.text().plain();
            Principle p = titled(text, Lang.EN);
            assertTrue(text.contains(p.adviceEn()) && text.contains(p.exampleEn()), text);
            String shown = text + r.buttons().stream().flatMap(List::stream).map(Button::label).toList();
            assertFalse(shown.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC), shown);
        }
    }

    @Test
    void smallTalkPointsToHelpAndOffTopicSaysTheGuideDoesNotCoverIt() {
        assertEquals(Texts.get(Lang.RU, "ask.smalltalk"), ask(Lang.RU, "/ask привет").text().plain());
        assertEquals(Texts.get(Lang.EN, "ask.smalltalk"), ask(Lang.EN, "/ask what can you do?").text().plain());
        Reply none = ask(Lang.RU, "/ask какой пароль от вайфая в офисе?");
        assertEquals(Texts.get(Lang.RU, "ask.none"), none.text().plain());
        assertTrue(none.text().plain().contains("/help") && none.buttons().isEmpty());
    }

    @Test
    void aMaterialThatFitsIsNamedWithItsCommand() {
        String text = ask(Lang.RU, "/ask нужен шаблон ответа на жалобу клиента").text().plain();
        assertTrue(text.contains("/materials complaint-response-template"), text);
    }
}
