package dev.authfeedback.adapter.http;

import dev.authfeedback.domain.error.CallerAuthenticationError;

/**
 * An error of the HTTP protocol layer rather than of the domain: unknown target, unreadable JSON,
 * a failed signature. Carries the AWS error type and the HTTP status it is answered with.
 */
final class HttpFrameworkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final String UNKNOWN_OPERATION = "UnknownOperationException";
    static final String SERIALIZATION = "SerializationException";
    static final String MISSING_AUTHENTICATION_TOKEN = CallerAuthenticationError.MISSING_AUTHENTICATION_TOKEN.shapeName();
    static final String INCOMPLETE_SIGNATURE = CallerAuthenticationError.INCOMPLETE_SIGNATURE.shapeName();
    static final String UNRECOGNIZED_CLIENT = CallerAuthenticationError.UNRECOGNIZED_CLIENT.shapeName();
    static final String INVALID_SIGNATURE = CallerAuthenticationError.INVALID_SIGNATURE.shapeName();
    static final String REQUEST_ENTITY_TOO_LARGE = "RequestEntityTooLargeException";

    private final String type;
    private final int status;

    HttpFrameworkException(String type, int status, String message) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
    }

    static HttpFrameworkException badRequest(String type, String message) {
        return new HttpFrameworkException(type, 400, message);
    }

    String type() {
        return type;
    }

    int status() {
        return status;
    }
}
