package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.model.User;

/** AdminCreateUser: a user with attributes and aliases. */
public interface AdminCreateUserUseCase {
    /** Creates a user with its attributes and aliases; answers the stored user. */
    User adminCreateUser(AdminCreateUserCommand command);
}
