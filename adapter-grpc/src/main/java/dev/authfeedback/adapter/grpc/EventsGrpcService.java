package dev.authfeedback.adapter.grpc;

import static dev.authfeedback.adapter.grpc.GrpcMapping.optional;

import dev.authfeedback.adapter.grpc.v1.AdminListUserAuthEventsRequest;
import dev.authfeedback.adapter.grpc.v1.AdminListUserAuthEventsResponse;
import dev.authfeedback.adapter.grpc.v1.EventsServiceGrpc;
import dev.authfeedback.adapter.grpc.v1.RecordAuthEventRequest;
import dev.authfeedback.adapter.grpc.v1.RecordAuthEventResponse;
import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.Page;
import dev.authfeedback.domain.port.in.AdminListUserAuthEventsCommand;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.RecordAuthEventCommand;
import io.grpc.stub.StreamObserver;

final class EventsGrpcService extends EventsServiceGrpc.EventsServiceImplBase {

    private final AuthEventFeedbackUseCases service;

    EventsGrpcService(AuthEventFeedbackUseCases service) {
        this.service = service;
    }

    @Override
    public void recordAuthEvent(RecordAuthEventRequest request, StreamObserver<RecordAuthEventResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            return GrpcMapping.recordedAuthEvent(service.recordAuthEvent(new RecordAuthEventCommand(
                    optional(request.hasUserPoolId(), request.getUserPoolId()),
                    optional(request.hasUsername(), request.getUsername()),
                    GrpcMapping.eventType(request.getEventTypeValue()),
                    GrpcMapping.eventResponse(request.getEventResponseValue()),
                    GrpcMapping.risk(request.hasEventRisk(), request.getEventRisk()),
                    GrpcMapping.challenges(request.getChallengeResponsesList()),
                    GrpcMapping.context(request.hasEventContextData(), request.getEventContextData()),
                    optional(request.hasClientId(), request.getClientId()))));
        });
    }

    @Override
    public void adminListUserAuthEvents(AdminListUserAuthEventsRequest request,
                                        StreamObserver<AdminListUserAuthEventsResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            Page<AuthEvent> page = service.adminListUserAuthEvents(new AdminListUserAuthEventsCommand(
                    optional(request.hasUserPoolId(), request.getUserPoolId()),
                    optional(request.hasUsername(), request.getUsername()),
                    request.hasMaxResults() ? request.getMaxResults() : null,
                    optional(request.hasNextToken(), request.getNextToken())));
            AdminListUserAuthEventsResponse.Builder response = AdminListUserAuthEventsResponse.newBuilder();
            page.items().forEach(event -> response.addAuthEvents(GrpcMapping.authEvent(event)));
            page.next().ifPresent(response::setNextToken);
            return response.build();
        });
    }
}
