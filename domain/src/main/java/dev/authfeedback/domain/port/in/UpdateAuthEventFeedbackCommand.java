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
 * UpdateAuthEventFeedbackRequest, members as they arrive on the wire. Constructing one validates it
 * and throws InvalidParameterException on any violation.
 *
 * @param userPoolId the user pool's id (UserPoolIdType)
 * @param username the user's username or one of its aliases (UsernameType)
 * @param eventId the auth event's id (EventIdType)
 * @param feedbackToken the feedback token issued with the event (TokenModelType); a secret
 * @param feedbackValue the verdict: Valid or Invalid (FeedbackValueType)
 */
public record UpdateAuthEventFeedbackCommand(
        String userPoolId, String username, String eventId, String feedbackToken, String feedbackValue) {

    public UpdateAuthEventFeedbackCommand {
        RequestValidator.validate()
                .required("UserPoolId", USER_POOL_ID, userPoolId)
                .required("Username", USERNAME, username)
                .required("EventId", EVENT_ID, eventId)
                .required("FeedbackToken", FEEDBACK_TOKEN, feedbackToken)
                .required("FeedbackValue", FEEDBACK_VALUE, feedbackValue)
                .throwIfInvalid();
    }

    /** The verdict as the model's value. */
    public FeedbackValue parsedFeedbackValue() {
        return WireEnum.parseValidated(FeedbackValue.class, feedbackValue);
    }

    /** The username and token are sensitive: keep them out of logs. */
    @Override
    public String toString() {
        return "UpdateAuthEventFeedbackCommand[userPoolId=" + userPoolId + ", eventId=" + eventId
                + ", feedbackValue=" + feedbackValue + "]";
    }
}
