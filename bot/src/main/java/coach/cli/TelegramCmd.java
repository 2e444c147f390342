package coach.cli;

import coach.app.Coach;
import coach.core.Permissions;
import coach.kb.ContentSource;
import coach.store.Store;
import coach.store.StoreConfig;
import coach.telegram.TelegramBot;
import coach.telegram.TelegramConfig;
import coach.tips.TipScheduler;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

@Command(name = "telegram", mixinStandardHelpOptions = true, description = "Run the Telegram bot (long polling). Env: TELEGRAM_BOT_TOKEN (required), "
        + "TELEGRAM_API_URL (default https://api.telegram.org, as scheme://host:port), COACH_DATA_DIR (default ./data).")
final class TelegramCmd implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        TelegramConfig config;
        try {
            config = TelegramConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            return 2;
        }
        Store store = Store.open(StoreConfig.fromEnvironment());
        CountDownLatch done = new CountDownLatch(1);
        TelegramBot bot;
        try {
            Coach coach = Coach.create(ContentSource.fromEnvironment(), Coach.Options.withStore(store, Permissions.ALL));
            // Telegram checks admins per update (getChatMember); membership changes reach the store.
            bot = new TelegramBot(config, coach.core(), coach.chatEvents());
            bot.keepIn(store); // unfinished updates and unsent replies survive an outage, a stop and a crash
            TipScheduler tips = coach.tips().scheduler(bot.sender());
            bot.addHook(TelegramBot.Hook.of(tips::start, tips));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        // SIGTERM / Ctrl+C: stop the bot (it finishes what it was doing), then close the store.
        Thread hook = new Thread(() -> {
            try {
                bot.close();
            } finally {
                store.close();
                done.countDown();
            }
        }, "coach-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            bot.start();
        } catch (IllegalStateException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            store.close();
            System.err.println("Error: " + e.getMessage());
            return 1;
        }
        System.err.println("Telegram bot @" + bot.username() + " is running against " + config.apiBase()
                + " (state: " + store.describe() + "); stop with Ctrl+C or SIGTERM.");
        done.await();
        return 0;
    }
}
