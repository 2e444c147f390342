package coach;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what a logger (and its children) logs while open, at {@code level} and above. */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level oldLevel;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture(String loggerName, Level level) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        this.oldLevel = logger.getLevel();
        logger.setLevel(level);
        appender.start();
        logger.addAppender(appender);
    }

    public LogCapture(Class<?> cls) {
        this(cls.getName(), Level.INFO);
    }

    /** The formatted messages so far. */
    public List<String> messages() {
        synchronized (appender.list) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** The events so far. */
    public List<ILoggingEvent> events() {
        synchronized (appender.list) {
            return List.copyOf(appender.list);
        }
    }

    public long count(String fragment) {
        return messages().stream().filter(m -> m.contains(fragment)).count();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(oldLevel);
    }
}
