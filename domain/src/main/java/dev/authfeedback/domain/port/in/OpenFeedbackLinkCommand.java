package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.EVENT_ID;
import static dev.authfeedback.domain.validation.Shapes.FEEDBACK_TOKEN;
import static dev.authfeedback.domain.validation.Shapes.USERNAME;
import static dev.authfeedback.domain.validation.Shapes.USER_POOL_ID;

import dev.authfeedback.domain.validation.RequestValidator;

/**
 * A one-click link opened: what the feedback page needs to show before the user says anything.
 * Checked as UpdateAuthEventFeedback's members are; validates itself on construction.
 *
 * @param userPoolId the user pool's id
 * @param username the user (the link carries the sub)
 * @param eventId the sign-in's event id
 * @param feedbackToken the event's feedback token; a secret
 * @param sourceAddress the caller's IP address, whose quotas apply; null when unknown
 */
public record OpenFeedbackLinkCommand(String userPoolId, String username, String eventId, String feedbackToken,
                                      String sourceAddress) {

    public OpenFeedbackLinkCommand {
        SourceAddress.requireAddressOrNull(sourceAddress);
        RequestValidator.validate()
                .required("UserPoolId", USER_POOL_ID, userPoolId)
                .required("Username", USERNAME, username)
                .required("EventId", EVENT_ID, eventId)
                .required("FeedbackToken", FEEDBACK_TOKEN, feedbackToken)
                .throwIfInvalid();
    }

    /** The username, token and address are sensitive: keep them out of logs. */
    @Override
    public String toString() {
        return "OpenFeedbackLinkCommand[userPoolId=" + userPoolId + ", eventId=" + eventId + "]";
    }
}
