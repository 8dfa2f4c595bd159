package dev.authfeedback.domain.error;

import dev.authfeedback.domain.validation.Violation;
import java.util.List;

/**
 * A request that breaks the model's constraints or a domain rule about its values. For constraint
 * violations the message is AWS's ("N validation error(s) detected: ...") and {@link #violations()}
 * lists them one by one, which the gRPC adapter turns into {@code BadRequest} field violations.
 */
public final class InvalidParameterException extends CognitoServiceException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /** A domain-rule rejection with a message of its own and no member constraint behind it. */
    public InvalidParameterException(String message) {
        this(message, List.of());
    }

    /** The error with AWS's message and each broken constraint, in the order they were checked. */
    public InvalidParameterException(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    /** The member constraint violations, in the order of the message; empty for domain rules. */
    public List<Violation> violations() {
        return violations;
    }

    @Override
    public ErrorType type() {
        return ErrorType.INVALID_PARAMETER;
    }
}
