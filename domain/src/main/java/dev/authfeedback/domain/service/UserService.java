package dev.authfeedback.domain.service;

import dev.authfeedback.domain.error.AliasExistsException;
import dev.authfeedback.domain.error.CognitoServiceException;
import dev.authfeedback.domain.error.UserNotFoundException;
import dev.authfeedback.domain.error.UsernameExistsException;
import dev.authfeedback.domain.model.AliasKey;
import dev.authfeedback.domain.model.User;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.model.UserStatus;
import dev.authfeedback.domain.port.in.AdminCreateUserCommand;
import dev.authfeedback.domain.port.in.AdminCreateUserUseCase;
import dev.authfeedback.domain.port.in.AdminDeleteUserCommand;
import dev.authfeedback.domain.port.in.AdminDeleteUserUseCase;
import dev.authfeedback.domain.port.in.AdminGetUserCommand;
import dev.authfeedback.domain.port.in.AdminGetUserUseCase;
import dev.authfeedback.domain.port.in.Operation;
import dev.authfeedback.domain.port.out.IdGenerator;
import dev.authfeedback.domain.port.out.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The user aggregate: users with their aliases; deleting one takes its events with it. */
final class UserService implements AdminCreateUserUseCase, AdminGetUserUseCase, AdminDeleteUserUseCase {

    private final PoolAccess poolAccess;
    private final UserResolver userResolver;
    private final UserStore users;
    private final IdGenerator ids;
    private final Clock clock;

    UserService(PoolAccess poolAccess, UserResolver userResolver, UserStore users, IdGenerator ids, Clock clock) {
        this.poolAccess = poolAccess;
        this.userResolver = userResolver;
        this.users = users;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public User adminCreateUser(AdminCreateUserCommand command) {
        try {
            UserPool pool = poolAccess.pool(command.userPoolId(), Operation.ADMIN_CREATE_USER);
            Map<String, String> given = UserRules.attributes(command.userAttributes());
            String sub = ids.uuid();
            String username = UserRules.usernameToStore(pool, command.username(), sub, given);
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put(UserRules.SUB, sub);
            attributes.putAll(given);
            Instant now = clock.instant();
            User user = new User(pool.id(), username, sub, attributes, true, UserStatus.FORCE_CHANGE_PASSWORD,
                    now, now, UserRules.signInAliases(pool, attributes));
            boolean migrate = command.forceAliasCreationRequested() && pool.usernameAttributes().isEmpty();
            return switch (users.insert(user, migrate)) {
                case INSERTED -> user;
                case USERNAME_TAKEN -> throw new UsernameExistsException("User account already exists");
                case ALIAS_TAKEN -> throw aliasTaken(pool, user);
                case POOL_NOT_FOUND -> throw PoolAccess.poolNotFound(pool.id());
            };
        } catch (RuntimeException failure) {
            throw Guarded.answer(failure);
        }
    }

    private CognitoServiceException aliasTaken(UserPool pool, User user) {
        String attribute = user.signInAliases().stream()
                .filter(alias -> users.findByAlias(pool.id(), alias).isPresent())
                .map(AliasKey::attributeName)
                .findFirst().orElse("alias");
        String message = "An account with the given " + attribute + " already exists.";
        return pool.usernameAttributes().isEmpty()
                ? new AliasExistsException(message) : new UsernameExistsException(message);
    }

    @Override
    public User adminGetUser(AdminGetUserCommand command) {
        try {
            return userResolver.resolve(poolAccess.pool(command.userPoolId(), Operation.ADMIN_GET_USER),
                    command.username());
        } catch (RuntimeException failure) {
            throw Guarded.answer(failure);
        }
    }

    @Override
    public void adminDeleteUser(AdminDeleteUserCommand command) {
        try {
            UserPool pool = poolAccess.pool(command.userPoolId(), Operation.ADMIN_DELETE_USER);
            User user = userResolver.resolve(pool, command.username());
            if (!users.delete(pool.id(), user.sub())) {
                throw new UserNotFoundException(UserNotFoundException.MESSAGE);
            }
        } catch (RuntimeException failure) {
            throw Guarded.answer(failure);
        }
    }
}
