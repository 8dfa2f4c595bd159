package dev.authfeedback.conformance;

import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;

/** The operation suite over gRPC on a real Netty server and channel, 127.0.0.1. */
class GrpcNettyOperationTest extends OperationSuite {

    @Override
    protected OperationDriver driverFor(AuthEventFeedbackUseCases service) {
        return GrpcDriver.startedOnNetty(service);
    }
}
