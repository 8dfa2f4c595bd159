package dev.authfeedback.conformance;

import dev.authfeedback.domain.port.out.Stores;

/** The store contract against the PostgreSQL adapter on a real PostgreSQL server. */
class PostgresStoreContractTest extends StoreContract {

    @Override
    protected Stores newStores() {
        return PostgresTestDatabase.emptyStores();
    }

    @Override
    protected boolean blocks() {
        return true;
    }
}
