package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.model.Page;
import dev.authfeedback.domain.model.UserPool;

/** ListUserPools, in pool id order. */
public interface ListUserPoolsUseCase {
    Page<UserPool> listUserPools(ListUserPoolsCommand command);
}
