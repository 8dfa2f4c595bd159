package dev.authfeedback.adapter.grpc;

import static dev.authfeedback.adapter.grpc.GrpcMapping.optional;

import dev.authfeedback.adapter.grpc.v1.CreateUserPoolRequest;
import dev.authfeedback.adapter.grpc.v1.CreateUserPoolResponse;
import dev.authfeedback.adapter.grpc.v1.DeleteUserPoolRequest;
import dev.authfeedback.adapter.grpc.v1.DeleteUserPoolResponse;
import dev.authfeedback.adapter.grpc.v1.DescribeUserPoolRequest;
import dev.authfeedback.adapter.grpc.v1.DescribeUserPoolResponse;
import dev.authfeedback.adapter.grpc.v1.ListUserPoolsRequest;
import dev.authfeedback.adapter.grpc.v1.ListUserPoolsResponse;
import dev.authfeedback.adapter.grpc.v1.RotateFeedbackTokenKeyRequest;
import dev.authfeedback.adapter.grpc.v1.RotateFeedbackTokenKeyResponse;
import dev.authfeedback.adapter.grpc.v1.UpdateUserPoolRequest;
import dev.authfeedback.adapter.grpc.v1.UpdateUserPoolResponse;
import dev.authfeedback.adapter.grpc.v1.UserPoolsServiceGrpc;
import dev.authfeedback.domain.model.Page;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.CreateUserPoolCommand;
import dev.authfeedback.domain.port.in.DeleteUserPoolCommand;
import dev.authfeedback.domain.port.in.DescribeUserPoolCommand;
import dev.authfeedback.domain.port.in.ListUserPoolsCommand;
import dev.authfeedback.domain.model.RotatedTokenKey;
import dev.authfeedback.domain.port.in.RotateFeedbackTokenKeyCommand;
import dev.authfeedback.domain.port.in.UpdateUserPoolCommand;
import io.grpc.stub.StreamObserver;

final class UserPoolsGrpcService extends UserPoolsServiceGrpc.UserPoolsServiceImplBase {

    private final AuthEventFeedbackUseCases service;

    UserPoolsGrpcService(AuthEventFeedbackUseCases service) {
        this.service = service;
    }

    @Override
    public void createUserPool(CreateUserPoolRequest request, StreamObserver<CreateUserPoolResponse> observer) {
        UnaryCalls.answer(observer, () -> CreateUserPoolResponse.newBuilder().setUserPool(GrpcMapping.userPool(
                service.createUserPool(new CreateUserPoolCommand(
                        optional(request.hasPoolName(), request.getPoolName()),
                        GrpcMapping.addOns(request.hasUserPoolAddOns(), request.getUserPoolAddOns()),
                        GrpcMapping.tier(request.getUserPoolTierValue()),
                        GrpcMapping.aliasAttributes(request.getAliasAttributesValueList()),
                        GrpcMapping.usernameAttributes(request.getUsernameAttributesValueList()))))).build());
    }

    @Override
    public void describeUserPool(DescribeUserPoolRequest request, StreamObserver<DescribeUserPoolResponse> observer) {
        UnaryCalls.answer(observer, () -> DescribeUserPoolResponse.newBuilder().setUserPool(GrpcMapping.userPool(
                service.describeUserPool(new DescribeUserPoolCommand(
                        optional(request.hasUserPoolId(), request.getUserPoolId()))))).build());
    }

    @Override
    public void rotateFeedbackTokenKey(RotateFeedbackTokenKeyRequest request,
                                       StreamObserver<RotateFeedbackTokenKeyResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            RotatedTokenKey rotated = service.rotateFeedbackTokenKey(new RotateFeedbackTokenKeyCommand(
                    optional(request.hasUserPoolId(), request.getUserPoolId())));
            return RotateFeedbackTokenKeyResponse.newBuilder().setKeyId(rotated.keyId())
                    .setPreviousKeyRetiresAt(GrpcMapping.timestamp(rotated.previousKeyRetiresAt())).build();
        });
    }

    @Override
    public void updateUserPool(UpdateUserPoolRequest request, StreamObserver<UpdateUserPoolResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            service.updateUserPool(new UpdateUserPoolCommand(
                    optional(request.hasUserPoolId(), request.getUserPoolId()),
                    optional(request.hasPoolName(), request.getPoolName()),
                    GrpcMapping.addOns(request.hasUserPoolAddOns(), request.getUserPoolAddOns()),
                    GrpcMapping.tier(request.getUserPoolTierValue())));
            return UpdateUserPoolResponse.getDefaultInstance();
        });
    }

    @Override
    public void deleteUserPool(DeleteUserPoolRequest request, StreamObserver<DeleteUserPoolResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            service.deleteUserPool(new DeleteUserPoolCommand(optional(request.hasUserPoolId(), request.getUserPoolId())));
            return DeleteUserPoolResponse.getDefaultInstance();
        });
    }

    @Override
    public void listUserPools(ListUserPoolsRequest request, StreamObserver<ListUserPoolsResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            Page<UserPool> page = service.listUserPools(new ListUserPoolsCommand(
                    request.hasMaxResults() ? request.getMaxResults() : null,
                    optional(request.hasNextToken(), request.getNextToken())));
            ListUserPoolsResponse.Builder response = ListUserPoolsResponse.newBuilder();
            page.items().forEach(pool -> response.addUserPools(GrpcMapping.userPoolDescription(pool)));
            page.next().ifPresent(response::setNextToken);
            return response.build();
        });
    }
}
