package dev.authfeedback.domain.model;

import java.util.Objects;

/**
 * A value a user can be found by besides the username: an active alias attribute
 * (e.g. {@code email} = {@code jane@example.com}). Unique within a pool.
 *
 * @param attributeName the alias attribute: email, phone_number or preferred_username
 * @param value the attribute's value, normalised
 */
public record AliasKey(String attributeName, String value) {

    public AliasKey {
        Objects.requireNonNull(attributeName, "attributeName");
        Objects.requireNonNull(value, "value");
    }

    /** Attribute values are personal data: keep them out of logs. */
    @Override
    public String toString() {
        return "AliasKey[" + attributeName + "]";
    }
}
