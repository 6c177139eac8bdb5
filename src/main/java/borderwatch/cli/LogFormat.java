package borderwatch.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * How the service's log lines look: {@code text} for a person at a terminal (the default of
 * {@code demo}), {@code json} for a log collector (the default of {@code serve}): one object a line
 * with the level, logger, thread, message and the key/value pairs a line carries, such as an access
 * line's status and request id.
 */
enum LogFormat {
    TEXT, JSON;

    static LogFormat parse(String value, LogFormat otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("--log-format must be text or json, not '" + value + "'");
        };
    }

    /** The text pattern, as in logback.xml. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";

    /** Swaps the encoder of logback.xml's console appender. */
    void apply() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (!(root.getAppender("console") instanceof ConsoleAppender<ILoggingEvent> console)) {
            return;
        }
        ch.qos.logback.core.encoder.Encoder<ILoggingEvent> encoder = this == JSON ? json(context) : text(context);
        console.stop();
        console.setEncoder(encoder);
        console.start();
    }

    private static ch.qos.logback.core.encoder.Encoder<ILoggingEvent> text(LoggerContext context) {
        var encoder = new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }

    private static ch.qos.logback.core.encoder.Encoder<ILoggingEvent> json(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        // The logger context's name and properties repeat on every line without telling anything.
        encoder.setWithContext(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        // The message as a person reads it; its parts are in the key/value pairs where they matter.
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.start();
        return encoder;
    }
}
