package dev.authfeedback.domain.service;

import dev.authfeedback.domain.error.CognitoServiceException;
import dev.authfeedback.domain.error.InternalErrorException;

/**
 * The edge of every use case: each one catches what escapes it and throws {@link #answer}, so
 * service errors pass and any other failure (of a port, mostly) becomes InternalErrorException.
 * A plain try/catch rather than a lambda: on the hot path the lambda was an allocation per call.
 */
final class Guarded {

    private Guarded() {
    }

    static CognitoServiceException answer(RuntimeException failure) {
        return failure instanceof CognitoServiceException answer ? answer : new InternalErrorException(failure);
    }
}
