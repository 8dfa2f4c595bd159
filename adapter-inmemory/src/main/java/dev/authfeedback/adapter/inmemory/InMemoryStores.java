package dev.authfeedback.adapter.inmemory;

import dev.authfeedback.domain.port.out.Stores;

/** Makes the in-memory stores of one service instance. */
public final class InMemoryStores {

    private InMemoryStores() {
    }

    /** A new, empty set of in-memory stores. */
    public static Stores create() {
        return new Stores(new InMemoryUserPoolStore(), new InMemoryUserStore(), new InMemoryAuthEventStore());
    }
}
