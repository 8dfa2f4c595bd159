package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.EVENT_ID;
import static dev.authfeedback.domain.validation.Shapes.FEEDBACK_VALUE;
import static dev.authfeedback.domain.validation.Shapes.USERNAME;
import static dev.authfeedback.domain.validation.Shapes.USER_POOL_ID;

import dev.authfeedback.domain.model.FeedbackValue;
import dev.authfeedback.domain.model.WireEnum;
import dev.authfeedback.domain.validation.RequestValidator;

/** AdminUpdateAuthEventFeedbackRequest; validates itself on construction. */
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

    public FeedbackValue parsedFeedbackValue() {
        return WireEnum.parseValidated(FeedbackValue.class, feedbackValue);
    }

    @Override
    public String toString() {
        return "AdminUpdateAuthEventFeedbackCommand[userPoolId=" + userPoolId + ", eventId=" + eventId
                + ", feedbackValue=" + feedbackValue + "]";
    }
}
