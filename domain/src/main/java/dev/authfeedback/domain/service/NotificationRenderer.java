package dev.authfeedback.domain.service;

import dev.authfeedback.domain.html.HtmlText;
import dev.authfeedback.domain.model.AccountTakeoverEventAction;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.RiskConfiguration.NotifyEmail;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Renders a risk notification from its template: every placeholder replaced, values HTML-escaped in
 * the HTML body (the subject and the text body take them as they are), and the default template of
 * the action when the configuration has none.
 */
final class NotificationRenderer {

    /** The rendered message. */
    record Rendered(String subject, String htmlBody, String textBody) {
    }

    /** The placeholders, in the order of the values {@link #values} answers. */
    private static final String[] PLACEHOLDERS = {"{username}", "{ip-address}", "{city}", "{country}",
        "{login-time}", "{device-name}", "{event-id}", "{feedback-token}", "{one-click-link-valid}",
        "{one-click-link-invalid}"};

    /** As Cognito's own messages show it: "Friday, March 19, 2021 02:25 PM UTC". */
    private static final DateTimeFormatter LOGIN_TIME =
            DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy hh:mm a 'UTC'", Locale.US).withZone(ZoneOffset.UTC);

    private static final String DETAILS_TEXT = "\n\nTime: {login-time}\nDevice: {device-name}\n"
            + "Location: {city}, {country}\nIP address: {ip-address}\n\n";
    private static final String DETAILS_HTML = "<ul><li>Time: {login-time}</li><li>Device: {device-name}</li>"
            + "<li>Location: {city}, {country}</li><li>IP address: {ip-address}</li></ul>";
    private static final String LINKS_TEXT = "Was this you? Yes: {one-click-link-valid}\n"
            + "No, it was not me: {one-click-link-invalid}\n";
    private static final String LINKS_HTML = "<p>If this was not you, change your password and "
            + "<a href={one-click-link-invalid}>tell us it was not you</a>. If it was you, "
            + "<a href={one-click-link-valid}>tell us it was you</a>.</p>";

    static final NotifyEmail DEFAULT_BLOCK = defaults("Blocked sign-in attempt",
            "Hello {username}, we blocked a sign-in to your account that we did not recognise.");
    static final NotifyEmail DEFAULT_MFA = defaults("New sign-in attempt",
            "Hello {username}, we asked for a second factor at a sign-in to your account that we did not recognise.");
    static final NotifyEmail DEFAULT_NO_ACTION = defaults("New sign-in attempt",
            "Hello {username}, we noticed a sign-in to your account that we did not recognise.");

    private NotificationRenderer() {
    }

    private static NotifyEmail defaults(String subject, String lead) {
        return new NotifyEmail(subject, "<p>" + lead + "</p>" + DETAILS_HTML + LINKS_HTML,
                lead + DETAILS_TEXT + LINKS_TEXT);
    }

    /** The configured template of the action, or its default. */
    static NotifyEmail template(AccountTakeoverEventAction action, NotifyEmail block, NotifyEmail mfa,
                                NotifyEmail noAction) {
        return switch (action) {
            case BLOCK -> block != null ? block : DEFAULT_BLOCK;
            case MFA_IF_CONFIGURED, MFA_REQUIRED -> mfa != null ? mfa : DEFAULT_MFA;
            case NO_ACTION -> noAction != null ? noAction : DEFAULT_NO_ACTION;
        };
    }

    /**
     * The placeholders' values: an absent context value reads "unknown"; the links are the feedback
     * page's for this event, one per verdict.
     */
    static String[] values(String username, EventContextData context, Instant loginTime, String eventId,
                           String feedbackToken, String validLink, String invalidLink) {
        return new String[] {username, orUnknown(context == null ? null : context.ipAddress()),
            orUnknown(context == null ? null : context.city()), orUnknown(context == null ? null : context.country()),
            LOGIN_TIME.format(loginTime), orUnknown(context == null ? null : context.deviceName()), eventId,
            feedbackToken, validLink, invalidLink};
    }

    static Rendered render(NotifyEmail template, String[] values) {
        return new Rendered(replace(template.subject(), values, false),
                template.htmlBody() == null ? null : replace(template.htmlBody(), values, true),
                template.textBody() == null ? null : replace(template.textBody(), values, false));
    }

    /**
     * One pass over the template, so that a value that looks like a placeholder stays as it is; a
     * placeholder is matched in place (no substring per brace: this runs on every notifying sign-in).
     */
    private static String replace(String template, String[] values, boolean html) {
        StringBuilder out = new StringBuilder(template.length() + 256);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            int found = -1;
            for (int p = 0; p < PLACEHOLDERS.length && found < 0; p++) {
                if (template.startsWith(PLACEHOLDERS[p], open)) {
                    found = p;
                }
            }
            if (found < 0) {
                out.append(template, i, open + 1);
                i = open + 1;
            } else {
                out.append(template, i, open).append(html ? HtmlText.escape(values[found]) : values[found]);
                i = open + PLACEHOLDERS[found].length();
            }
        }
        return out.toString();
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }
}
