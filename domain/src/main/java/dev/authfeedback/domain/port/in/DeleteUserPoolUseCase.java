package dev.authfeedback.domain.port.in;

/** DeleteUserPool, with its users and their events. */
public interface DeleteUserPoolUseCase {
    /** Deletes a pool with its users, events, risk configurations and risk figures. */
    void deleteUserPool(DeleteUserPoolCommand command);
}
