package dev.authfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The extension as users' builds run it: each class below is launched through the JUnit Platform
 * (they are nested, so the build does not run them by themselves) and records what it saw.
 */
class AuthFeedbackExtensionTest {

    /** What the launched classes saw, in order. */
    static final List<String> SEEN = new ArrayList<>();

    @AuthFeedbackTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SharesOneServerAcrossItsTests {
        @Test
        @Order(1)
        void createsAPool(CognitoIdentityProviderClient cognito, LocalAuthFeedback server) {
            cognito.createUserPool(pool -> pool.poolName("kept"));
            SEEN.add("endpoint " + server.httpEndpoint());
        }

        @Test
        @Order(2)
        void seesItInTheNextTest(CognitoIdentityProviderClient cognito, LocalAuthFeedback server) {
            SEEN.add("pools " + cognito.listUserPools(list -> list.maxResults(10)).userPools().size());
            SEEN.add("endpoint " + server.httpEndpoint());
        }

        @Nested
        class AndItsNestedClasses {
            @Test
            void seeTheSameServer(LocalAuthFeedback server) {
                SEEN.add("nested endpoint " + server.httpEndpoint());
            }
        }
    }

    @AuthFeedbackTest(resetBeforeEachTest = true)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ResetsBeforeEachTest {
        @Test
        @Order(1)
        void createsPools(CognitoIdentityProviderClient cognito) {
            // more than one page of ListUserPools, so that the reset has to page
            for (int i = 0; i < 70; i++) {
                cognito.createUserPool(pool -> pool.poolName("gone"));
            }
        }

        @Test
        @Order(2)
        void seesNone(CognitoIdentityProviderClient cognito) {
            SEEN.add("pools " + cognito.listUserPools(list -> list.maxResults(60)).userPools().size());
        }
    }

    static class RegisteredWithSettings {
        @RegisterExtension
        static final AuthFeedbackExtension SERVER = AuthFeedbackExtension.builder()
                .settings("--region", "eu-west-1", "--rate-limit-rps", "1000").build();

        @Test
        void runsWithThem(CognitoIdentityProviderClient cognito, LocalAuthFeedback server) {
            SEEN.add("region " + server.region());
            SEEN.add("pool " + cognito.createUserPool(pool -> pool.poolName("eu")).userPool().id().split("_")[0]);
            SEEN.add("grpc " + (server.grpcTarget().startsWith("127.0.0.1:") && !server.grpcAdminKey().isEmpty()));
        }
    }

    @Test
    void theTestsOfAClassShareOneServerWhichStopsAfterThem() {
        SEEN.clear();
        TestExecutionSummary summary = Launched.run(SharesOneServerAcrossItsTests.class);
        assertThat(Launched.failures(summary)).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
        String endpoint = SEEN.get(0);
        assertThat(SEEN).containsExactly(endpoint, "pools 1", endpoint, "nested " + endpoint);
        URI stopped = URI.create(endpoint.substring("endpoint ".length()));
        assertThatThrownBy(() -> new Socket(stopped.getHost(), stopped.getPort()).close())
                .as("the server is stopped after the class").isInstanceOf(IOException.class);
    }

    @Test
    void resetBeforeEachTestEmptiesTheServer() {
        SEEN.clear();
        TestExecutionSummary summary = Launched.run(ResetsBeforeEachTest.class);
        assertThat(Launched.failures(summary)).isEmpty();
        assertThat(SEEN).containsExactly("pools 0");
    }

    @Test
    void anExtensionRegisteredInAFieldTakesItsSettings() {
        SEEN.clear();
        TestExecutionSummary summary = Launched.run(RegisteredWithSettings.class);
        assertThat(Launched.failures(summary)).isEmpty();
        assertThat(SEEN).containsExactly("region eu-west-1", "pool eu-west-1", "grpc true");
    }

    @Test
    void aBadSettingFailsTheClassWithTheServersMessage() {
        TestExecutionSummary summary = Launched.run(BadSetting.class);
        assertThat(summary.getFailures()).singleElement()
                .satisfies(failure -> assertThat(failure.getException())
                        .hasMessageContaining("--token-ttl (or AUTHFEEDBACK_TOKEN_TTL) must be an ISO-8601 duration"));
    }

    @AuthFeedbackTest(settings = {"--token-ttl", "soon"})
    static class BadSetting {
        @Test
        void neverRuns(LocalAuthFeedback server) {
            SEEN.add("ran");
        }
    }
}
