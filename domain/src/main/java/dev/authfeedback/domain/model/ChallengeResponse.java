package dev.authfeedback.domain.model;

/**
 * The model's ChallengeResponseType; either member may be absent (null).
 *
 * @param challengeName the challenge: Password or Mfa
 * @param challengeResponse how the challenge went: Success or Failure
 */
public record ChallengeResponse(ChallengeName challengeName, ChallengeResult challengeResponse) {
}
