package dev.authfeedback.domain.port.in;

/** DeleteUserPool, with its users and their events. */
public interface DeleteUserPoolUseCase {
    void deleteUserPool(DeleteUserPoolCommand command);
}
