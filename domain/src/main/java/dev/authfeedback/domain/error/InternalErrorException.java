package dev.authfeedback.domain.error;

import dev.authfeedback.domain.port.out.StoreUnavailableException;

/**
 * An unexpected failure, usually of an adapter. The message is generic on purpose: the cause is
 * for the logs, never for the caller.
 */
public final class InternalErrorException extends CognitoServiceException {
    private static final long serialVersionUID = 1L;

    /** The one message callers get: the cause stays in the logs. */
    public static final String GENERIC_MESSAGE = "Internal server error.";

    /** An internal error caused by {@code cause}, which adapters log and never send. */
    public InternalErrorException(Throwable cause) {
        super(GENERIC_MESSAGE, cause);
    }

    /** True when a store was unreachable: a known outage, which the store itself reports once. */
    public boolean storeUnavailable() {
        return getCause() instanceof StoreUnavailableException;
    }

    @Override
    public ErrorType type() {
        return ErrorType.INTERNAL_ERROR;
    }
}
