package dev.authfeedback.domain.validation;

/**
 * The value range of one integer shape of the service model.
 *
 * @param name the model's name of the shape
 * @param min the least value
 * @param max the greatest value
 */
public record IntegerShape(String name, int min, int max) {
}
