package coach.telegram;

import coach.app.Coach;
import coach.core.ChatEvents;

/** Test and benchmark side: a production bot whose HTTP calls the {@link FakeBotApi} answers in-process (no sockets). */
public final class InProcessBot {
    private InProcessBot() {
    }

    /** Everything but the network is the production bot: the benchmark's way to measure the bot's own work. */
    public static TelegramBot create(TelegramConfig config, Coach coach, FakeBotApi api) {
        return new TelegramBot(config, coach.core(), ChatEvents.NONE, api.interceptor());
    }
}
