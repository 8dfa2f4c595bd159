package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.model.User;

/** AdminGetUser: a user named by username, alias or sub. */
public interface AdminGetUserUseCase {
    /** The user the username or one of its aliases names. */
    User adminGetUser(AdminGetUserCommand command);
}
