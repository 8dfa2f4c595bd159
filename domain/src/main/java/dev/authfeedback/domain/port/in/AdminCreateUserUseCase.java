package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.model.User;

/** AdminCreateUser: a user with attributes and aliases. */
public interface AdminCreateUserUseCase {
    User adminCreateUser(AdminCreateUserCommand command);
}
