package coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** COACH_LOG_FORMAT=json: Logback's JsonEncoder, one object per line, tokens masked, no raw arguments. */
class LogConfigTest {
    @Test
    void jsonLinesAreObjectsWithTheMessageAndNoToken() throws Exception {
        LoggerContext ctx = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        LogConfig.Json enc = new LogConfig.Json();
        enc.setContext(ctx);
        enc.start();
        String token = "7000000001:AAF4ke-token_for_loopback_tests_only_0123";
        LoggingEvent e = new LoggingEvent("x", ctx.getLogger("coach.telegram.TelegramBot"), Level.WARN,
                "call with {} failed: «{}»", new RuntimeException("boom " + token), new Object[]{token, "ошибка"});
        String line = new String(enc.encode(e), StandardCharsets.UTF_8);
        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "one line: " + line);
        JsonNode n = new ObjectMapper().readTree(line);
        assertEquals("WARN", n.path("level").asText());
        assertEquals("coach.telegram.TelegramBot", n.path("loggerName").asText());
        assertEquals("call with <token> failed: «ошибка»", n.path("formattedMessage").asText());
        assertFalse(line.contains(token), line);
        assertFalse(n.has("arguments"), "raw arguments are left out");
        assertTrue(n.has("throwable"), line);
    }
}
