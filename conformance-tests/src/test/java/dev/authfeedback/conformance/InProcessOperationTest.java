package dev.authfeedback.conformance;

import dev.authfeedback.domain.service.AuthEventFeedbackService;

/** The operation suite against the domain itself, called in process. */
class InProcessOperationTest extends OperationSuite {

    @Override
    protected OperationDriver driverFor(AuthEventFeedbackService service) {
        return new InProcessDriver(service);
    }
}
