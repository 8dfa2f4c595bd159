package dev.authfeedback.domain.port.in;

/** AdminDeleteUser, with the user's events. */
public interface AdminDeleteUserUseCase {
    void adminDeleteUser(AdminDeleteUserCommand command);
}
