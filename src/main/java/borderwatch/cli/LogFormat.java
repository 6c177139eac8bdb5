package borderwatch.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
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

    /** logback.xml's text encoder, kept when JSON replaces it so that text can come back. */
    private static Encoder<ILoggingEvent> configured;

    /** Swaps the encoder of logback.xml's console appender. */
    void apply() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (!(root.getAppender("console") instanceof ConsoleAppender<ILoggingEvent> console)) {
            return;
        }
        if (configured == null) {
            configured = console.getEncoder();
        }
        Encoder<ILoggingEvent> encoder = this == JSON ? json(context) : configured;
        if (console.getEncoder() == encoder) {
            return;
        }
        console.stop();
        console.setEncoder(encoder);
        console.start();
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
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
