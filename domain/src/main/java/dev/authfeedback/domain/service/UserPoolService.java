package dev.authfeedback.domain.service;

import dev.authfeedback.domain.error.FeatureUnavailableInTierException;
import dev.authfeedback.domain.error.InvalidParameterException;
import dev.authfeedback.domain.model.AdvancedSecurityMode;
import dev.authfeedback.domain.model.AliasAttribute;
import dev.authfeedback.domain.model.Page;
import dev.authfeedback.domain.model.RotatedTokenKey;
import dev.authfeedback.domain.model.TokenSigningKey;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.model.UserPoolTier;
import dev.authfeedback.domain.model.UsernameAttribute;
import dev.authfeedback.domain.model.WireEnum;
import dev.authfeedback.domain.port.in.CreateUserPoolCommand;
import dev.authfeedback.domain.port.in.CreateUserPoolUseCase;
import dev.authfeedback.domain.port.in.DeleteUserPoolCommand;
import dev.authfeedback.domain.port.in.DeleteUserPoolUseCase;
import dev.authfeedback.domain.port.in.DescribeUserPoolCommand;
import dev.authfeedback.domain.port.in.DescribeUserPoolUseCase;
import dev.authfeedback.domain.port.in.ListUserPoolsCommand;
import dev.authfeedback.domain.port.in.ListUserPoolsUseCase;
import dev.authfeedback.domain.port.in.Operation;
import dev.authfeedback.domain.port.in.RotateFeedbackTokenKeyCommand;
import dev.authfeedback.domain.port.in.RotateFeedbackTokenKeyUseCase;
import dev.authfeedback.domain.port.in.UpdateUserPoolCommand;
import dev.authfeedback.domain.port.in.UpdateUserPoolUseCase;
import dev.authfeedback.domain.port.in.UserPoolAddOnsInput;
import dev.authfeedback.domain.port.out.IdGenerator;
import dev.authfeedback.domain.port.out.UserPoolStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The user-pool aggregate: a pool's settings and keys; deleting one takes its users and events with it. */
final class UserPoolService implements CreateUserPoolUseCase, DescribeUserPoolUseCase, UpdateUserPoolUseCase,
        DeleteUserPoolUseCase, ListUserPoolsUseCase, RotateFeedbackTokenKeyUseCase {

    private static final String POOLS_LISTING = "pools";

    private final PoolAccess poolAccess;
    private final UserPoolStore pools;
    private final SigningKeys signingKeys;
    private final IdGenerator ids;
    private final Clock clock;
    private final ServiceSettings settings;

    UserPoolService(PoolAccess poolAccess, UserPoolStore pools, SigningKeys signingKeys, IdGenerator ids, Clock clock,
                    ServiceSettings settings) {
        this.poolAccess = poolAccess;
        this.pools = pools;
        this.signingKeys = signingKeys;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public UserPool createUserPool(CreateUserPoolCommand command) {
        try {
            poolAccess.requireQuota(settings.accountId(), Operation.CREATE_USER_POOL);
            List<AliasAttribute> aliases = distinct(command.aliasAttributes(), AliasAttribute.class);
            List<UsernameAttribute> usernameAttributes = distinct(command.usernameAttributes(), UsernameAttribute.class);
            if (!aliases.isEmpty() && !usernameAttributes.isEmpty()) {
                throw new InvalidParameterException(
                        "Only one of aliasAttributes or usernameAttributes can be set in a User Pool.");
            }
            AdvancedSecurityMode mode = addOnMode(command.userPoolAddOns());
            UserPoolTier tier = command.userPoolTier() == null ? UserPoolTier.ESSENTIALS
                    : WireEnum.parseValidated(UserPoolTier.class, command.userPoolTier());
            requireTierAllows(mode, tier);
            Instant now = clock.instant();
            String id = settings.region() + '_' + ids.poolIdSuffix();
            String arn = "arn:aws:cognito-idp:" + settings.region() + ':' + settings.accountId() + ":userpool/" + id;
            UserPool pool = new UserPool(id, command.poolName(), arn, now, now, mode, tier, aliases,
                    usernameAttributes, 0);
            pools.insert(pool, new TokenSigningKey(ids.keyId(), ids.secretKey(), now, null));
            return pool;
        } catch (RuntimeException failure) {
            throw Guarded.answer(failure);
        }
    }

    /**
     * The replaced key verifies for a token's lifetime and the keys' cache time, so that a token
     * another server signed with it just before it learnt of the rotation stays valid to its end.
     */
    @Override
    public RotatedTokenKey rotateFeedbackTokenKey(RotateFeedbackTokenKeyCommand command) {
        try {
            UserPool pool = poolAccess.pool(command.userPoolId(), Operation.ROTATE_FEEDBACK_TOKEN_KEY);
            Instant now = clock.instant();
            TokenSigningKey key = new TokenSigningKey(ids.keyId(), ids.secretKey(), now, null);
            Instant retiresAt = now.plus(settings.tokenLifetime()).plus(SigningKeys.CACHE_TTL);
            if (!signingKeys.rotate(pool.id(), key, retiresAt, now)) {
                throw PoolAccess.poolNotFound(pool.id());
            }
            return new RotatedTokenKey(key.keyId(), retiresAt);
        } catch (RuntimeException failure) {
            throw Guarded.answer(failure);
        }
    }

    @Override
    public UserPool describeUserPool(DescribeUserPoolCommand command) {
        try {
            return poolAccess.pool(command.userPoolId(), Operation.DESCRIBE_USER_POOL);
        } catch (RuntimeException failure) {
            throw Guarded.answer(failure);
        }
    }

    @Override
    public void updateUserPool(UpdateUserPoolCommand command) {
        try {
            UserPool pool = poolAccess.pool(command.userPoolId(), Operation.UPDATE_USER_POOL);
            AdvancedSecurityMode mode = addOnMode(command.userPoolAddOns());
            // a concurrent update wins the race: read again and apply this one on top of it
            while (!pools.replace(pool, updated(pool, command, mode))) {
                pool = pools.find(pool.id()).orElseThrow(() -> PoolAccess.poolNotFound(command.userPoolId()));
            }
        } catch (RuntimeException failure) {
            throw Guarded.answer(failure);
        }
    }

    private UserPool updated(UserPool pool, UpdateUserPoolCommand command, AdvancedSecurityMode mode) {
        UserPoolTier tier = command.userPoolTier() == null ? pool.tier()
                : WireEnum.parseValidated(UserPoolTier.class, command.userPoolTier());
        requireTierAllows(mode, tier);
        String name = command.poolName() == null ? pool.name() : command.poolName();
        return pool.withSettings(name, mode, tier, clock.instant());
    }

    @Override
    public void deleteUserPool(DeleteUserPoolCommand command) {
        try {
            UserPool pool = poolAccess.pool(command.userPoolId(), Operation.DELETE_USER_POOL);
            if (!pools.delete(pool.id())) {
                throw PoolAccess.poolNotFound(pool.id());
            }
        } catch (RuntimeException failure) {
            throw Guarded.answer(failure);
        }
    }

    @Override
    public Page<UserPool> listUserPools(ListUserPoolsCommand command) {
        try {
            poolAccess.requireQuota(settings.accountId(), Operation.LIST_USER_POOLS);
            String after = command.nextToken() == null ? null
                    : PageTokens.decode(command.nextToken(), POOLS_LISTING, settings.accountId());
            int pageSize = command.maxResults();
            return PageTokens.page(pools.listAfter(after, pageSize + 1), pageSize, POOLS_LISTING,
                    settings.accountId(), UserPool::id);
        } catch (RuntimeException failure) {
            throw Guarded.answer(failure);
        }
    }

    private static AdvancedSecurityMode addOnMode(UserPoolAddOnsInput addOns) {
        return addOns == null ? AdvancedSecurityMode.OFF
                : WireEnum.parseValidated(AdvancedSecurityMode.class, addOns.advancedSecurityMode());
    }

    /** Threat protection (AUDIT or ENFORCED) is a feature of the PLUS tier, as AWS documents. */
    private static void requireTierAllows(AdvancedSecurityMode mode, UserPoolTier tier) {
        if (mode != AdvancedSecurityMode.OFF && tier != UserPoolTier.PLUS) {
            throw new FeatureUnavailableInTierException("Threat protection (UserPoolAddOns AdvancedSecurityMode "
                    + mode.wireValue() + ") requires the PLUS user pool tier; this pool's tier is "
                    + tier.wireValue() + ".");
        }
    }

    private static <E extends Enum<E> & WireEnum> List<E> distinct(List<String> values, Class<E> type) {
        List<E> parsed = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                E constant = WireEnum.parseValidated(type, value);
                if (!parsed.contains(constant)) {
                    parsed.add(constant);
                }
            }
        }
        return parsed;
    }
}
