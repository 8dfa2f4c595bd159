package dev.authfeedback.conformance;

import java.util.List;

/**
 * An error answer as any transport delivers it: the AWS error shape name, the message, and (where
 * the transport carries them) the per-member violations of an InvalidParameterException.
 */
public final class ServiceError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String type;
    private final String errorMessage;
    private final transient List<String> violatedPaths;

    public ServiceError(String type, String message, List<String> violatedPaths) {
        super(type + ": " + message, null, false, false);
        this.type = type;
        this.errorMessage = message;
        this.violatedPaths = List.copyOf(violatedPaths);
    }

    public String type() {
        return type;
    }

    public String errorMessage() {
        return errorMessage;
    }

    /** The member paths of the violations, when the transport reports them one by one; else empty. */
    public List<String> violatedPaths() {
        return violatedPaths;
    }
}
