package dev.authfeedback.domain.port.out;

/**
 * A quota: the pool categories count an operation's calls per pool (like Cognito's request-rate
 * categories; {@link dev.authfeedback.domain.port.in.Operation} says which operation counts against
 * which), the source categories count the calls of one source address, across pools.
 */
public enum OperationCategory {
    /** Administrators' feedback, per pool. */
    FEEDBACK,
    /** Feedback authorized by a token, per pool: apart from {@link #FEEDBACK}, so anonymous callers cannot use up the administrators' quota. */
    TOKEN_FEEDBACK,
    /** User reads, per pool. */
    USER_READ,
    /** User writes (and recorded events), per pool. */
    USER_WRITE,
    /** Pool reads, per pool (listing: per account). */
    POOL_READ,
    /** Pool writes, per pool (creating: per account). */
    POOL_WRITE,
    /** Token-authorized feedback from one source address, whatever the pool. */
    SOURCE_TOKEN_FEEDBACK,
    /** Refused feedback tokens from one source address: when used up, that source's token feedback waits. */
    SOURCE_REFUSED_TOKENS
}
