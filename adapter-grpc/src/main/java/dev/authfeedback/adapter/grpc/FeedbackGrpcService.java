package dev.authfeedback.adapter.grpc;

import static dev.authfeedback.adapter.grpc.GrpcMapping.optional;

import dev.authfeedback.adapter.grpc.v1.AdminUpdateAuthEventFeedbackRequest;
import dev.authfeedback.adapter.grpc.v1.AdminUpdateAuthEventFeedbackResponse;
import dev.authfeedback.adapter.grpc.v1.FeedbackServiceGrpc;
import dev.authfeedback.adapter.grpc.v1.UpdateAuthEventFeedbackRequest;
import dev.authfeedback.adapter.grpc.v1.UpdateAuthEventFeedbackResponse;
import dev.authfeedback.domain.port.in.AdminUpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.UpdateAuthEventFeedbackCommand;
import io.grpc.stub.StreamObserver;

final class FeedbackGrpcService extends FeedbackServiceGrpc.FeedbackServiceImplBase {

    private final AuthEventFeedbackUseCases service;

    FeedbackGrpcService(AuthEventFeedbackUseCases service) {
        this.service = service;
    }

    @Override
    public void updateAuthEventFeedback(UpdateAuthEventFeedbackRequest request,
                                        StreamObserver<UpdateAuthEventFeedbackResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            service.updateAuthEventFeedback(new UpdateAuthEventFeedbackCommand(
                    optional(request.hasUserPoolId(), request.getUserPoolId()),
                    optional(request.hasUsername(), request.getUsername()),
                    optional(request.hasEventId(), request.getEventId()),
                    optional(request.hasFeedbackToken(), request.getFeedbackToken()),
                    GrpcMapping.feedbackValue(request.getFeedbackValueValue()),
                    SourceAddressInterceptor.SOURCE.get()));
            return UpdateAuthEventFeedbackResponse.getDefaultInstance();
        });
    }

    @Override
    public void adminUpdateAuthEventFeedback(AdminUpdateAuthEventFeedbackRequest request,
                                             StreamObserver<AdminUpdateAuthEventFeedbackResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            service.adminUpdateAuthEventFeedback(new AdminUpdateAuthEventFeedbackCommand(
                    optional(request.hasUserPoolId(), request.getUserPoolId()),
                    optional(request.hasUsername(), request.getUsername()),
                    optional(request.hasEventId(), request.getEventId()),
                    GrpcMapping.feedbackValue(request.getFeedbackValueValue())));
            return AdminUpdateAuthEventFeedbackResponse.getDefaultInstance();
        });
    }
}
