package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.model.RotatedTokenKey;

/** RotateFeedbackTokenKey. */
public interface RotateFeedbackTokenKeyUseCase {
    /**
     * Makes a new signing key the pool's current one: new tokens are signed with it, tokens signed
     * with the previous key keep working until they expire, and then that key is dropped.
     */
    RotatedTokenKey rotateFeedbackTokenKey(RotateFeedbackTokenKeyCommand command);
}
