package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.CHALLENGE_NAME;
import static dev.authfeedback.domain.validation.Shapes.CHALLENGE_RESPONSE;

import dev.authfeedback.domain.validation.RequestValidator;

/**
 * ChallengeResponseType as it arrives; both members optional, as in the model.
 *
 * @param challengeName the challenge: Password or Mfa
 * @param challengeResponse how the challenge went: Success or Failure
 */
public record ChallengeResponseInput(String challengeName, String challengeResponse) {

    static void check(RequestValidator validator, ChallengeResponseInput challenge) {
        validator.optional("ChallengeName", CHALLENGE_NAME, challenge.challengeName())
                .optional("ChallengeResponse", CHALLENGE_RESPONSE, challenge.challengeResponse());
    }
}
