package dev.authfeedback.adapter.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.authfeedback.domain.model.Notification;
import dev.authfeedback.domain.model.NotificationStatus;
import dev.authfeedback.domain.port.out.Notifier;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against GreenMail, an SMTP server that runs in the test's JVM and keeps what it receives. */
class SmtpNotifierTest {

    private GreenMail mailServer;

    @BeforeEach
    void startMailServer() {
        mailServer = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("sender", "sender-password"));
        mailServer.start();
    }

    @AfterEach
    void stopMailServer() {
        mailServer.stop();
    }

    private int port() {
        return mailServer.getSmtp().getPort();
    }

    private static Notification notification(String recipient, String html, String text) {
        return new Notification("n-1", "us-east-1_pool00001", "sub-1", "event-1", recipient, "alerts@example.com",
                "help@example.com", "New sign-in attempt — ünïcode", html, text, NotificationStatus.PENDING, 0,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), null);
    }

    @Test
    void aNotificationArrivesWithBothBodiesAsAlternatives() throws Exception {
        new SmtpNotifier(new SmtpSettings("127.0.0.1", port(), SmtpSettings.StartTls.OFF, "sender", "sender-password",
                Duration.ofSeconds(5))).send(notification("jane@example.com",
                "<p>Hello <b>jane</b> <a href=https://x/feedback/p/e/s/t/valid>yes</a></p>", "Hello jane"));
        assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = mailServer.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("New sign-in attempt — ünïcode");
        assertThat(received.getFrom()[0].toString()).isEqualTo("alerts@example.com");
        assertThat(received.getReplyTo()[0].toString()).isEqualTo("help@example.com");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("jane@example.com");
        MimeMultipart alternatives = (MimeMultipart) received.getContent();
        assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
        assertThat(alternatives.getBodyPart(0).getContent()).isEqualTo("Hello jane");
        assertThat(GreenMailUtil.getBody(alternatives.getBodyPart(1)))
                .contains("<a href=https://x/feedback/p/e/s/t/valid>yes</a>");
    }

    @Test
    void oneConnectionCarriesManyMessagesAndIsOpenedAgainWhenTheServerDroppedIt() throws Exception {
        SmtpNotifier notifier = new SmtpNotifier(new SmtpSettings("127.0.0.1", port(), SmtpSettings.StartTls.OFF,
                "sender", "sender-password", Duration.ofSeconds(5)));
        for (int i = 0; i < 3; i++) {
            notifier.send(notification("jane@example.com", null, "message " + i));
        }
        assertThat(mailServer.waitForIncomingEmail(5000, 3)).isTrue();
        int port = port();
        mailServer.stop();
        mailServer = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("sender", "sender-password"));
        mailServer.start();
        notifier.send(notification("jane@example.com", null, "after the restart"));
        assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(mailServer.getReceivedMessages()[0].getContent()).isEqualTo("after the restart");
        notifier.close();
    }

    @Test
    void aTextOnlyTemplateSendsPlainText() throws Exception {
        new SmtpNotifier(new SmtpSettings("127.0.0.1", port(), SmtpSettings.StartTls.OPTIONAL, "sender",
                "sender-password", Duration.ofSeconds(5))).send(notification("jane@example.com", null, "Only text"));
        assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(mailServer.getReceivedMessages()[0].getContentType()).startsWith("text/plain");
        assertThat(mailServer.getReceivedMessages()[0].getContent()).isEqualTo("Only text");
    }

    @Test
    void aServerThatIsDownIsWorthTryingAgain() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Notifier notifier = new SmtpNotifier(new SmtpSettings("127.0.0.1", closedPort, SmtpSettings.StartTls.OFF,
                null, null, Duration.ofSeconds(2)));
        assertThatThrownBy(() -> notifier.send(notification("jane@example.com", null, "text")))
                .isInstanceOf(IllegalStateException.class).isNotInstanceOf(Notifier.NotificationRefused.class)
                .hasMessageStartingWith("sending through 127.0.0.1:" + closedPort + " failed: ")
                .hasMessageContaining("Connection refused");
    }

    @Test
    void startTlsRequiredRefusesAServerWithoutIt() {
        Notifier notifier = new SmtpNotifier(new SmtpSettings("127.0.0.1", port(), SmtpSettings.StartTls.REQUIRED,
                "sender", "sender-password", Duration.ofSeconds(5)));
        assertThatThrownBy(() -> notifier.send(notification("jane@example.com", null, "text")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("STARTTLS");
        assertThat(mailServer.getReceivedMessages()).isEmpty();
    }

    @Test
    void aWrongPasswordIsReportedWithoutIt() {
        Notifier notifier = new SmtpNotifier(new SmtpSettings("127.0.0.1", port(), SmtpSettings.StartTls.OFF,
                "sender", "not-the-password", Duration.ofSeconds(5)));
        assertThatThrownBy(() -> notifier.send(notification("jane@example.com", null, "text")))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("not-the-password");
        assertThat(mailServer.getReceivedMessages()).isEmpty();
    }

    @Test
    void anAddressThatIsNotOneIsRefusedForGood() {
        Notifier notifier = new SmtpNotifier(new SmtpSettings("127.0.0.1", port(), SmtpSettings.StartTls.OFF,
                "sender", "sender-password", Duration.ofSeconds(5)));
        assertThatThrownBy(() -> notifier.send(notification("not an address", null, "text")))
                .isInstanceOf(Notifier.NotificationRefused.class).hasMessageStartingWith("not an email address");
    }

    @Test
    void settingsAreCheckedAndNeverShowThePassword() {
        assertThat(SmtpSettings.StartTls.parse("Required")).isEqualTo(SmtpSettings.StartTls.REQUIRED);
        assertThatThrownBy(() -> SmtpSettings.StartTls.parse("sometimes"))
                .hasMessage("must be off, optional or required, was: sometimes");
        assertThatThrownBy(() -> new SmtpSettings("mail", 0, SmtpSettings.StartTls.OFF, null, null,
                SmtpSettings.DEFAULT_TIMEOUT)).hasMessageContaining("1..65535");
        assertThatThrownBy(() -> new SmtpSettings("mail", 25, SmtpSettings.StartTls.OFF, "user", null,
                SmtpSettings.DEFAULT_TIMEOUT)).hasMessageContaining("go together");
        assertThat(new SmtpSettings("mail", 587, SmtpSettings.StartTls.REQUIRED, "user", "hunter2",
                SmtpSettings.DEFAULT_TIMEOUT).toString()).doesNotContain("hunter2");
    }
}
