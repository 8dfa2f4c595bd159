package dev.authfeedback.conformance;

import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;

/** The operation suite against the domain itself, called in process. */
class InProcessOperationTest extends OperationSuite {

    @Override
    protected OperationDriver driverFor(AuthEventFeedbackUseCases service) {
        return new InProcessDriver(service);
    }
}
