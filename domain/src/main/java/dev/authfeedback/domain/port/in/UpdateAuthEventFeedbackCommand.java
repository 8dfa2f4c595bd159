package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.EVENT_ID;
import static dev.authfeedback.domain.validation.Shapes.FEEDBACK_TOKEN;
import static dev.authfeedback.domain.validation.Shapes.FEEDBACK_VALUE;
import static dev.authfeedback.domain.validation.Shapes.USERNAME;
import static dev.authfeedback.domain.validation.Shapes.USER_POOL_ID;

import dev.authfeedback.domain.model.FeedbackValue;
import dev.authfeedback.domain.model.WireEnum;
import dev.authfeedback.domain.validation.RequestValidator;

/**
 * UpdateAuthEventFeedbackRequest, members as they arrive on the wire, and the address the request
 * came from. Constructing one validates the members and throws InvalidParameterException on any
 * violation.
 *
 * @param userPoolId the user pool's id (UserPoolIdType)
 * @param username the user's username or one of its aliases (UsernameType)
 * @param eventId the auth event's id (EventIdType)
 * @param feedbackToken the feedback token issued with the event (TokenModelType); a secret
 * @param feedbackValue the verdict: Valid or Invalid (FeedbackValueType)
 * @param sourceAddress the IPv4 or IPv6 address of the caller (not a member of the request: the
 *        transport knows it), whose own quotas apply; null when unknown, and then only the pool's does
 */
public record UpdateAuthEventFeedbackCommand(String userPoolId, String username, String eventId,
                                             String feedbackToken, String feedbackValue, String sourceAddress) {

    public UpdateAuthEventFeedbackCommand {
        SourceAddress.requireAddressOrNull(sourceAddress);
        RequestValidator.validate()
                .required("UserPoolId", USER_POOL_ID, userPoolId)
                .required("Username", USERNAME, username)
                .required("EventId", EVENT_ID, eventId)
                .required("FeedbackToken", FEEDBACK_TOKEN, feedbackToken)
                .required("FeedbackValue", FEEDBACK_VALUE, feedbackValue)
                .throwIfInvalid();
    }

    /** A request whose source is unknown: only the pool's quota applies to it. */
    public UpdateAuthEventFeedbackCommand(String userPoolId, String username, String eventId, String feedbackToken,
                                          String feedbackValue) {
        this(userPoolId, username, eventId, feedbackToken, feedbackValue, null);
    }

    /** The verdict as the model's value. */
    public FeedbackValue parsedFeedbackValue() {
        return WireEnum.parseValidated(FeedbackValue.class, feedbackValue);
    }

    /** The username, token and address are sensitive: keep them out of logs. */
    @Override
    public String toString() {
        return "UpdateAuthEventFeedbackCommand[userPoolId=" + userPoolId + ", eventId=" + eventId
                + ", feedbackValue=" + feedbackValue + "]";
    }
}
