package dev.authfeedback.adapter.grpc;

import static dev.authfeedback.adapter.grpc.GrpcMapping.optional;

import dev.authfeedback.adapter.grpc.v1.ListNotificationsRequest;
import dev.authfeedback.adapter.grpc.v1.ListNotificationsResponse;
import dev.authfeedback.adapter.grpc.v1.NotificationsServiceGrpc;
import dev.authfeedback.domain.model.Notification;
import dev.authfeedback.domain.model.Page;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.ListNotificationsCommand;
import io.grpc.stub.StreamObserver;

final class NotificationsGrpcService extends NotificationsServiceGrpc.NotificationsServiceImplBase {

    private final AuthEventFeedbackUseCases service;

    NotificationsGrpcService(AuthEventFeedbackUseCases service) {
        this.service = service;
    }

    @Override
    public void listNotifications(ListNotificationsRequest request,
                                  StreamObserver<ListNotificationsResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            Page<Notification> page = service.listNotifications(new ListNotificationsCommand(
                    optional(request.hasUserPoolId(), request.getUserPoolId()),
                    request.hasMaxResults() ? request.getMaxResults() : null,
                    optional(request.hasNextToken(), request.getNextToken())));
            ListNotificationsResponse.Builder response = ListNotificationsResponse.newBuilder();
            page.items().forEach(notification -> response.addNotifications(GrpcMapping.notification(notification)));
            page.next().ifPresent(response::setNextToken);
            return response.build();
        });
    }
}
