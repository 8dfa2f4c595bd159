package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.PAGINATION_KEY;
import static dev.authfeedback.domain.validation.Shapes.QUERY_LIMIT;
import static dev.authfeedback.domain.validation.Shapes.USERNAME;
import static dev.authfeedback.domain.validation.Shapes.USER_POOL_ID;

import dev.authfeedback.domain.validation.RequestValidator;

/**
 * AdminListUserAuthEventsRequest; MaxResults 0 or absent means 60. Validates itself on construction.
 *
 * @param userPoolId the user pool's id (UserPoolIdType)
 * @param username the user's username or one of its aliases (UsernameType)
 * @param maxResults the largest page to answer, or null for the default
 * @param nextToken the token of the page to answer, or null for the first page
 */
public record AdminListUserAuthEventsCommand(String userPoolId, String username, Integer maxResults, String nextToken) {

    /** The page size when MaxResults is absent. */
    public static final int DEFAULT_PAGE_SIZE = 60;

    public AdminListUserAuthEventsCommand {
        RequestValidator.validate()
                .required("UserPoolId", USER_POOL_ID, userPoolId)
                .required("Username", USERNAME, username)
                .optional("MaxResults", QUERY_LIMIT, maxResults)
                .optional("NextToken", PAGINATION_KEY, nextToken)
                .throwIfInvalid();
    }

    /** MaxResults, or {@link #DEFAULT_PAGE_SIZE} when absent. */
    public int pageSize() {
        return maxResults == null || maxResults == 0 ? DEFAULT_PAGE_SIZE : maxResults;
    }

    @Override
    public String toString() {
        return "AdminListUserAuthEventsCommand[userPoolId=" + userPoolId + ", maxResults=" + maxResults + "]";
    }
}
