package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.model.UserPool;

/** CreateUserPool: a new pool with its own token signing key. */
public interface CreateUserPoolUseCase {
    UserPool createUserPool(CreateUserPoolCommand command);
}
