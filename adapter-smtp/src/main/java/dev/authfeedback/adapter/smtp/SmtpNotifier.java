package dev.authfeedback.adapter.smtp;

import dev.authfeedback.domain.model.Notification;
import dev.authfeedback.domain.port.out.Notifier;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends notifications through an SMTP server with Jakarta Mail: text and HTML as alternatives when
 * the template has both. A message the server refuses for good (an address it rejects, a 5xx
 * answer) is {@link Notifier.NotificationRefused}; anything else (a server down, a timeout, a 4xx
 * answer) is worth trying again. One connection is kept open and reused from message to message (a
 * connection per message costs a handshake each); one the server closed meanwhile is opened again.
 */
public final class SmtpNotifier implements Notifier, AutoCloseable {

    private final SmtpSettings settings;
    private final Session session;
    /** The open connection, or null; used by one sender at a time. */
    private Transport connection;

    public SmtpNotifier(SmtpSettings settings) {
        this.settings = settings;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", String.valueOf(settings.port()));
        String millis = String.valueOf(settings.timeout().toMillis());
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        properties.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls() != SmtpSettings.StartTls.OFF));
        properties.put("mail.smtp.starttls.required",
                String.valueOf(settings.startTls() == SmtpSettings.StartTls.REQUIRED));
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        properties.put("mail.smtp.auth", String.valueOf(settings.username() != null));
        // the name this host gives in EHLO, looked up once: otherwise every connection asks the resolver
        properties.put("mail.smtp.localhost", localHostName());
        this.session = Session.getInstance(properties);
    }

    private static String localHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException unknown) {
            return "localhost";
        }
    }

    @Override
    public void send(Notification notification) {
        MimeMessage message;
        try {
            message = message(notification);
        } catch (AddressException bad) {
            throw new NotificationRefused("not an email address: " + bad.getRef(), bad);
        } catch (MessagingException unbuildable) {
            throw new NotificationRefused("the message cannot be built: " + unbuildable.getMessage(), unbuildable);
        }
        try {
            deliver(message);
        } catch (SMTPAddressFailedException | SMTPSendFailedException answered) {
            int code = answered instanceof SMTPAddressFailedException address ? address.getReturnCode()
                    : ((SMTPSendFailedException) answered).getReturnCode();
            String reason = "the mail server answered " + code + ": " + firstLine(answered.getMessage());
            if (code >= 500) {
                throw new NotificationRefused(reason, answered);
            }
            throw new IllegalStateException(reason, answered);
        } catch (SendFailedException refused) {
            throw new NotificationRefused("the mail server refused the message: " + firstLine(refused.getMessage()),
                    refused);
        } catch (MessagingException failed) {
            throw new IllegalStateException("sending through " + settings.host() + ":" + settings.port()
                    + " failed: " + firstLine(rootMessage(failed)), failed);
        }
    }

    /** Over the open connection; if the server closed it meanwhile, over a new one. */
    private synchronized void deliver(MimeMessage message) throws MessagingException {
        boolean reused = connection != null && connection.isConnected();
        if (!reused) {
            connection = connect();
        }
        try {
            connection.sendMessage(message, message.getAllRecipients());
        } catch (SMTPAddressFailedException | SMTPSendFailedException answered) {
            throw answered;
        } catch (MessagingException failed) {
            close();
            if (!reused) {
                throw failed;
            }
            connection = connect();
            connection.sendMessage(message, message.getAllRecipients());
        }
    }

    private Transport connect() throws MessagingException {
        Transport transport = session.getTransport("smtp");
        transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
        return transport;
    }

    /** Closes the open connection, if any. */
    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (MessagingException alreadyGone) {
                // nothing to release
            }
            connection = null;
        }
    }

    private MimeMessage message(Notification notification) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(notification.from(), true));
        if (notification.replyTo() != null) {
            message.setReplyTo(InternetAddress.parse(notification.replyTo(), true));
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(notification.recipient(), true));
        message.setSubject(notification.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        String utf8 = StandardCharsets.UTF_8.name();
        if (notification.htmlBody() != null && notification.textBody() != null) {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(notification.textBody(), utf8, "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(notification.htmlBody(), utf8, "html");
            message.setContent(new MimeMultipart("alternative", text, html));
        } else if (notification.htmlBody() != null) {
            message.setText(notification.htmlBody(), utf8, "html");
        } else {
            message.setText(notification.textBody() == null ? "" : notification.textBody(), utf8, "plain");
        }
        message.saveChanges();
        return message;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
