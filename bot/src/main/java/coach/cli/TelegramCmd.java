package coach.cli;

import coach.app.Coach;
import coach.core.ChatEvents;
import coach.telegram.TelegramBot;
import coach.telegram.TelegramConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "telegram", description = "Run the Telegram bot (long polling). Env: TELEGRAM_BOT_TOKEN (required), "
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
        Coach coach = Coach.create();
        TelegramBot bot = new TelegramBot(config, coach, ChatEvents.NONE);
        // Wiring point for the store: pass its ChatEvents above and add its scheduled jobs as hooks here,
        // e.g. bot.addHook(TelegramBot.Hook.of(tips::start, tips)) with tips sending through bot.sender().
        Thread hook = new Thread(bot::close, "coach-tg-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            bot.start();
        } catch (IllegalStateException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            System.err.println("Error: " + e.getMessage());
            return 1;
        }
        System.err.println("Telegram bot @" + bot.username() + " is running against " + config.apiBase() + "; stop with Ctrl+C or SIGTERM.");
        bot.awaitClosed();
        return 0;
    }
}
