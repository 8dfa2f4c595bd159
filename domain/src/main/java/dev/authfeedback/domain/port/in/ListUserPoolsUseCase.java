package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.model.Page;
import dev.authfeedback.domain.model.UserPool;

/** ListUserPools, in pool id order. */
public interface ListUserPoolsUseCase {
    /** A page of the pools in id order. */
    Page<UserPool> listUserPools(ListUserPoolsCommand command);
}
