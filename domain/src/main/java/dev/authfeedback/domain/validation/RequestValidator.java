package dev.authfeedback.domain.validation;

import dev.authfeedback.domain.error.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Checks a request's members against their {@link Shapes} and collects every violation, then
 * throws one {@link InvalidParameterException} with AWS's message. Per member the checks run in
 * a fixed order (null, length minimum, length maximum, pattern, enum, value range) and each
 * broken constraint is reported, as AWS does.
 */
public final class RequestValidator {

    private final String pathPrefix;
    private final ViolationList violations;

    private RequestValidator(String pathPrefix, ViolationList violations) {
        this.pathPrefix = pathPrefix;
        this.violations = violations;
    }

    /** A validator with nothing checked yet: chain the members' checks, then {@link #throwIfInvalid()}. */
    public static RequestValidator validate() {
        return new RequestValidator("", new ViolationList());
    }

    /** Checks a required string member: present, and within its shape. */
    public RequestValidator required(String member, StringShape shape, String value) {
        if (value == null) {
            report(member, "Member must not be null", "Value null");
            return this;
        }
        return optional(member, shape, value);
    }

    /** Checks an optional string member against its shape when present. */
    public RequestValidator optional(String member, StringShape shape, String value) {
        if (value == null) {
            return this;
        }
        if (shape.minLength() != null || shape.maxLength() != null) {
            int length = value.codePointCount(0, value.length());
            if (shape.minLength() != null && length < shape.minLength()) {
                report(member, "Member must have length greater than or equal to " + shape.minLength(), echo(shape, value));
            }
            if (shape.maxLength() != null && length > shape.maxLength()) {
                report(member, "Member must have length less than or equal to " + shape.maxLength(), echo(shape, value));
            }
        }
        if (shape.pattern() != null && !shape.matchesPattern(value)) {
            report(member, "Member must satisfy regular expression pattern: " + shape.pattern().pattern(),
                    echo(shape, value));
        }
        if (shape.enumValues() != null && !shape.enumValues().contains(value)) {
            report(member, enumConstraint(shape), echo(shape, value));
        }
        return this;
    }

    /** Checks a required integer member: present, and within its shape. */
    public RequestValidator required(String member, IntegerShape shape, Integer value) {
        if (value == null) {
            report(member, "Member must not be null", "Value null");
            return this;
        }
        return optional(member, shape, value);
    }

    /** Checks an optional integer member against its shape when present. */
    public RequestValidator optional(String member, IntegerShape shape, Integer value) {
        if (value == null) {
            return this;
        }
        if (value < shape.min()) {
            report(member, "Member must have value greater than or equal to " + shape.min(),
                    "Value '" + value + "'");
        }
        if (value > shape.max()) {
            report(member, "Member must have value less than or equal to " + shape.max(),
                    "Value '" + value + "'");
        }
        return this;
    }

    /** A list of enum strings: AWS reports the whole list once, with the member constraint nested. */
    public RequestValidator optionalEnumList(String member, StringShape shape, List<String> values) {
        if (values == null) {
            return this;
        }
        for (String value : values) {
            if (value == null || !shape.enumValues().contains(value)) {
                report(member, "Member must satisfy constraint: [" + enumConstraint(shape) + "]",
                        "Value '" + values + "'");
                break;
            }
        }
        return this;
    }

    /** A required structure: reported as null when absent, its members checked by {@code members} otherwise. */
    public <T> RequestValidator requiredStructure(String member, T value, BiConsumer<RequestValidator, T> members) {
        if (value == null) {
            report(member, "Member must not be null", "Value null");
            return this;
        }
        return optionalStructure(member, value, members);
    }

    /** A required boolean: only its presence can be wrong. */
    public RequestValidator requiredBoolean(String member, Boolean value) {
        if (value == null) {
            report(member, "Member must not be null", "Value null");
        }
        return this;
    }

    /**
     * An optional list of strings: at most {@code maxSize} elements (reported on the list), and
     * each element (from 1, under {@code member.i.member}) present and accepted by {@code element}.
     */
    public RequestValidator optionalList(String member, int maxSize, List<String> values, Predicate<String> element,
                                         String elementConstraint) {
        if (values == null) {
            return this;
        }
        if (values.size() > maxSize) {
            report(member, "Member must have length less than or equal to " + maxSize, "Value '" + values + "'");
        }
        eachElement(member, values, (elementPath, value) -> {
            if (!element.test(value)) {
                violations.add(elementPath, elementConstraint, "Value '" + value + "'");
            }
        });
        return this;
    }

    /** An optional structure whose members, when it is present, are checked under {@code member.}. */
    public <T> RequestValidator optionalStructure(String member, T value, BiConsumer<RequestValidator, T> members) {
        if (value != null) {
            members.accept(new RequestValidator(path(member) + ".", violations), value);
        }
        return this;
    }

    /** A list of structures: element {@code i} (from 1) is checked under {@code member.i.member.}. */
    public <T> RequestValidator eachStructure(String member, List<T> values, BiConsumer<RequestValidator, T> members) {
        if (values != null) {
            eachElement(member, values, (elementPath, element) ->
                    members.accept(new RequestValidator(elementPath + ".", violations), element));
        }
        return this;
    }

    /** Element {@code i} (from 1) of a list lives at {@code member.i.member}; a missing one is reported as null. */
    private <T> void eachElement(String member, List<T> values, BiConsumer<String, T> present) {
        String listPath = path(member);
        for (int i = 0; i < values.size(); i++) {
            T element = values.get(i);
            String elementPath = listPath + "." + (i + 1) + ".member";
            if (element == null) {
                violations.add(elementPath, "Member must not be null", "Value null");
            } else {
                present.accept(elementPath, element);
            }
        }
    }

    /** Throws the collected violations as one InvalidParameterException; returns quietly if there are none. */
    public void throwIfInvalid() {
        violations.throwIfAny();
    }

    private void report(String member, String constraint, String valuePart) {
        violations.add(path(member), constraint, valuePart);
    }

    private String path(String member) {
        return pathPrefix + Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }

    private static String echo(StringShape shape, String value) {
        return shape.sensitive() ? "Value" : "Value '" + value + "'";
    }

    private static String enumConstraint(StringShape shape) {
        return "Member must satisfy enum value set: [" + String.join(", ", shape.enumValues()) + "]";
    }

    /** Shared by a validator and its nested ones, so that one message lists them all in order. */
    private static final class ViolationList {
        private List<Violation> list;

        void add(String path, String constraint, String valuePart) {
            if (list == null) {
                list = new ArrayList<>(2);
            }
            list.add(new Violation(path, constraint,
                    valuePart + " at '" + path + "' failed to satisfy constraint: " + constraint));
        }

        void throwIfAny() {
            if (list == null) {
                return;
            }
            int count = list.size();
            StringBuilder message = new StringBuilder()
                    .append(count).append(count == 1 ? " validation error detected: " : " validation errors detected: ");
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    message.append("; ");
                }
                message.append(list.get(i).message());
            }
            throw new InvalidParameterException(message.toString(), list);
        }
    }
}
