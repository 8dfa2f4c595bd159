package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.PAGINATION_KEY;
import static dev.authfeedback.domain.validation.Shapes.QUERY_LIMIT;
import static dev.authfeedback.domain.validation.Shapes.USER_POOL_ID;

import dev.authfeedback.domain.validation.RequestValidator;

/**
 * ListNotifications, this product's own operation: a pool's outbox, newest first, paged as
 * AdminListUserAuthEvents is. Validates itself on construction.
 *
 * @param userPoolId the user pool's id (UserPoolIdType)
 * @param maxResults the page size, 0..60 (QueryLimitType); absent or 0 means 60
 * @param nextToken the token of the page to read (PaginationKey), or null for the first
 */
public record ListNotificationsCommand(String userPoolId, Integer maxResults, String nextToken) {

    public ListNotificationsCommand {
        RequestValidator.validate()
                .required("UserPoolId", USER_POOL_ID, userPoolId)
                .optional("MaxResults", QUERY_LIMIT, maxResults)
                .optional("NextToken", PAGINATION_KEY, nextToken)
                .throwIfInvalid();
    }

    /** MaxResults, or 60 when absent or 0. */
    public int pageSize() {
        return maxResults == null || maxResults == 0 ? AdminListUserAuthEventsCommand.DEFAULT_PAGE_SIZE : maxResults;
    }
}
