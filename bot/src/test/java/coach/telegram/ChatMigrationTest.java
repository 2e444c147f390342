package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.core.SessionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** A group upgraded to a supergroup gets a new chat id: its subscription and open conversations follow it. */
class ChatMigrationTest {

    @Test
    void subscriptionsAndSessionsMoveToTheSupergroupsNewId() throws Exception {
        try (BotFixture f = BotFixture.start()) {
            long oldId = -4_170_001L;
            long newId = -1_004_170_001L;
            f.api.setMember(oldId, 71, "administrator", true);
            f.api.push("message", f.api.message(oldId, "group", 71L, "ru", "/subscribe 10:15 Europe/Berlin"));
            f.api.push("message", f.api.message(oldId, "group", 72L, "ru", "/drill dissatisfied-client"));
            f.api.awaitDelivered(String.valueOf(oldId), 2, BotFixture.WAIT);
            assertTrue(BotFixture.store.subscriptions().get(String.valueOf(oldId)).isPresent());
            assertTrue(BotFixture.store.sessions().get(new SessionKey(String.valueOf(oldId), "72")).isPresent());

            // Telegram: a service message in the old group, then the first one in the new supergroup
            ObjectNode moved = f.api.message(oldId, "group", 71L, "ru", null);
            moved.put("migrate_to_chat_id", newId);
            f.api.push("message", moved);
            ObjectNode from = f.api.message(newId, "supergroup", 71L, "ru", null);
            from.put("migrate_from_chat_id", oldId);
            f.api.push("message", from);
            long deadline = System.currentTimeMillis() + BotFixture.WAIT.toMillis();
            while (BotFixture.store.subscriptions().get(String.valueOf(newId)).isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals("10:15", BotFixture.store.subscriptions().get(String.valueOf(newId)).orElseThrow().time().toString());
            assertTrue(BotFixture.store.subscriptions().get(String.valueOf(oldId)).isEmpty(), "nothing stays on the dead id");
            assertTrue(BotFixture.store.sessions().get(new SessionKey(String.valueOf(newId), "72")).isPresent(), "the drill goes on there");
            assertEquals(1, f.events.log.stream().filter(e -> e.equals("migrated " + oldId + " " + newId)).count(), "moved once: " + f.events.log);

            // the setting is there in the supergroup
            f.api.setMember(newId, 71, "administrator", true);
            f.api.pushGroupText(newId, 71, "/subscribe");
            String shown = f.api.awaitDelivered(String.valueOf(newId), 1, BotFixture.WAIT).get(0).visible();
            assertTrue(shown.contains("10:15"), shown);
        }
    }

    @Test
    void aSendRefusedBecauseTheGroupMovedIsFollowedToo() throws Exception {
        try (BotFixture f = BotFixture.start()) {
            long oldId = -4_170_002L;
            long newId = -1_004_170_002L;
            f.api.setMember(oldId, 81, "administrator", true);
            f.api.push("message", f.api.message(oldId, "group", 81L, "ru", "/subscribe 08:45 Europe/Moscow"));
            f.api.awaitDelivered(String.valueOf(oldId), 1, BotFixture.WAIT);
            // the service message was never seen; the Bot API says so when the daily tip goes out
            f.api.migrate(oldId, newId);
            assertEquals(coach.core.SendResult.Status.FAILED, f.bot.sender().send(String.valueOf(oldId), coach.core.Reply.of("tip")).status());
            assertEquals("08:45", BotFixture.store.subscriptions().get(String.valueOf(newId)).orElseThrow().time().toString());
            assertTrue(BotFixture.store.subscriptions().get(String.valueOf(oldId)).isEmpty());
            assertTrue(f.bot.sender().send(String.valueOf(newId), coach.core.Reply.of("tip")).ok(), "the new id takes messages");
        }
    }
}
