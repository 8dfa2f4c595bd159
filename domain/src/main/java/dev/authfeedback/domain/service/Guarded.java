package dev.authfeedback.domain.service;

import dev.authfeedback.domain.error.CognitoServiceException;
import dev.authfeedback.domain.error.InternalErrorException;
import java.util.function.Supplier;

/** The edge of every use case: service errors pass, any other failure (of a port, mostly) becomes InternalErrorException. */
final class Guarded {

    private Guarded() {
    }

    static <T> T call(Supplier<T> useCase) {
        try {
            return useCase.get();
        } catch (CognitoServiceException answer) {
            throw answer;
        } catch (RuntimeException unexpected) {
            throw new InternalErrorException(unexpected);
        }
    }

    static void run(Runnable useCase) {
        call(() -> {
            useCase.run();
            return null;
        });
    }
}
