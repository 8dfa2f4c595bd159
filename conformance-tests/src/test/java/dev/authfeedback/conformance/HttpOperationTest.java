package dev.authfeedback.conformance;

import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;

/** The operation suite over HTTP, through the AWS SDK for Java v2. */
class HttpOperationTest extends OperationSuite {

    private static final Vertx VERTX = Vertx.vertx();

    @AfterAll
    static void closeVertx() {
        VERTX.close();
    }

    @Override
    protected OperationDriver driverFor(AuthEventFeedbackUseCases service) {
        return HttpDriver.startedAround(VERTX, service, REGION);
    }
}
