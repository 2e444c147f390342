package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every button press is answered on arrival: not behind its chat's queue, not behind the send limits,
 * and also when flood protection drops the work it would trigger.
 */
class CallbackAnswerTest {

    @Test
    void pressesAreAnsweredWhileTheChatsQueueIsStuckAndWhenTheirWorkIsDropped() throws Exception {
        // strict limits: one message a second in the chat, at most 10 waiting
        try (BotFixture f = BotFixture.start(c -> c.withWorkers(4, 10).withDrainTimeout(Duration.ofMillis(300)).withLimits(new TelegramConfig.Limits(25, 1, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 20, Duration.ofMinutes(1))))) {
            FakeBotApi.Gate stuck = f.api.holdNext("sendmessage");
            try {
                f.api.pushText(1201, 1201, "ru", "/echo first");
                stuck.awaitArrival(BotFixture.WAIT); // the chat's first reply hangs in flight: its queue does not move
                Set<String> ids = new HashSet<>();
                int n = 120;
                for (int i = 0; i < n; i++) {
                    f.api.pushCallback(1201, "private", 1201, "ru", 1, i % 3 == 0 ? "forged " + i : "/echo press " + i, i % 5 != 0);
                }
                List<FakeBotApi.Call> answered = f.api.await(c -> c.is("answercallbackquery") && c.ok(), n, BotFixture.WAIT);
                answered.forEach(c -> ids.add(c.params().path("callback_query_id").asText()));
                assertEquals(n, ids.size(), "every press answered once, while the chat's first reply was still in flight");
                assertEquals(1, f.api.delivered("1201").size(), "nothing but the held first reply has moved in that chat");
            } finally {
                stuck.release();
            }
            // the queue moves again; the presses beyond the chat's 10 waiting were dropped as a flood (and were answered)
            f.api.awaitDelivered("1201", 2, BotFixture.WAIT);
            assertTrue(f.api.calls("answercallbackquery").size() == 120, "not answered twice: " + f.api.calls("answercallbackquery").size());
        }
    }
}
