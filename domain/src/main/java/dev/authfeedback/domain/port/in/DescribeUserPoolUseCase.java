package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.model.UserPool;

/** DescribeUserPool. */
public interface DescribeUserPoolUseCase {
    /** The pool with this id. */
    UserPool describeUserPool(DescribeUserPoolCommand command);
}
