package dev.authfeedback.domain.service;

import dev.authfeedback.domain.error.UserNotFoundException;
import dev.authfeedback.domain.model.AliasKey;
import dev.authfeedback.domain.model.User;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.out.UserStore;
import java.util.Optional;

/** Finds the user a request names: username first, then the pool's alias attributes, then sub, as Cognito does. */
final class UserResolver {

    private final UserStore users;

    UserResolver(UserStore users) {
        this.users = users;
    }

    User resolve(UserPool pool, String username) {
        Optional<User> user = users.findByUsername(pool.id(), username);
        if (user.isPresent()) {
            return user.get();
        }
        for (String attribute : UserRules.aliasAttributeNames(pool)) {
            user = users.findByAlias(pool.id(), new AliasKey(attribute, username));
            if (user.isPresent()) {
                return user.get();
            }
        }
        return users.findBySub(pool.id(), username)
                .orElseThrow(() -> new UserNotFoundException(UserNotFoundException.MESSAGE));
    }
}
