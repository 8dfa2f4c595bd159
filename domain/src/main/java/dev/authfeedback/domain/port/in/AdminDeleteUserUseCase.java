package dev.authfeedback.domain.port.in;

/** AdminDeleteUser, with the user's events. */
public interface AdminDeleteUserUseCase {
    /** Deletes a user with its aliases and events. */
    void adminDeleteUser(AdminDeleteUserCommand command);
}
