package dev.authfeedback.adapter.http;

import dev.authfeedback.domain.error.CognitoServiceException;
import dev.authfeedback.domain.error.InternalErrorException;
import dev.authfeedback.domain.error.InvalidParameterException;
import dev.authfeedback.domain.error.TooManyRequestsException;
import dev.authfeedback.domain.html.HtmlText;
import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.FeedbackValue;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.OpenFeedbackLinkCommand;
import dev.authfeedback.domain.port.in.UpdateAuthEventFeedbackCommand;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page a one-click link opens: {@code /feedback/<pool>/<event>/<sub>/<token>/<valid|invalid>}.
 * A GET shows the sign-in and one button and records nothing (mail scanners fetch links); the
 * button POSTs to the same address, which records the verdict through UpdateAuthEventFeedback and
 * says what was recorded. A link that does not hold gets a page that says so, with a 4xx status.
 * No script; a Content-Security-Policy that allows the page's one style block and nothing else.
 */
final class FeedbackPage {

    /** The route's path, with its parameters. */
    static final String ROUTE = "/feedback/:pool/:event/:user/:token/:verdict";

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackPage.class);
    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;"
            + "padding:0 1rem;color:#1b1b1b}dl{display:grid;grid-template-columns:max-content auto;gap:.4rem 1rem}"
            + "dt{font-weight:600}button{font-size:1rem;padding:.6rem 1.2rem;border-radius:.4rem;"
            + "border:1px solid #555;background:#f4f4f4;cursor:pointer}";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
            + "'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy HH:mm 'UTC'", Locale.US).withZone(ZoneOffset.UTC);

    private final Vertx vertx;
    private final AuthEventFeedbackUseCases useCases;
    private final boolean offloadToWorkers;
    private final Function<RoutingContext, String> sourceAddress;

    FeedbackPage(Vertx vertx, AuthEventFeedbackUseCases useCases, Function<RoutingContext, String> sourceAddress) {
        this.vertx = vertx;
        this.useCases = useCases;
        this.offloadToWorkers = useCases.blocking();
        this.sourceAddress = sourceAddress;
    }

    /** GET: the sign-in the link is about, and the button; nothing recorded. */
    void show(RoutingContext ctx) {
        FeedbackValue verdict = verdict(ctx);
        if (verdict == null) {
            return;
        }
        String source = sourceAddress.apply(ctx);
        run(ctx, () -> useCases.openFeedbackLink(new OpenFeedbackLinkCommand(ctx.pathParam("pool"),
                ctx.pathParam("user"), ctx.pathParam("event"), ctx.pathParam("token"), source)),
                event -> page(verdict == FeedbackValue.VALID ? "Was this you?" : "Was this not you?",
                        "<p>A sign-in to your account:</p>" + details(event)
                        + (event.eventFeedback() == null ? "" : "<p>You told us before: "
                                + said(event.eventFeedback().feedbackValue()) + ".</p>")
                        + "<form method=\"post\"><button type=\"submit\">"
                        + (verdict == FeedbackValue.VALID ? "Yes, this was me" : "No, this was not me")
                        + "</button></form>"));
    }

    /** POST: records the verdict of the link and says what was recorded. */
    void record(RoutingContext ctx) {
        FeedbackValue verdict = verdict(ctx);
        if (verdict == null) {
            return;
        }
        String source = sourceAddress.apply(ctx);
        run(ctx, () -> {
            useCases.updateAuthEventFeedback(new UpdateAuthEventFeedbackCommand(ctx.pathParam("pool"),
                    ctx.pathParam("user"), ctx.pathParam("event"), ctx.pathParam("token"), verdict.wireValue(),
                    source));
            return verdict;
        }, recorded -> page("Thank you", "<p>We recorded that " + said(recorded) + ".</p>"
                + (recorded == FeedbackValue.INVALID
                        ? "<p>Change your password now, and sign out of other devices if you can.</p>" : "")));
    }

    private static String said(FeedbackValue value) {
        return value == FeedbackValue.VALID ? "this sign-in was you" : "this sign-in was not you";
    }

    private FeedbackValue verdict(RoutingContext ctx) {
        return switch (ctx.pathParam("verdict")) {
            case "valid" -> FeedbackValue.VALID;
            case "invalid" -> FeedbackValue.INVALID;
            default -> {
                send(ctx, 404, page("Link not valid", "<p>This link is not a feedback link.</p>"));
                yield null;
            }
        };
    }

    private <T> void run(RoutingContext ctx, Supplier<T> work, Function<T, String> success) {
        if (!offloadToWorkers) {
            answer(ctx, work, success);
            return;
        }
        vertx.executeBlocking(() -> {
            answer(ctx, work, success);
            return null;
        }, false);
    }

    private static <T> void answer(RoutingContext ctx, Supplier<T> work, Function<T, String> success) {
        T result;
        try {
            result = work.get();
        } catch (RuntimeException failure) {
            refused(ctx, failure);
            return;
        }
        send(ctx, 200, success.apply(result));
    }

    /** Why a link does not hold, without telling a forger which part was wrong. */
    private static void refused(RoutingContext ctx, RuntimeException failure) {
        if (failure instanceof TooManyRequestsException) {
            send(ctx, 429, page("Too many attempts", "<p>Too many attempts from your address. Try again in a "
                    + "minute.</p>"));
        } else if (failure instanceof InternalErrorException internal) {
            LOG.error("the feedback page failed", internal.getCause());
            send(ctx, 503, page("Try again later", "<p>We could not look at this link just now. Try again in a "
                    + "few minutes.</p>"));
        } else if (failure instanceof InvalidParameterException) {
            send(ctx, 400, page("Link not valid", "<p>This link is not a complete feedback link. Open the link "
                    + "from the email once more, or copy all of it.</p>"));
        } else if (failure instanceof CognitoServiceException) {
            send(ctx, 403, page("Link not valid", "<p>This link is not valid: it has expired, or it was changed. "
                    + "Nothing was recorded.</p>"));
        } else {
            LOG.error("the feedback page failed", failure);
            send(ctx, 500, page("Try again later", "<p>Something went wrong on our side.</p>"));
        }
    }

    private static String details(AuthEvent event) {
        EventContextData context = event.eventContextData();
        String place = context == null || (context.city() == null && context.country() == null) ? "unknown"
                : (context.city() == null ? "" : context.city() + ", ")
                        + (context.country() == null ? "" : context.country());
        return "<dl><dt>When</dt><dd>" + HtmlText.escape(TIME.format(event.creationDate())) + "</dd>"
                + "<dt>Where</dt><dd>" + HtmlText.escape(place) + "</dd>"
                + "<dt>Device</dt><dd>" + HtmlText.escape(context == null || context.deviceName() == null ? "unknown"
                        : context.deviceName()) + "</dd>"
                + "<dt>IP address</dt><dd>" + HtmlText.escape(context == null || context.ipAddress() == null ? "unknown"
                        : context.ipAddress()) + "</dd></dl>";
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width,initial-scale=1\"><title>" + HtmlText.escape(title) + "</title><style>" + STYLE
                + "</style></head><body><h1>" + HtmlText.escape(title) + "</h1>" + body + "</body></html>";
    }

    private static void send(RoutingContext ctx, int status, String html) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                // the address holds the token: never sent on to another site, never kept
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cache-Control", "no-store")
                .end(html);
    }

    private static String sha256(String text) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
