package dev.authfeedback.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authfeedback.domain.risk.IpRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The IP lists of a risk configuration: parsed once, compared by their text. */
class RiskExceptionsTest {

    private static final RiskConfiguration.RiskExceptions LISTS = new RiskConfiguration.RiskExceptions(
            List.of("198.51.100.0/24", "2001:db8:bad::/48"), List.of("192.0.2.7"));

    @Test
    void anAddressIsBlockedOrSkippedByItsOwnList() {
        assertThat(LISTS.blocks(bytes("198.51.100.200"))).isTrue();
        assertThat(LISTS.blocks(bytes("2001:db8:bad:1::1"))).isTrue();
        assertThat(LISTS.blocks(bytes("192.0.2.7"))).isFalse();
        assertThat(LISTS.skips(bytes("192.0.2.7"))).isTrue();
        assertThat(LISTS.skips(bytes("192.0.2.8"))).isFalse();
        assertThat(LISTS.skips(bytes("198.51.100.200"))).isFalse();
    }

    @Test
    void listsCompareByTheirText() {
        RiskConfiguration.RiskExceptions same = new RiskConfiguration.RiskExceptions(
                List.of("198.51.100.0/24", "2001:db8:bad::/48"), List.of("192.0.2.7"));
        assertThat(LISTS).isEqualTo(same).hasSameHashCodeAs(same)
                .isNotEqualTo(new RiskConfiguration.RiskExceptions(LISTS.blockedIpRanges(), List.of()))
                .isNotEqualTo(new RiskConfiguration.RiskExceptions(List.of(), LISTS.skippedIpRanges()))
                .isNotEqualTo("198.51.100.0/24");
        assertThat(LISTS.skippedIpRanges()).containsExactly("192.0.2.7");
        assertThat(LISTS.toString()).isEqualTo("RiskExceptions[blockedIpRanges=[198.51.100.0/24, 2001:db8:bad::/48], "
                + "skippedIpRanges=[192.0.2.7]]");
    }

    private static byte[] bytes(String address) {
        return IpRange.addressBytes(address).orElseThrow();
    }
}
