package dev.authfeedback.domain.service;

import dev.authfeedback.domain.error.InvalidParameterException;
import dev.authfeedback.domain.model.AliasAttribute;
import dev.authfeedback.domain.model.AliasKey;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.model.UsernameAttribute;
import dev.authfeedback.domain.port.in.AttributeInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cognito's rules for usernames, attributes and aliases of a new user, kept apart from the service
 * so that each can be read on its own.
 */
final class UserRules {

    static final String SUB = "sub";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+[0-9]{1,15}");

    private UserRules() {
    }

    /** The attributes as given (a later duplicate wins); rejects {@code sub}, which the service sets. */
    static Map<String, String> attributes(List<AttributeInput> inputs) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (inputs != null) {
            for (AttributeInput input : inputs) {
                if (input.name().equals(SUB)) {
                    throw new InvalidParameterException("Cannot modify the non-mutable attribute sub");
                }
                attributes.put(input.name(), input.value() == null ? "" : input.value());
            }
        }
        return attributes;
    }

    /**
     * In a pool with username attributes the given username is an email or phone number: it is
     * stored as that attribute (changing {@code attributes}), and the user's username becomes the
     * sub, as in Cognito. Otherwise the username is kept, but must not look like an alias the pool uses.
     */
    static String usernameToStore(UserPool pool, String username, String sub, Map<String, String> attributes) {
        List<UsernameAttribute> usernameAttributes = pool.usernameAttributes();
        if (!usernameAttributes.isEmpty()) {
            boolean emailAllowed = usernameAttributes.contains(UsernameAttribute.EMAIL);
            boolean phoneAllowed = usernameAttributes.contains(UsernameAttribute.PHONE_NUMBER);
            if (emailAllowed && EMAIL.matcher(username).matches()) {
                attributes.put(UsernameAttribute.EMAIL.wireValue(), username);
            } else if (phoneAllowed && PHONE_NUMBER.matcher(username).matches()) {
                attributes.put(UsernameAttribute.PHONE_NUMBER.wireValue(), username);
            } else if (emailAllowed && phoneAllowed) {
                throw new InvalidParameterException("Username should be either an email or a phone number.");
            } else if (emailAllowed) {
                throw new InvalidParameterException("Username should be an email.");
            } else {
                throw new InvalidParameterException("Username should be a phone number.");
            }
            return sub;
        }
        if (pool.aliasAttributes().contains(AliasAttribute.EMAIL) && EMAIL.matcher(username).matches()) {
            throw new InvalidParameterException(
                    "Username cannot be of email format, since user pool is configured for email alias.");
        }
        if (pool.aliasAttributes().contains(AliasAttribute.PHONE_NUMBER) && PHONE_NUMBER.matcher(username).matches()) {
            throw new InvalidParameterException(
                    "Username cannot be of phone number format, since user pool is configured for phone number alias.");
        }
        return username;
    }

    /**
     * The values the user can be found by besides username and sub. An email or phone alias counts
     * only when verified ({@code email_verified} / {@code phone_number_verified} = {@code true});
     * preferred_username always; a username attribute always (it is what the user signed up with).
     */
    static List<AliasKey> signInAliases(UserPool pool, Map<String, String> attributes) {
        List<AliasKey> aliases = new ArrayList<>(2);
        for (AliasAttribute alias : pool.aliasAttributes()) {
            String value = attributes.get(alias.wireValue());
            boolean verified = alias == AliasAttribute.PREFERRED_USERNAME
                    || "true".equals(attributes.get(alias.wireValue() + "_verified"));
            if (value != null && !value.isEmpty() && verified) {
                aliases.add(new AliasKey(alias.wireValue(), value));
            }
        }
        for (UsernameAttribute attribute : pool.usernameAttributes()) {
            String value = attributes.get(attribute.wireValue());
            if (value != null && !value.isEmpty()) {
                aliases.add(new AliasKey(attribute.wireValue(), value));
            }
        }
        return aliases;
    }

    /** The attribute names whose values a lookup by alias may match in this pool, in Cognito's order. */
    static List<String> aliasAttributeNames(UserPool pool) {
        List<String> names = new ArrayList<>(3);
        pool.aliasAttributes().forEach(alias -> names.add(alias.wireValue()));
        pool.usernameAttributes().forEach(attribute -> names.add(attribute.wireValue()));
        return names;
    }
}
