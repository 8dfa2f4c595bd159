package dev.authfeedback.domain.port.out;

/**
 * The quota an operation counts against, per pool (like Cognito's request-rate categories);
 * {@link dev.authfeedback.domain.port.in.Operation} says which operation counts against which.
 */
public enum OperationCategory {
    FEEDBACK,
    USER_READ,
    USER_WRITE,
    POOL_READ,
    POOL_WRITE
}
