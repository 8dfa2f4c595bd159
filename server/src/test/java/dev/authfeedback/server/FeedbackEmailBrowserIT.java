package dev.authfeedback.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.authfeedback.conformance.HttpDriver;
import dev.authfeedback.conformance.Views.NotificationView;
import dev.authfeedback.conformance.Views.PoolView;
import dev.authfeedback.conformance.Views.Recorded;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.port.in.AttributeInput;
import dev.authfeedback.domain.port.in.SetRiskConfigurationCommand;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole path of a risky sign-in's email, with the real parts: the server process sends it
 * through a real SMTP server (GreenMail, in this JVM); headless Chromium (Debian's, driven by
 * Selenium) opens its one-click link and presses the button; the outbox says what became of it.
 * And a mail server that is down or never answers changes nothing for sign-ins.
 */
class FeedbackEmailBrowserIT {

    private static final EventContextData HOME = new EventContextData("203.0.113.5", "Firefox 120, Linux", "+01:00",
            "Oslo", "Norway");
    private static final EventContextData STRANGER = new EventContextData("198.51.100.9", "Chrome 119, Windows",
            "-03:00", "Recife", "Brazil");

    @BeforeAll
    static void installChromiumWhereAbsent() throws Exception {
        if (!onPath("chromium") || !onPath("chromedriver")) {
            assumeTrue(isRoot(), "chromium and chromium-driver are not installed, and only root can install them: "
                    + "apt-get install chromium chromium-driver");
            Process install = new ProcessBuilder("bash", "src/test/browser/install-chromium.sh").inheritIO().start();
            assertThat(install.waitFor()).as("installing chromium").isZero();
        }
    }

    private static boolean isRoot() throws Exception {
        Process id = new ProcessBuilder("id", "-u").start();
        return new String(id.getInputStream().readAllBytes()).strip().equals("0");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static GreenMail mailServer(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static ServerProcess serverSendingThrough(int smtpPort) throws Exception {
        return ServerProcess.start("--rate-limit-rps", "0", "--smtp-host", "127.0.0.1", "--smtp-port",
                String.valueOf(smtpPort), "--smtp-starttls", "off");
    }

    /** A pool that notifies at high risk, and jane with an email address and a home. */
    private static PoolView janesPool(HttpDriver driver) {
        PoolView pool = driver.createUserPool("mail", "ENFORCED", "PLUS", null, null);
        driver.setRiskConfiguration(pool.id(), null, null, new SetRiskConfigurationCommand.AccountTakeoverInput(
                new SetRiskConfigurationCommand.NotifyInput("security@example.com", null,
                        "arn:aws:ses:us-east-1:123456789012:identity/security@example.com", null, null, null),
                new SetRiskConfigurationCommand.ActionsInput(null, null,
                        new SetRiskConfigurationCommand.LevelActionInput(true, "BLOCK"))), null);
        driver.adminCreateUser(pool.id(), "jane", List.of(new AttributeInput("email", "jane@example.com")), null);
        for (int i = 0; i < 20; i++) {
            driver.recordAuthEvent(pool.id(), "jane", "SignIn", "Pass", null, null, HOME);
        }
        return pool;
    }

    private static <T> T eventually(Supplier<T> value, java.util.function.Predicate<T> done, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = value.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = value.get();
        }
        return last;
    }

    @Test
    void theEmailsLinkOpensThePageInABrowserAndItsButtonRecordsTheVerdict() throws Exception {
        int smtpPort = freePort();
        GreenMail mail = mailServer(smtpPort);
        try (ServerProcess server = serverSendingThrough(smtpPort); HttpDriver driver = server.httpDriver()) {
            PoolView pool = janesPool(driver);
            Recorded stranger = driver.recordAuthEvent(pool.id(), "jane", "SignIn", "Pass", null, null, STRANGER);
            assertThat(mail.waitForIncomingEmail(10_000, 1)).as("the email arrived").isTrue();
            MimeMessage email = mail.getReceivedMessages()[0];
            assertThat(email.getAllRecipients()[0].toString()).isEqualTo("jane@example.com");
            assertThat(email.getSubject()).isEqualTo("Blocked sign-in attempt");
            String html = (String) ((MimeMultipart) email.getContent()).getBodyPart(1).getContent();
            Matcher link = Pattern.compile("<a href=(http://[^ >]+/valid)>").matcher(html);
            assertThat(link.find()).as(html).isTrue();
            // the outbox is updated once the mail server has answered, a moment after the email arrived
            assertThat(eventually(() -> driver.listNotifications(pool.id(), null, null).items().get(0),
                    n -> n.status().equals("Sent"), Duration.ofSeconds(10)))
                    .extracting(NotificationView::status, NotificationView::attempts).containsExactly("Sent", 1);

            WebDriver browser = headlessChromium();
            try {
                browser.get(link.group(1));
                assertThat(browser.getTitle()).isEqualTo("Was this you?");
                assertThat(browser.findElement(By.tagName("dl")).getText()).contains("Recife, Brazil",
                        "Chrome 119, Windows", "198.51.100.9");
                // the page's one style block is allowed by its Content-Security-Policy
                assertThat(browser.findElement(By.tagName("body")).getCssValue("max-width")).isEqualTo("544px");
                assertThat(driver.adminListUserAuthEvents(pool.id(), "jane", 1, null).items().get(0).feedback())
                        .as("opening the link records nothing").isNull();
                browser.findElement(By.tagName("button")).click();
                // the click returns before the form's answer has replaced the page
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("Thank you"));
                assertThat(browser.findElement(By.tagName("body")).getText())
                        .contains("We recorded that this sign-in was you.");
                assertThat(driver.adminListUserAuthEvents(pool.id(), "jane", 1, null).items().get(0).feedback())
                        .extracting(f -> f.value() + " by " + f.provider()).isEqualTo("Valid by User");

                browser.get(link.group(1).replace(stranger.feedbackToken(), stranger.feedbackToken() + "x"));
                assertThat(browser.getTitle()).isEqualTo("Link not valid");
                assertThat(browser.findElements(By.tagName("button"))).isEmpty();
            } finally {
                browser.quit();
            }
        } finally {
            mail.stop();
        }
    }

    private static WebDriver headlessChromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Path.of("/usr/bin/chromium").toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        // Debian's driver, not one downloaded by Selenium Manager
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        return new ChromeDriver(service, options);
    }

    @Test
    void aMailServerThatIsDownDelaysNothingAndTheMessageGoesOutWhenItIsBack() throws Exception {
        int smtpPort = freePort();
        try (ServerProcess server = serverSendingThrough(smtpPort); HttpDriver driver = server.httpDriver()) {
            PoolView pool = janesPool(driver);
            driver.recordAuthEvent(pool.id(), "jane", "SignIn", "Pass", null, null, STRANGER);
            NotificationView failing = eventually(() -> driver.listNotifications(pool.id(), null, null).items().get(0),
                    n -> n.attempts() > 0, Duration.ofSeconds(10));
            assertThat(failing).extracting(NotificationView::status).isEqualTo("Pending");
            assertThat(failing.lastError()).startsWith("sending through 127.0.0.1:" + smtpPort + " failed: ")
                    .contains("Connection refused");
            GreenMail mail = mailServer(smtpPort);
            try {
                NotificationView sent = eventually(
                        () -> driver.listNotifications(pool.id(), null, null).items().get(0),
                        n -> n.status().equals("Sent"), Duration.ofSeconds(30));
                assertThat(sent.status()).isEqualTo("Sent");
                assertThat(sent.attempts()).isGreaterThan(1);
                assertThat(mail.getReceivedMessages()).hasSize(1);
            } finally {
                mail.stop();
            }
        }
    }

    @Test
    void aMailServerThatNeverAnswersDoesNotSlowSignIns() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread accepting = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept()); // accepted, and never a word: the client waits for its timeout
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            try (ServerProcess server = serverSendingThrough(silent.getLocalPort());
                 HttpDriver driver = server.httpDriver()) {
                PoolView pool = janesPool(driver);
                for (int i = 0; i < 5; i++) {
                    long started = System.nanoTime();
                    Recorded risky = driver.recordAuthEvent(pool.id(), "jane", "SignIn", "Pass", null, null, STRANGER);
                    // the mail server's timeout is 10 s: an answer within 2 s did not wait for it
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
                    assertThat(risky.eventAction()).isEqualTo("BLOCK");
                }
                assertThat(driver.listNotifications(pool.id(), null, null).items()).hasSize(5)
                        .allMatch(n -> n.status().equals("Pending"));
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
