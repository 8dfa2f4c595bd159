package dev.authfeedback.adapter.grpc;

import dev.authfeedback.domain.error.CognitoServiceException;
import dev.authfeedback.domain.error.InternalErrorException;
import io.grpc.stub.StreamObserver;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one unary rpc: turns the domain's errors into statuses with details, and any other failure
 * into INTERNAL with a generic message (the cause is logged). A call whose deadline passes before
 * its handler runs never gets here: grpc-java drops it (GrpcProtocolTest shows it).
 */
final class UnaryCalls {

    private static final Logger LOG = LoggerFactory.getLogger(UnaryCalls.class);

    private UnaryCalls() {
    }

    static <T> void answer(StreamObserver<T> observer, Supplier<T> work) {
        T response;
        try {
            response = work.get();
        } catch (CognitoServiceException error) {
            if (error instanceof InternalErrorException internal) {
                if (internal.storeUnavailable()) {
                    // a known outage, which the store reports once: no stack trace per call
                    LOG.debug("rpc failed: {}", internal.getCause().getMessage());
                } else {
                    LOG.error("rpc failed (request {})", UUID.randomUUID(), internal.getCause());
                }
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
