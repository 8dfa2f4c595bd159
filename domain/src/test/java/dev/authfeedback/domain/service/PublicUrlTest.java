package dev.authfeedback.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The public URL stands before the feedback page's path in an unquoted href: only a plain one is taken. */
class PublicUrlTest {

    @Test
    void anAbsoluteHttpOrHttpsUrlIsTaken() {
        assertThat(AuthEventFeedbackService.requirePublicUrl("https://auth.example.com"))
                .isEqualTo(URI.create("https://auth.example.com"));
        assertThat(AuthEventFeedbackService.requirePublicUrl("http://127.0.0.1:9229/base/")).hasPort(9229);
        assertThat(AuthEventFeedbackService.requirePublicUrl("http://[::1]:9229")).hasHost("[::1]");
    }

    @Test
    void anythingElseIsRefusedWithWhatWasGiven() {
        for (String bad : new String[] {"ftp://auth.example.com", "auth.example.com", "/feedback", "https://",
            "https://auth.example.com/?a=1", "https://auth.example.com/#top", "https://auth.example.com/a b",
            "https://auth.example.com/\"", "https://auth.example.com/'x'", "https://auth.example.com/<x>",
            "https://auth.example.com/\u00e9", "https://auth.example.com/\t", "https://auth.example.com/x\u007f",
            "not a url at all"}) {
            assertThatThrownBy(() -> AuthEventFeedbackService.requirePublicUrl(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the public URL must be an absolute http or https URL")
                    .hasMessageEndingWith("was: " + bad);
        }
        assertThatThrownBy(() -> AuthEventFeedbackService.requirePublicUrl(null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
