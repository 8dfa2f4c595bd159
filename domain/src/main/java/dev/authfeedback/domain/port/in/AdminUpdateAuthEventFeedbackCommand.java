package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.EVENT_ID;
import static dev.authfeedback.domain.validation.Shapes.FEEDBACK_VALUE;
import static dev.authfeedback.domain.validation.Shapes.USERNAME;
import static dev.authfeedback.domain.validation.Shapes.USER_POOL_ID;

import dev.authfeedback.domain.model.FeedbackValue;
import dev.authfeedback.domain.model.WireEnum;
import dev.authfeedback.domain.validation.RequestValidator;

/**
 * AdminUpdateAuthEventFeedbackRequest; validates itself on construction.
 *
 * @param userPoolId the user pool's id (UserPoolIdType)
 * @param username the user's username or one of its aliases (UsernameType)
 * @param eventId the auth event's id (EventIdType)
 * @param feedbackValue the verdict: Valid or Invalid (FeedbackValueType)
 */
public record AdminUpdateAuthEventFeedbackCommand(
        String userPoolId, String username, String eventId, String feedbackValue) {

    public AdminUpdateAuthEventFeedbackCommand {
        RequestValidator.validate()
                .required("UserPoolId", USER_POOL_ID, userPoolId)
                .required("Username", USERNAME, username)
                .required("EventId", EVENT_ID, eventId)
                .required("FeedbackValue", FEEDBACK_VALUE, feedbackValue)
                .throwIfInvalid();
    }

    /** The verdict as the model's value. */
    public FeedbackValue parsedFeedbackValue() {
        return WireEnum.parseValidated(FeedbackValue.class, feedbackValue);
    }

    @Override
    public String toString() {
        return "AdminUpdateAuthEventFeedbackCommand[userPoolId=" + userPoolId + ", eventId=" + eventId
                + ", feedbackValue=" + feedbackValue + "]";
    }
}
