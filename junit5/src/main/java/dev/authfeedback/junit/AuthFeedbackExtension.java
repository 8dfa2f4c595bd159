package dev.authfeedback.junit;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Starts an auth event feedback server in process for a test class and hands it to the tests: see
 * {@link AuthFeedbackTest}. One server per test class (a nested class shares its outer class's),
 * stopped when the class is done; emptied before each test when asked.
 *
 * <p>Registered by {@code @AuthFeedbackTest}, by {@code @ExtendWith(AuthFeedbackExtension.class)},
 * or as a static field with {@code @RegisterExtension} built by {@link #builder()}.
 */
public final class AuthFeedbackExtension implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            AuthFeedbackExtension.class);

    private final Boolean resetBeforeEachTest;
    private final String[] settings;

    /** The options of the test class's {@link AuthFeedbackTest} annotation, or the defaults. */
    public AuthFeedbackExtension() {
        this(null, null);
    }

    private AuthFeedbackExtension(Boolean resetBeforeEachTest, String[] settings) {
        this.resetBeforeEachTest = resetBeforeEachTest;
        this.settings = settings;
    }

    /** An extension for {@code @RegisterExtension}, with options of its own. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options for {@link AuthFeedbackExtension#builder()}; the same as {@link AuthFeedbackTest}'s. */
    public static final class Builder {
        private boolean resetBeforeEachTest;
        private String[] settings = new String[0];

        private Builder() {
        }

        /** See {@link AuthFeedbackTest#resetBeforeEachTest()}. */
        public Builder resetBeforeEachTest(boolean reset) {
            this.resetBeforeEachTest = reset;
            return this;
        }

        /** See {@link AuthFeedbackTest#settings()}. */
        public Builder settings(String... flags) {
            this.settings = flags.clone();
            return this;
        }

        /** The extension. */
        public AuthFeedbackExtension build() {
            return new AuthFeedbackExtension(resetBeforeEachTest, settings);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        LocalAuthFeedback server = server(context);
        if (resetBeforeEachTest(context)) {
            server.reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalAuthFeedback.class || type == CognitoIdentityProviderClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalAuthFeedback server = server(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == LocalAuthFeedback.class) {
            return server;
        }
        if (type == CognitoIdentityProviderClient.class) {
            return server.cognitoClient();
        }
        throw new ParameterResolutionException("not a parameter of this extension: " + type);
    }

    /** The class's server, started on first use; the store closes it when the class is done. */
    private LocalAuthFeedback server(ExtensionContext context) {
        ExtensionContext classContext = outermostClassContext(context);
        // JUnit closes an AutoCloseable value of the store when its context ends
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(LocalAuthFeedback.class,
                key -> LocalAuthFeedback.start(settings(classContext)), LocalAuthFeedback.class);
    }

    private static ExtensionContext outermostClassContext(ExtensionContext context) {
        ExtensionContext outermost = context;
        for (Optional<ExtensionContext> parent = context.getParent(); parent.isPresent();
             parent = parent.get().getParent()) {
            if (parent.get().getTestClass().isPresent()) {
                outermost = parent.get();
            }
        }
        return outermost.getTestClass().isPresent() ? outermost : context;
    }

    private boolean resetBeforeEachTest(ExtensionContext context) {
        if (resetBeforeEachTest != null) {
            return resetBeforeEachTest;
        }
        return annotation(context).map(AuthFeedbackTest::resetBeforeEachTest).orElse(false);
    }

    private String[] settings(ExtensionContext context) {
        if (settings != null) {
            return settings;
        }
        return annotation(context).map(AuthFeedbackTest::settings).orElse(new String[0]);
    }

    private static Optional<AuthFeedbackTest> annotation(ExtensionContext context) {
        for (Optional<ExtensionContext> current = Optional.of(context); current.isPresent();
             current = current.get().getParent()) {
            Optional<AuthFeedbackTest> found = current.get().getTestClass()
                    .flatMap(type -> AnnotationSupport.findAnnotation(type, AuthFeedbackTest.class));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
