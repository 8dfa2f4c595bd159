package dev.authfeedback.adapter.grpc;

import dev.authfeedback.domain.error.CognitoServiceException;
import dev.authfeedback.domain.error.InternalErrorException;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one unary rpc: skips work whose deadline has passed or whose caller has gone, turns the
 * domain's errors into statuses with details, and any other failure into INTERNAL with a generic
 * message (the cause is logged with an id the caller can quote).
 */
final class UnaryCalls {

    private static final Logger LOG = LoggerFactory.getLogger(UnaryCalls.class);

    private UnaryCalls() {
    }

    static <T> void answer(StreamObserver<T> observer, Supplier<T> work) {
        if (Context.current().isCancelled()) {
            observer.onError(Status.DEADLINE_EXCEEDED.withDescription("The call was cancelled or its deadline "
                    + "passed before it was served.").asRuntimeException());
            return;
        }
        T response;
        try {
            response = work.get();
        } catch (CognitoServiceException error) {
            if (error instanceof InternalErrorException internal) {
                LOG.error("rpc failed (request {})", UUID.randomUUID(), internal.getCause());
            }
            observer.onError(GrpcErrors.of(error));
            return;
        } catch (RuntimeException unexpected) {
            String id = UUID.randomUUID().toString();
            LOG.error("rpc failed unexpectedly (request {})", id, unexpected);
            observer.onError(GrpcErrors.of(new InternalErrorException(unexpected)));
            return;
        }
        observer.onNext(response);
        observer.onCompleted();
    }
}
