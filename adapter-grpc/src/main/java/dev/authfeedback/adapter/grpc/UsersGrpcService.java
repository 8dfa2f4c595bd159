package dev.authfeedback.adapter.grpc;

import static dev.authfeedback.adapter.grpc.GrpcMapping.optional;

import dev.authfeedback.adapter.grpc.v1.AdminCreateUserRequest;
import dev.authfeedback.adapter.grpc.v1.AdminCreateUserResponse;
import dev.authfeedback.adapter.grpc.v1.AdminDeleteUserRequest;
import dev.authfeedback.adapter.grpc.v1.AdminDeleteUserResponse;
import dev.authfeedback.adapter.grpc.v1.AdminGetUserRequest;
import dev.authfeedback.adapter.grpc.v1.AdminGetUserResponse;
import dev.authfeedback.adapter.grpc.v1.UsersServiceGrpc;
import dev.authfeedback.domain.model.User;
import dev.authfeedback.domain.port.in.AdminCreateUserCommand;
import dev.authfeedback.domain.port.in.AdminDeleteUserCommand;
import dev.authfeedback.domain.port.in.AdminGetUserCommand;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import io.grpc.stub.StreamObserver;

final class UsersGrpcService extends UsersServiceGrpc.UsersServiceImplBase {

    private final AuthEventFeedbackUseCases service;

    UsersGrpcService(AuthEventFeedbackUseCases service) {
        this.service = service;
    }

    @Override
    public void adminCreateUser(AdminCreateUserRequest request, StreamObserver<AdminCreateUserResponse> observer) {
        UnaryCalls.answer(observer, () -> AdminCreateUserResponse.newBuilder().setUser(GrpcMapping.user(
                service.adminCreateUser(new AdminCreateUserCommand(
                        optional(request.hasUserPoolId(), request.getUserPoolId()),
                        optional(request.hasUsername(), request.getUsername()),
                        GrpcMapping.attributes(request.getUserAttributesList()),
                        optional(request.hasTemporaryPassword(), request.getTemporaryPassword()),
                        request.hasForceAliasCreation() ? request.getForceAliasCreation() : null,
                        GrpcMapping.messageAction(request.getMessageActionValue()),
                        GrpcMapping.deliveryMediums(request.getDesiredDeliveryMediumsValueList()))))).build());
    }

    @Override
    public void adminGetUser(AdminGetUserRequest request, StreamObserver<AdminGetUserResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            User user = service.adminGetUser(new AdminGetUserCommand(
                    optional(request.hasUserPoolId(), request.getUserPoolId()),
                    optional(request.hasUsername(), request.getUsername())));
            return AdminGetUserResponse.newBuilder()
                    .setUsername(user.username())
                    .addAllUserAttributes(GrpcMapping.attributeList(user.attributes()))
                    .setUserCreateDate(GrpcMapping.timestamp(user.createDate()))
                    .setUserLastModifiedDate(GrpcMapping.timestamp(user.lastModifiedDate()))
                    .setEnabled(user.enabled())
                    .setUserStatusValue(GrpcMapping.userStatus(user.status()))
                    .build();
        });
    }

    @Override
    public void adminDeleteUser(AdminDeleteUserRequest request, StreamObserver<AdminDeleteUserResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            service.adminDeleteUser(new AdminDeleteUserCommand(
                    optional(request.hasUserPoolId(), request.getUserPoolId()),
                    optional(request.hasUsername(), request.getUsername())));
            return AdminDeleteUserResponse.getDefaultInstance();
        });
    }
}
