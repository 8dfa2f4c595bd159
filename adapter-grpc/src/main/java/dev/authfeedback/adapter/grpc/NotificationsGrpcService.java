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
            page.items().forEach(notification -> response.addNotifications(notification(notification)));
            page.next().ifPresent(response::setNextToken);
            return response.build();
        });
    }

    private static dev.authfeedback.adapter.grpc.v1.Notification notification(Notification n) {
        dev.authfeedback.adapter.grpc.v1.Notification.Builder out = dev.authfeedback.adapter.grpc.v1.Notification
                .newBuilder().setNotificationId(n.notificationId()).setEventId(n.eventId()).setUserSub(n.userSub())
                .setFrom(n.from()).setSubject(n.subject()).setStatus(n.status().wireValue())
                .setAttempts(n.attempts()).setCreationDate(GrpcMapping.timestamp(n.createdAt()));
        if (n.recipient() != null) {
            out.setRecipient(n.recipient());
        }
        if (n.replyTo() != null) {
            out.setReplyTo(n.replyTo());
        }
        if (n.htmlBody() != null) {
            out.setHtmlBody(n.htmlBody());
        }
        if (n.textBody() != null) {
            out.setTextBody(n.textBody());
        }
        if (n.nextAttemptAt() != null) {
            out.setNextAttemptDate(GrpcMapping.timestamp(n.nextAttemptAt()));
        }
        if (n.lastError() != null) {
            out.setLastError(n.lastError());
        }
        return out.build();
    }
}
