package dev.authfeedback.domain.port.in;

/** UpdateUserPool: name, UserPoolAddOns and UserPoolTier. */
public interface UpdateUserPoolUseCase {
    void updateUserPool(UpdateUserPoolCommand command);
}
