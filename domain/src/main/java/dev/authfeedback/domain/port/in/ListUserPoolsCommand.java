package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.POOL_PAGINATION_KEY;
import static dev.authfeedback.domain.validation.Shapes.POOL_QUERY_LIMIT;

import dev.authfeedback.domain.validation.RequestValidator;

/**
 * ListUserPoolsRequest: MaxResults (1..60) is required, as in the model.
 *
 * @param maxResults the largest page to answer, or null for the default
 * @param nextToken the token of the page to answer, or null for the first page
 */
public record ListUserPoolsCommand(Integer maxResults, String nextToken) {

    public ListUserPoolsCommand {
        RequestValidator.validate()
                .optional("NextToken", POOL_PAGINATION_KEY, nextToken)
                .required("MaxResults", POOL_QUERY_LIMIT, maxResults)
                .throwIfInvalid();
    }
}
