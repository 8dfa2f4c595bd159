package dev.authfeedback.domain.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceAddressTest {

    @Test
    void withoutAHeaderTheSourceIsThePeer() {
        assertThat(SourceAddress.resolve("203.0.113.9", null)).isEqualTo("203.0.113.9");
        assertThat(SourceAddress.resolve("fe80::1%eth0", null)).isEqualTo("fe80::1");
    }

    @Test
    void theTrustedProxyWroteTheLastEntryOfTheList() {
        // a client may send its own X-Forwarded-For: only the entry the proxy appended counts
        assertThat(SourceAddress.resolve("10.0.0.2", "1.1.1.1, 198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(SourceAddress.resolve("10.0.0.2", " 2001:db8::7 ")).isEqualTo("2001:db8::7");
        assertThat(SourceAddress.resolve("10.0.0.2", "198.51.100.7:53211")).isEqualTo("198.51.100.7");
        assertThat(SourceAddress.resolve("10.0.0.2", "[2001:db8::7]:443")).isEqualTo("2001:db8::7");
    }

    @Test
    void forwardedElementsGiveTheirForParameter() {
        assertThat(SourceAddress.resolve("10.0.0.2", "for=1.1.1.1, for=198.51.100.7;proto=https"))
                .isEqualTo("198.51.100.7");
        assertThat(SourceAddress.resolve("10.0.0.2", "proto=https;For=\"[2001:db8:cafe::17]:4711\""))
                .isEqualTo("2001:db8:cafe::17");
    }

    @Test
    void aHeaderWithoutAnAddressFallsBackToThePeer() {
        assertThat(SourceAddress.resolve("10.0.0.2", "unknown")).isEqualTo("10.0.0.2");
        assertThat(SourceAddress.resolve("10.0.0.2", "for=_hidden")).isEqualTo("10.0.0.2");
        assertThat(SourceAddress.resolve("10.0.0.2", "proto=https")).isEqualTo("10.0.0.2");
        assertThat(SourceAddress.resolve("10.0.0.2", "")).isEqualTo("10.0.0.2");
        assertThat(SourceAddress.resolve("10.0.0.2", "[::1")).isEqualTo("10.0.0.2");
        assertThat(SourceAddress.resolve("10.0.0.2", "example.com")).isEqualTo("10.0.0.2");
    }

    @Test
    void noAddressAtAllIsAnUnknownSource() {
        assertThat(SourceAddress.resolve(null, null)).isNull();
        assertThat(SourceAddress.resolve("in-process", "garbage")).isNull();
    }
}
