package coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.core.ChatType;
import coach.core.Incoming;
import coach.core.Permissions;
import coach.core.Reply;
import coach.core.Texts;
import coach.store.Store;
import coach.text.Lang;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LangCommandTest {
    private static List<Reply> say(Coach coach, String user, Lang detected, String text) {
        return coach.core().handle(Incoming.text(user, "c-" + user, ChatType.PRIVATE, detected, text));
    }

    private static String text(List<Reply> rs) {
        return String.join("\n", rs.stream().map(r -> r.text().plain()).toList());
    }

    @Test
    void aChosenLanguageWinsOverTheDetectedOneAndSurvivesRestarts(@TempDir Path dir) {
        try (Store store = Store.open(dir)) {
            Coach coach = Coach.create(TestKb.source(), Coach.Options.withStore(store, Permissions.ALL));
            List<Reply> menu = say(coach, "u1", Lang.RU, "/lang");
            assertEquals(2, menu.get(0).buttons().get(0).size());
            assertEquals("/lang en", menu.get(0).buttons().get(0).get(1).data());
            assertTrue(text(say(coach, "u1", Lang.RU, "/lang en")).contains("English"));
            assertTrue(text(say(coach, "u1", Lang.RU, "/help")).contains("Commands"), "English although Telegram said ru");
            assertTrue(text(say(coach, "u2", Lang.RU, "/help")).contains("Команды"), "other users unaffected");
            assertTrue(text(say(coach, "u1", Lang.RU, "/lang klingon")).contains("/lang ru"));
        }
        try (Store store = Store.open(dir)) {
            Coach coach = Coach.create(TestKb.source(), Coach.Options.withStore(store, Permissions.ALL));
            assertTrue(text(say(coach, "u1", Lang.RU, "/help")).contains("Commands"), "kept across a restart");
            assertTrue(text(say(coach, "u1", Lang.EN, "/lang ru")).contains("по-русски"));
            assertTrue(text(say(coach, "u1", Lang.EN, "/help")).contains("Команды"));
        }
    }

    @Test
    void inlineAnswersHonourTheChosenLanguage(@TempDir Path dir) {
        try (Store store = Store.open(dir)) {
            Coach coach = Coach.create(TestKb.source(), Coach.Options.withStore(store, Permissions.ALL));
            String fine = "Добрый день! Отчёт за ноябрь во вложении.";
            assertEquals(Texts.get(Lang.RU, "telegram.inline.fine"), coach.core().inline("u3", Lang.RU, fine).get(0).title());
            say(coach, "u3", Lang.RU, "/lang en");
            assertEquals(Texts.get(Lang.EN, "telegram.inline.fine"), coach.core().inline("u3", Lang.RU, fine).get(0).title(),
                    "English although Telegram said ru");
            assertEquals(List.of(), coach.core().inline("u3", Lang.RU, "  "));
        }
    }
}
