package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.CLIENT_ID;
import static dev.authfeedback.domain.validation.Shapes.EVENT_RESPONSE;
import static dev.authfeedback.domain.validation.Shapes.EVENT_TYPE;
import static dev.authfeedback.domain.validation.Shapes.STRING;
import static dev.authfeedback.domain.validation.Shapes.USERNAME;
import static dev.authfeedback.domain.validation.Shapes.USER_POOL_ID;

import dev.authfeedback.domain.model.ChallengeName;
import dev.authfeedback.domain.model.ChallengeResponse;
import dev.authfeedback.domain.model.ChallengeResult;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.EventResponse;
import dev.authfeedback.domain.model.EventRisk;
import dev.authfeedback.domain.model.EventType;
import dev.authfeedback.domain.model.RiskDecision;
import dev.authfeedback.domain.model.RiskLevel;
import dev.authfeedback.domain.model.WireEnum;
import dev.authfeedback.domain.validation.RequestValidator;
import java.util.List;

/**
 * This project's own RecordAuthEvent: how a host's sign-in flow records an event of a user.
 * UserPoolId, Username and EventType are required; the rest use the shapes of the model's
 * AuthEventType, and ClientId (the app client whose risk configuration applies, if it has one)
 * the model's ClientIdType. Validates itself on construction.
 *
 * @param userPoolId the user pool's id (UserPoolIdType)
 * @param username the user's username or one of its aliases (UsernameType)
 * @param eventType the kind of event: SignIn, SignUp, ForgotPassword, PasswordChange or ResendCode
 * @param eventResponse the event's outcome: Pass, Fail or InProgress
 * @param eventRisk the caller's own risk verdict, or null to let the evaluator decide
 * @param challengeResponses the challenges of the sign-in and how each went
 * @param eventContextData where and on what the event happened, or null
 * @param clientId an app client id whose own configuration applies, or null for the pool's (ClientIdType)
 */
public record RecordAuthEventCommand(String userPoolId, String username, String eventType, String eventResponse,
                                     EventRiskInput eventRisk, List<ChallengeResponseInput> challengeResponses,
                                     EventContextData eventContextData, String clientId) {

    public RecordAuthEventCommand {
        challengeResponses = AdminCreateUserCommand.copyOrNull(challengeResponses);
        RequestValidator.validate()
                .required("UserPoolId", USER_POOL_ID, userPoolId)
                .required("Username", USERNAME, username)
                .required("EventType", EVENT_TYPE, eventType)
                .optional("EventResponse", EVENT_RESPONSE, eventResponse)
                .optionalStructure("EventRisk", eventRisk, EventRiskInput::check)
                .eachStructure("ChallengeResponses", challengeResponses, ChallengeResponseInput::check)
                .optionalStructure("EventContextData", eventContextData, RecordAuthEventCommand::checkContext)
                .optional("ClientId", CLIENT_ID, clientId)
                .throwIfInvalid();
    }

    /** The members that matter for a minimal event. */
    public RecordAuthEventCommand(String userPoolId, String username, String eventType) {
        this(userPoolId, username, eventType, null, null, null, null, null);
    }

    private static void checkContext(RequestValidator validator, EventContextData context) {
        validator.optional("IpAddress", STRING, context.ipAddress())
                .optional("DeviceName", STRING, context.deviceName())
                .optional("Timezone", STRING, context.timezone())
                .optional("City", STRING, context.city())
                .optional("Country", STRING, context.country());
    }

    /** The event type as the model's value. */
    public EventType parsedEventType() {
        return WireEnum.parseValidated(EventType.class, eventType);
    }

    /** The event response as the model's value, or null. */
    public EventResponse parsedEventResponse() {
        return WireEnum.parseValidated(EventResponse.class, eventResponse);
    }

    /** The caller's risk evaluation as the model's value, or null: then the evaluator decides. */
    public EventRisk parsedEventRisk() {
        if (eventRisk == null) {
            return null;
        }
        return new EventRisk(
                WireEnum.parseValidated(RiskDecision.class, eventRisk.riskDecision()),
                WireEnum.parseValidated(RiskLevel.class, eventRisk.riskLevel()),
                eventRisk.compromisedCredentialsDetected());
    }

    /** The challenge responses as the model's values. */
    public List<ChallengeResponse> parsedChallengeResponses() {
        if (challengeResponses == null) {
            return List.of();
        }
        return challengeResponses.stream().map(challenge -> new ChallengeResponse(
                WireEnum.parseValidated(ChallengeName.class, challenge.challengeName()),
                WireEnum.parseValidated(ChallengeResult.class, challenge.challengeResponse())))
                .toList();
    }

    @Override
    public String toString() {
        return "RecordAuthEventCommand[userPoolId=" + userPoolId + ", eventType=" + eventType + "]";
    }
}
