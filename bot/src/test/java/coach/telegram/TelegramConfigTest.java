package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TelegramConfigTest {
    static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    @Test
    void readsTheEnvironmentWithDefaults() {
        TelegramConfig c = TelegramConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN));
        assertEquals("https://api.telegram.org:443", c.apiBase());
        assertEquals(Path.of("data"), c.dataDir());
        c = TelegramConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", "http://127.0.0.1:8081/", "COACH_DATA_DIR", "/var/lib/coach"));
        assertEquals("http://127.0.0.1:8081", c.apiBase());
        assertEquals(Path.of("/var/lib/coach"), c.dataDir());
        assertEquals("http://localhost:80", TelegramConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", "http://localhost")).apiBase());
        assertFalse(c.toString().contains(TOKEN.substring(10)), "toString hides the token");
    }

    @Test
    void refusesMalformedTokensAndUrlsWithoutRepeatingThem() {
        for (String bad : new String[]{"", "abc", "123:short", "123:" + "a".repeat(29), "x123:" + "a".repeat(35), "123:" + "a".repeat(34) + " b"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TelegramConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", bad.isEmpty() ? " " : bad)));
            assertTrue(e.getMessage().startsWith("TELEGRAM_BOT_TOKEN"), e.getMessage());
            if (bad.length() > 4) {
                assertFalse(e.getMessage().contains(bad.strip().substring(4)), e.getMessage());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> TelegramConfig.fromEnvironment(Map.of()));
        // a trailing newline (a token pasted from a file) is forgiven
        assertEquals("https://api.telegram.org:443", TelegramConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN + "\n")).apiBase());
        for (String url : new String[]{"ftp://x", "api.telegram.org", "https://api.telegram.org/bot", "https://u:p@host", "http://h:1?x=1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TelegramConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", url)), url);
            assertTrue(e.getMessage().startsWith("TELEGRAM_API_URL"), e.getMessage());
        }
    }

    @Test
    void tokensAreMaskedInTextsAndInTheLogLayout() {
        assertEquals("GET https://api.telegram.org/bot<token>/getMe failed", Tokens.mask("GET https://api.telegram.org/bot" + TOKEN + "/getMe failed"));
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        @SuppressWarnings("unchecked")
        ConsoleAppender<ILoggingEvent> app = (ConsoleAppender<ILoggingEvent>) ctx.getLogger("ROOT").getAppender("STDERR");
        LoggingEvent ev = new LoggingEvent("x", ctx.getLogger("test"), Level.ERROR, "calling /bot{}/sendMessage",
                new java.io.IOException("unexpected end of stream on http://h/bot" + TOKEN + "/getUpdates"), new Object[]{TOKEN});
        String line = new String(((LayoutWrappingEncoder<ILoggingEvent>) app.getEncoder()).encode(ev), StandardCharsets.UTF_8);
        assertTrue(line.contains("calling /bot<token>/sendMessage"), line);
        assertTrue(line.contains("java.io.IOException: unexpected end of stream on http://h/bot<token>/getUpdates"), line);
        assertTrue(line.contains("at coach.telegram.TelegramConfigTest"), "the stack trace is still there: " + line);
        assertFalse(line.contains(TOKEN.substring(10)), line);
    }
}
