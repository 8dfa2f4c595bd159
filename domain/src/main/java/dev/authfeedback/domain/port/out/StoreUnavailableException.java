package dev.authfeedback.domain.port.out;

/**
 * A store could not be reached (its database is down, say). Callers get InternalErrorException;
 * adapters log this known condition briefly, since the store reports each outage once itself.
 */
public final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The failure, saying which store operation could not reach its storage, and why if known. */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
