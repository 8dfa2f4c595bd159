package dev.authfeedback.conformance;

import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.out.Stores;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;

/** The operation suite through the HTTP server (AWS SDK v2) wired to PostgreSQL. */
class PostgresHttpOperationTest extends OperationSuite {

    private static final Vertx VERTX = Vertx.vertx();

    @AfterAll
    static void closeVertx() {
        VERTX.close();
    }

    @Override
    protected Stores newStores() {
        return PostgresTestDatabase.emptyStores();
    }

    @Override
    protected OperationDriver driverFor(AuthEventFeedbackUseCases service) {
        return HttpDriver.startedAround(VERTX, service, REGION);
    }
}
