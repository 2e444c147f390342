package coach.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Logging set-up in code (registered in META-INF/services), replacing logback.xml: reading an XML
 * configuration costs a cold start about 0.15 s of CPU (the XML parser), which the one-off batch
 * commands ({@code check "…"}, {@code search "…"}) pay on every run. Logs go to stderr so batch
 * commands keep stdout for their JSON lines; the level is WARN unless {@code COACH_LOG_LEVEL} says
 * otherwise; the Telegram client and okhttp stay at WARN; anything shaped like a bot token is masked.
 */
public final class LogConfig extends ContextAwareBase implements Configurator {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("\\d{3,}:[A-Za-z0-9_-]{30,}");

    @Override
    public ExecutionStatus configure(LoggerContext ctx) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(ctx);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        if ("json".equalsIgnoreCase(String.valueOf(System.getenv("COACH_LOG_FORMAT")).strip())) {
            Json encoder = new Json();
            encoder.setContext(ctx);
            encoder.start();
            appender.setEncoder(encoder);
        } else {
            Line layout = new Line();
            layout.setContext(ctx);
            layout.start();
            LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
            encoder.setContext(ctx);
            encoder.setLayout(layout);
            encoder.start();
            appender.setEncoder(encoder);
        }
        appender.start();
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getenv("COACH_LOG_LEVEL"), Level.WARN));
        root.addAppender(appender);
        ctx.getLogger("org.telegram").setLevel(Level.WARN);
        ctx.getLogger("okhttp3").setLevel(Level.WARN);
        // TelegramBots' poller logs every failed or cancelled poll with a stack trace; the bot logs poll failures itself.
        ctx.getLogger("org.telegram.telegrambots.longpolling.BotSession").setLevel(Level.OFF);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * COACH_LOG_FORMAT=json: one JSON object per line from Logback's own {@code JsonEncoder} (timestamp,
     * level, thread, logger, the formatted message, the exception if any); the raw message pattern and
     * its arguments are left out, and token-shaped strings are masked as in the plain format.
     */
    static final class Json extends ch.qos.logback.classic.encoder.JsonEncoder {
        Json() {
            setWithSequenceNumber(false);
            setWithNanoseconds(false);
            setWithContext(false);
            setWithMessage(false);
            setWithArguments(false);
            setWithFormattedMessage(true);
        }

        @Override
        public byte[] encode(ILoggingEvent event) {
            return Line.mask(new String(super.encode(event), java.nio.charset.StandardCharsets.UTF_8)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** {@code HH:mm:ss.SSS LEVEL [thread] logger - message}, then the stack trace if any. */
    static final class Line extends LayoutBase<ILoggingEvent> {
        @Override
        public String doLayout(ILoggingEvent e) {
            StringBuilder b = new StringBuilder(128);
            b.append(LocalTime.now().format(TIME)).append(' ')
                    .append(String.format("%-5s", e.getLevel())).append(" [").append(e.getThreadName()).append("] ")
                    .append(shortName(e.getLoggerName())).append(" - ").append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                b.append(ch.qos.logback.classic.spi.ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
            return mask(b.toString());
        }

        /** Anything shaped like a Telegram bot token is masked, in messages and stack traces alike. */
        static String mask(String s) {
            return TOKEN.matcher(s).replaceAll("<token>");
        }

        private static String shortName(String name) {
            int dot = name.lastIndexOf('.');
            return dot < 0 ? name : name.substring(dot + 1);
        }
    }
}
