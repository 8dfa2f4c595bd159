package dev.authfeedback.domain.model;

/** The model's ChallengeResponseType; either member may be absent (null). */
public record ChallengeResponse(ChallengeName challengeName, ChallengeResult challengeResponse) {
}
