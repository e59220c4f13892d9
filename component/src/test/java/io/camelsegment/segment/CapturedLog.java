package io.camelsegment.segment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** The lines one logger (and its children) writes at WARN and above while it is open, as level and message. */
final class CapturedLog extends AbstractAppender implements AutoCloseable {

    /** A line as written: its level and its formatted message. */
    record Line(Level level, String message) {
    }

    private final String loggerName;
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private CapturedLog(String loggerName) {
        super("captured-" + loggerName, null, null, true, Property.EMPTY_ARRAY);
        this.loggerName = loggerName;
    }

    static CapturedLog of(String loggerName) {
        CapturedLog log = new CapturedLog(loggerName);
        log.start();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = logging.getConfiguration();
        LoggerConfig logger = new LoggerConfig(loggerName, Level.INFO, true);
        logger.addAppender(log, Level.WARN, null);
        configuration.addLogger(loggerName, logger);
        logging.updateLoggers();
        return log;
    }

    @Override
    public void append(LogEvent event) {
        lines.add(new Line(event.getLevel(), event.getMessage().getFormattedMessage()));
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    List<String> at(Level level) {
        return lines.stream().filter(line -> line.level() == level).map(Line::message).toList();
    }

    @Override
    public void close() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        logging.getConfiguration().removeLogger(loggerName);
        logging.updateLoggers();
        stop();
    }
}
