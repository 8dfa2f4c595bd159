package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.model.User;

/** AdminGetUser: a user named by username, alias or sub. */
public interface AdminGetUserUseCase {
    User adminGetUser(AdminGetUserCommand command);
}
