package dev.authfeedback.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The server's logging, built in code: reading it from an XML file loads Logback's XML stack, which
 * made the server's start-up about 5 % slower. Found by Logback as a service, it stands
 * aside whenever the host has a configuration of its own: a file named by
 * {@code -Dlogback.configurationFile}, or a {@code logback-test.xml} or {@code logback.xml} on the
 * class path (the server's jar carries neither), as when the server runs inside someone's tests.
 */
public final class ServerLogConfigurator extends ContextAwareBase implements Configurator {

    /** The appender {@link Logging} gives another encoder for JSON lines. */
    static final String APPENDER = "STDERR";
    /** Date, time and zone (UTC), so that lines from several servers and days can be put in order. */
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z', UTC} %-5level [%thread] %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (hostConfigures()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        // stderr, so that stdout carries only what scripts read: credentials, endpoints, the ready line
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(APPENDER);
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        context.getLogger("io.netty").setLevel(Level.WARN);
        context.getLogger("io.vertx").setLevel(Level.WARN);
        // the pool warns once per broken connection; the storage reports each outage once itself
        context.getLogger("com.zaxxer.hikari").setLevel(Level.ERROR);
        // the access log, off unless the server is told otherwise (its access-log setting)
        context.getLogger(Logging.ACCESS_LOG).setLevel(Level.OFF);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static boolean hostConfigures() {
        ClassLoader loader = ServerLogConfigurator.class.getClassLoader();
        return System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null;
    }
}
