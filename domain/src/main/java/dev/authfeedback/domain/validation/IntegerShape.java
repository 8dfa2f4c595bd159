package dev.authfeedback.domain.validation;

/** The value range of one integer shape of the service model. */
public record IntegerShape(String name, int min, int max) {
}
