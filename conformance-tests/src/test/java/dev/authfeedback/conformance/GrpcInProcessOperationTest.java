package dev.authfeedback.conformance;

import dev.authfeedback.domain.service.AuthEventFeedbackService;

/** The operation suite over gRPC's in-process transport. */
class GrpcInProcessOperationTest extends OperationSuite {

    @Override
    protected OperationDriver driverFor(AuthEventFeedbackService service) {
        return GrpcDriver.startedInProcess(service);
    }
}
