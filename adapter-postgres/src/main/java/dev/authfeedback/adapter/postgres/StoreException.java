package dev.authfeedback.adapter.postgres;

/**
 * A failed store operation. The domain turns it into InternalErrorException; the message names the
 * operation and the database's error state, never a value.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(String operation, Throwable cause) {
        super(operation + " failed: " + describe(cause), cause);
    }

    private static String describe(Throwable cause) {
        if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
            return "SQL state " + sql.getSQLState() + " (" + cause.getClass().getSimpleName() + ")";
        }
        return cause.getClass().getSimpleName();
    }
}
