package dev.authfeedback.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A user pool: the subset of the model's UserPoolType this product needs, and a version that every
 * change raises by one, so that stores can refuse a lost update. The pool's feedback-token signing
 * keys are not part of it: they live apart ({@link TokenSigningKey}), so no view of a pool can carry one.
 *
 * @param id the pool's id, such as us-east-1_AbC123
 * @param name the pool's name
 * @param arn the pool's ARN
 * @param creationDate when it was created
 * @param lastModifiedDate when the pool last changed
 * @param advancedSecurityMode the threat protection mode: OFF, AUDIT or ENFORCED
 * @param tier the pool's feature plan
 * @param aliasAttributes the attributes (email, phone_number, preferred_username) a user may sign in with
 * @param usernameAttributes the attributes (email, phone_number) that may be given as the username
 * @param version the pool's version, raised by each update (for compare-and-set)
 */
public record UserPool(
        String id,
        String name,
        String arn,
        Instant creationDate,
        Instant lastModifiedDate,
        AdvancedSecurityMode advancedSecurityMode,
        UserPoolTier tier,
        List<AliasAttribute> aliasAttributes,
        List<UsernameAttribute> usernameAttributes,
        long version) {

    public UserPool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(lastModifiedDate, "lastModifiedDate");
        Objects.requireNonNull(advancedSecurityMode, "advancedSecurityMode");
        Objects.requireNonNull(tier, "tier");
        aliasAttributes = List.copyOf(aliasAttributes);
        usernameAttributes = List.copyOf(usernameAttributes);
    }

    /** True when the advanced-security add-on is on (AUDIT or ENFORCED): feedback is accepted. */
    public boolean advancedSecurityEnabled() {
        return advancedSecurityMode != AdvancedSecurityMode.OFF;
    }

    /** The next version of this pool with these settings. */
    public UserPool withSettings(String newName, AdvancedSecurityMode newMode, UserPoolTier newTier, Instant modifiedAt) {
        return new UserPool(id, newName, arn, creationDate, modifiedAt, newMode, newTier,
                aliasAttributes, usernameAttributes, version + 1);
    }
}
