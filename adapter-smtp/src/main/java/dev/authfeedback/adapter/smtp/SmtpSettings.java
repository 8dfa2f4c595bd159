package dev.authfeedback.adapter.smtp;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The mail server notifications go through.
 *
 * @param host the SMTP server's host
 * @param port its port (587 for submission with STARTTLS, 25, or 465 is not supported: implicit TLS)
 * @param startTls whether to upgrade the connection with STARTTLS
 * @param username the user to authenticate as, or null to send without authentication
 * @param password the password, or null
 * @param timeout how long connecting, and each read or write, may take
 */
public record SmtpSettings(String host, int port, StartTls startTls, String username, String password,
                           Duration timeout) {

    /** How a connection is upgraded to TLS. */
    public enum StartTls {
        /** Never: plain SMTP (a local relay, say). */
        OFF,
        /** When the server offers it. */
        OPTIONAL,
        /** Always: a server that does not offer STARTTLS is not sent to. */
        REQUIRED;

        /** {@code off}, {@code optional} or {@code required}; IllegalArgumentException otherwise. */
        public static StartTls parse(String value) {
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException unknown) {
                throw new IllegalArgumentException("must be off, optional or required, was: " + value);
            }
        }
    }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(startTls, "startTls");
        Objects.requireNonNull(timeout, "timeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the SMTP host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the SMTP port must be 1..65535, was " + port);
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("an SMTP username and password go together: give both, or neither");
        }
    }

    /** Never the password: settings end up in logs. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", startTls=" + startTls + ", username=" + username
                + ", timeout=" + timeout + "]";
    }
}
