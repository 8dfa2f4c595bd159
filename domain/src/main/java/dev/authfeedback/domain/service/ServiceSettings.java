package dev.authfeedback.domain.service;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the service needs to know about where it runs: the region (the prefix of pool ids and part of
 * ARNs), the account id (ARNs), and how long feedback tokens stay valid.
 *
 * @param region the region in pool ids, ARNs and signatures
 * @param accountId the account id in ARNs
 * @param tokenLifetime how long a feedback token stays valid
 */
public record ServiceSettings(String region, String accountId, Duration tokenLifetime) {

    /** How long a feedback token stays valid unless set otherwise. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofDays(7);

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    public ServiceSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region must look like us-east-1, was: " + region);
        }
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("account id must be 12 digits, was: " + accountId);
        }
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive, was: " + tokenLifetime);
        }
    }

    /** us-east-1, account 000000000000, tokens valid for 7 days. */
    public static ServiceSettings defaults() {
        return new ServiceSettings("us-east-1", "000000000000", DEFAULT_TOKEN_LIFETIME);
    }
}
