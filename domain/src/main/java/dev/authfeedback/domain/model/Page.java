package dev.authfeedback.domain.model;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing and the opaque token for the next one (null on the last page).
 *
 * @param items the page's items
 * @param nextToken the token of the next page, or null on the last
 */
public record Page<T>(List<T> items, String nextToken) {

    public Page {
        items = List.copyOf(items);
    }

    /** The token of the next page, if there is one. */
    public Optional<String> next() {
        return Optional.ofNullable(nextToken);
    }
}
