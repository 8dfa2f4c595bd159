package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authfeedback.adapter.inmemory.InMemoryStores;
import dev.authfeedback.conformance.Views.EventView;
import dev.authfeedback.conformance.Views.PoolView;
import dev.authfeedback.conformance.Views.Recorded;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.port.in.AttributeInput;
import dev.authfeedback.domain.port.in.SetRiskConfigurationCommand;
import dev.authfeedback.domain.quota.RateLimits;
import dev.authfeedback.domain.quota.TokenBucketRateLimiter;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import dev.authfeedback.domain.service.ServiceSettings;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The feedback page over plain HTTP: what a GET shows and what it does not record, what the POST
 * records, the headers, and the pages of links that do not hold. (A real browser follows the same
 * path in the server's FeedbackEmailBrowserIT.)
 */
class FeedbackPageTest {

    private static final Vertx VERTX = Vertx.vertx();
    private static final String REGION = "eu-west-1";
    private static final EventContextData HOME = new EventContextData("203.0.113.5", "Firefox 120, Linux", "+01:00",
            "Oslo", "Norway");
    private static final EventContextData STRANGER = new EventContextData("198.51.100.9", "Chrome <119>, Windows",
            "-03:00", "Recife", "Brazil");

    private final HttpClient http = HttpClient.newHttpClient();
    private HttpDriver driver;
    private PoolView pool;
    private Recorded stranger;
    private String validLink;

    @AfterAll
    static void closeVertx() {
        VERTX.close();
    }

    @BeforeEach
    void aRiskySignInWithItsNotification() {
        driver = HttpDriver.startedAround(VERTX, AuthEventFeedbackService.builder().stores(InMemoryStores.create())
                .rateLimiter(new TokenBucketRateLimiter(RateLimits.unlimited()))
                .settings(new ServiceSettings(REGION, "123456789012", Duration.ofDays(7)))
                .publicUrl("https://auth.example.com/base").build(), REGION);
        pool = driver.createUserPool("page", "ENFORCED", "PLUS", null, null);
        driver.setRiskConfiguration(pool.id(), null, null, new SetRiskConfigurationCommand.AccountTakeoverInput(null,
                new SetRiskConfigurationCommand.ActionsInput(null, null,
                        new SetRiskConfigurationCommand.LevelActionInput(true, "BLOCK"))), null);
        driver.adminCreateUser(pool.id(), "jane", List.of(new AttributeInput("email", "jane@example.com")), null);
        for (int i = 0; i < 20; i++) {
            driver.recordAuthEvent(pool.id(), "jane", "SignIn", "Pass", null, null, HOME);
        }
        stranger = driver.recordAuthEvent(pool.id(), "jane", "SignIn", "Pass", null, null, STRANGER);
        String text = driver.listNotifications(pool.id(), null, null).items().get(0).textBody();
        Matcher link = Pattern.compile("https://auth\\.example\\.com/base(/feedback/\\S+/valid)").matcher(text);
        assertThat(link.find()).as(text).isTrue();
        validLink = link.group(1);
    }

    @AfterEach
    void stop() throws Exception {
        driver.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        URI uri = URI.create("http://" + driver.endpointAuthority() + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        request = method.equals("POST") ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private EventView strangersEvent() {
        return driver.adminListUserAuthEvents(pool.id(), "jane", 1, null).items().get(0);
    }

    @Test
    void openingALinkShowsTheSignInAndRecordsNothing() throws Exception {
        HttpResponse<String> page = send("GET", validLink);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Was this you?</h1>", "Recife, Brazil", "Chrome &lt;119&gt;, Windows",
                "198.51.100.9", "<form method=\"post\"><button type=\"submit\">Yes, this was me</button></form>")
                .doesNotContain("<script", "Chrome <119>");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .startsWith("default-src 'none'; style-src 'sha256-").endsWith("'; form-action 'self'; "
                        + "frame-ancestors 'none'; base-uri 'none'");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(strangersEvent().feedback()).as("a GET records nothing").isNull();
    }

    @Test
    void theButtonRecordsTheVerdictOfItsLinkAndThePageSaysSo() throws Exception {
        HttpResponse<String> valid = send("POST", validLink);
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(valid.body()).contains("We recorded that this sign-in was you.");
        assertThat(strangersEvent().feedback()).extracting(Views.FeedbackView::value, Views.FeedbackView::provider)
                .containsExactly("Valid", "User");
        String invalidLink = validLink.substring(0, validLink.length() - "valid".length()) + "invalid";
        HttpResponse<String> invalid = send("POST", invalidLink);
        assertThat(invalid.body()).contains("this sign-in was not you", "Change your password");
        assertThat(strangersEvent().feedback().value()).isEqualTo("Invalid");
        assertThat(send("GET", validLink).body()).contains("You told us before: this sign-in was not you.");
    }

    @Test
    void aLinkThatDoesNotHoldSaysSoWithA4xxAndRecordsNothing() throws Exception {
        String forged = validLink.replace(stranger.feedbackToken(), stranger.feedbackToken() + "x");
        String foreignEvent = validLink.replace(stranger.eventId(), "6b1c1b2e-0000-4000-8000-000000000000");
        String unknownPool = validLink.replace(pool.id(), "eu-west-1_nothere00");
        for (String link : List.of(forged, foreignEvent, unknownPool)) {
            for (String method : List.of("GET", "POST")) {
                HttpResponse<String> refused = send(method, link);
                assertThat(refused.statusCode()).as(method + " " + link).isEqualTo(403);
                assertThat(refused.body()).contains("This link is not valid", "Nothing was recorded");
            }
        }
        HttpResponse<String> otherVerdict = send("GET", validLink.replace("/valid", "/maybe"));
        assertThat(otherVerdict.statusCode()).isEqualTo(404);
        HttpResponse<String> malformed = send("GET", validLink.replace(pool.id(), "not%20a%20pool%20id!"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(strangersEvent().feedback()).isNull();
    }
}
