package dev.authfeedback.domain.model;

import java.util.List;
import java.util.Optional;

/** One page of a listing and the opaque token for the next one (null on the last page). */
public record Page<T>(List<T> items, String nextToken) {

    public Page {
        items = List.copyOf(items);
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextToken);
    }
}
