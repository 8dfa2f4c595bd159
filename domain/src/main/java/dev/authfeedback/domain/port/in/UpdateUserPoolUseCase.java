package dev.authfeedback.domain.port.in;

/** UpdateUserPool: name, UserPoolAddOns and UserPoolTier. */
public interface UpdateUserPoolUseCase {
    /** Changes the pool's name, tier or threat protection mode; an absent add-on turns it OFF. */
    void updateUserPool(UpdateUserPoolCommand command);
}
