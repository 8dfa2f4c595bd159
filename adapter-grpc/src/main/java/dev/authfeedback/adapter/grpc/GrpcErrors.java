package dev.authfeedback.adapter.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import dev.authfeedback.domain.error.CognitoServiceException;
import dev.authfeedback.domain.error.ErrorType;
import dev.authfeedback.domain.error.InvalidParameterException;
import dev.authfeedback.domain.validation.Violation;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * The one mapping from the domain's errors to gRPC: a status code per AWS error shape, and details
 * carrying {@code google.rpc.ErrorInfo} (reason = the shape name) and, for validation errors,
 * {@code google.rpc.BadRequest} with one field violation per broken constraint.
 */
final class GrpcErrors {

    /** The ErrorInfo domain of every error this service raises. */
    static final String ERROR_DOMAIN = "authfeedback.dev";

    private GrpcErrors() {
    }

    static Code code(ErrorType type) {
        return switch (type) {
            case INVALID_PARAMETER -> Code.INVALID_ARGUMENT;
            case NOT_AUTHORIZED -> Code.UNAUTHENTICATED;
            case RESOURCE_NOT_FOUND, USER_NOT_FOUND -> Code.NOT_FOUND;
            case USER_POOL_ADD_ON_NOT_ENABLED, FEATURE_UNAVAILABLE_IN_TIER -> Code.FAILED_PRECONDITION;
            case TOO_MANY_REQUESTS -> Code.RESOURCE_EXHAUSTED;
            case USERNAME_EXISTS, ALIAS_EXISTS -> Code.ALREADY_EXISTS;
            case INTERNAL_ERROR -> Code.INTERNAL;
        };
    }

    static StatusRuntimeException of(CognitoServiceException error) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(code(error.type()).getNumber())
                .setMessage(error.getMessage())
                .addDetails(Any.pack(errorInfo(error.type().shapeName())));
        if (error instanceof InvalidParameterException invalid && !invalid.violations().isEmpty()) {
            BadRequest.Builder badRequest = BadRequest.newBuilder();
            for (Violation violation : invalid.violations()) {
                badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                        .setField(violation.path()).setDescription(violation.constraint()));
            }
            status.addDetails(Any.pack(badRequest.build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    /** An error of the transport layer (admin key checks), with the same kind of details. */
    static StatusRuntimeException of(Code code, String reason, String message) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber()).setMessage(message)
                .addDetails(Any.pack(errorInfo(reason))).build());
    }

    private static ErrorInfo errorInfo(String reason) {
        return ErrorInfo.newBuilder().setReason(reason).setDomain(ERROR_DOMAIN).build();
    }
}
