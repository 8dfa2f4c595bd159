package dev.authfeedback.domain.validation;

/**
 * One broken member constraint.
 *
 * @param path       the member path as AWS prints it, e.g. {@code userPoolId} or {@code userAttributes.1.member.name}
 * @param constraint the constraint text, e.g. {@code Member must not be null}
 * @param message    the whole AWS sentence, {@code Value '...' at '<path>' failed to satisfy constraint: <constraint>}
 */
public record Violation(String path, String constraint, String message) {
}
