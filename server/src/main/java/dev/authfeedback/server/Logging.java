package dev.authfeedback.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the logging settings to the configuration ({@link ServerLogConfigurator}'s, or the host's
 * own): the level, the format of each line (its pattern, or one JSON object by Logback's JSON
 * encoder), and the access log.
 */
final class Logging {

    /** The logger both endpoints write their access lines to. */
    static final String ACCESS_LOG = "authfeedback.access";

    private Logging() {
    }

    static void configure(ServerOptions.LogLevel level, ServerOptions.LogFormat format, boolean accessLog) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding: its own configuration decides
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level.name()));
        context.getLogger(ACCESS_LOG).setLevel(accessLog ? Level.INFO : Level.OFF);
        if (format == ServerOptions.LogFormat.json
                && root.getAppender(ServerLogConfigurator.APPENDER) instanceof ConsoleAppender<ILoggingEvent> console) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.start();
            console.stop();
            console.setEncoder(json);
            console.start();
        }
    }
}
