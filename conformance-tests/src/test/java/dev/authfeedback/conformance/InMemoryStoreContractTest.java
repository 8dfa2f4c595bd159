package dev.authfeedback.conformance;

import dev.authfeedback.adapter.inmemory.InMemoryStores;
import dev.authfeedback.domain.port.out.Stores;

/** The store contract against the in-memory adapter. */
class InMemoryStoreContractTest extends StoreContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }

    @Override
    protected boolean blocks() {
        return false;
    }
}
