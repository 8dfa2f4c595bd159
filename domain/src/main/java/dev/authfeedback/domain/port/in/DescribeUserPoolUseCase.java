package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.model.UserPool;

/** DescribeUserPool. */
public interface DescribeUserPoolUseCase {
    UserPool describeUserPool(DescribeUserPoolCommand command);
}
