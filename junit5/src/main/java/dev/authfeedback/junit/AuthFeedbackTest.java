package dev.authfeedback.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against an auth event feedback server started in process on free ports: one
 * server for the class, stopped after it. Test methods, constructors and lifecycle methods take a
 * {@link LocalAuthFeedback} (endpoint, credentials, clients) or a ready
 * {@code CognitoIdentityProviderClient} as parameters.
 *
 * <p>The same as registering {@link AuthFeedbackExtension} with {@code @ExtendWith} or
 * {@code @RegisterExtension}; the latter takes its options from
 * {@link AuthFeedbackExtension#builder()}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(AuthFeedbackExtension.class)
public @interface AuthFeedbackTest {

    /**
     * Empty the server before each test (every pool, with its users, events and settings, is
     * deleted), so that no test sees another's data. Off: the tests of a class share what they create.
     *
     * @return whether each test starts on an empty server
     */
    boolean resetBeforeEachTest() default false;

    /**
     * More server flags, as on its command line ({@code "--token-ttl", "PT1H"}); the extension
     * already sets the host, free ports, generated credentials and {@code --rate-limit-rps 0}, and
     * a flag given here wins.
     *
     * @return the extra flags
     */
    String[] settings() default {};
}
