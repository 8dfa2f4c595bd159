package dev.authfeedback.domain.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authfeedback.domain.error.CallerAuthenticationError;
import dev.authfeedback.domain.error.ErrorType;
import dev.authfeedback.domain.port.out.OperationCategory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The catalogue's facts that the transports rely on, and the error names they share. */
class OperationTest {

    @Test
    void everyOperationIsFoundByItsNameAndHasATargetOfItsNamespace() {
        for (Operation operation : Operation.values()) {
            assertThat(Operation.byAwsName(operation.awsName())).contains(operation);
            assertThat(operation.target()).isEqualTo(operation.namespace().targetPrefix() + "." + operation.awsName());
        }
        assertThat(Operation.byAwsName("ListUsers")).isEmpty();
        assertThat(Arrays.stream(Operation.values()).map(Operation::target)).doesNotHaveDuplicates();
    }

    @Test
    void cognitosOperationsUseTheModelsTargetPrefixAndOursOurOwn() {
        assertThat(Operation.UPDATE_AUTH_EVENT_FEEDBACK.target())
                .isEqualTo("AWSCognitoIdentityProviderService.UpdateAuthEventFeedback");
        assertThat(Operation.RECORD_AUTH_EVENT.target()).isEqualTo("AuthEventFeedback.RecordAuthEvent");
    }

    @Test
    void onlyUpdateAuthEventFeedbackIsAuthorizedByItsToken() {
        assertThat(Arrays.stream(Operation.values())
                .filter(operation -> operation.authorization() == Operation.Authorization.FEEDBACK_TOKEN))
                .containsExactly(Operation.UPDATE_AUTH_EVENT_FEEDBACK);
        assertThat(Operation.ADMIN_UPDATE_AUTH_EVENT_FEEDBACK.authorization()).isEqualTo(Operation.Authorization.ADMIN);
        assertThat(Operation.ADMIN_UPDATE_AUTH_EVENT_FEEDBACK.category()).isEqualTo(OperationCategory.FEEDBACK);
    }

    @Test
    void onlyTheInternalErrorIsAServerFault() {
        assertThat(Arrays.stream(ErrorType.values()).filter(ErrorType::serverFault))
                .containsExactly(ErrorType.INTERNAL_ERROR);
    }

    @Test
    void callerAuthenticationErrorsAreNamedAsAwsNamesThem() {
        assertThat(Arrays.stream(CallerAuthenticationError.values()).map(CallerAuthenticationError::shapeName))
                .containsExactly("MissingAuthenticationTokenException", "IncompleteSignatureException",
                        "UnrecognizedClientException", "InvalidSignatureException");
    }
}
