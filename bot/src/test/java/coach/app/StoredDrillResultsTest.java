package coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.core.ChatType;
import coach.core.Incoming;
import coach.core.Permissions;
import coach.core.Reply;
import coach.store.Store;
import coach.text.Lang;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredDrillResultsTest {
    static final String GOOD = "Мне искренне жаль, что так получилось, понимаю ваше разочарование. Уточните, пожалуйста, что именно"
            + " нужно исправить? Мы бесплатно переделаем всё до пятницы, а затем я позвоню и узнаю, устроил ли вас результат.";

    private static String run(Coach coach, String text) {
        List<Reply> rs = coach.core().handle(Incoming.text("u7", "c7", ChatType.PRIVATE, Lang.RU, text));
        return String.join("\n", rs.stream().map(r -> r.text().plain()).toList());
    }

    private static String drillToTheEnd(Coach coach) {
        String last = run(coach, "/drill dissatisfied-client");
        int turns = coach.drills().scenario("dissatisfied-client").orElseThrow().turnCount();
        for (int i = 0; i < turns; i++) {
            last = run(coach, GOOD);
        }
        return last;
    }

    @Test
    void finishedDrillsAreKeptPerUserInTheStore(@TempDir Path dir) {
        try (Store store = Store.open(dir)) {
            Coach coach = Coach.create(TestKb.source(), Coach.Options.withStore(store, Permissions.ALL));
            String first = drillToTheEnd(coach);
            assertFalse(first.contains("лучший результат") || first.contains("рекорд"), first);
            assertEquals("1", store.progress().get("u7", "drill.dissatisfied-client.runs").orElseThrow());
            String best = store.progress().get("u7", "drill.dissatisfied-client.best").orElseThrow();
            assertTrue(Integer.parseInt(best) > 50, best);
        }
        // After a restart the second run knows the first one's best.
        try (Store store = Store.open(dir)) {
            Coach coach = Coach.create(TestKb.source(), Coach.Options.withStore(store, Permissions.ALL));
            String second = drillToTheEnd(coach);
            assertTrue(second.contains("лучший результат"), second);
            assertEquals("2", store.progress().get("u7", "drill.dissatisfied-client.runs").orElseThrow());
        }
    }
}
