package dev.authfeedback.conformance;

import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;

/** The operation suite over gRPC's in-process transport. */
class GrpcInProcessOperationTest extends OperationSuite {

    @Override
    protected OperationDriver driverFor(AuthEventFeedbackUseCases service) {
        return GrpcDriver.startedInProcess(service);
    }
}
