package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.model.UserPool;

/** CreateUserPool: a new pool with its own token signing key. */
public interface CreateUserPoolUseCase {
    /** Creates a user pool with a token signing key of its own; answers it. */
    UserPool createUserPool(CreateUserPoolCommand command);
}
