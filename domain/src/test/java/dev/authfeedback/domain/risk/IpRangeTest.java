package dev.authfeedback.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/** CIDR blocks of both families, parsed without any name lookup, and membership at the block's edges. */
class IpRangeTest {

    @Test
    void blocksOfBothFamiliesParse() {
        for (String cidr : new String[] {"203.0.113.0/24", "10.0.0.0/8", "0.0.0.0/0", "198.51.100.7", "198.51.100.7/32",
                "2001:db8::/32", "::1", "::/0", "fe80::1/128", "2001:DB8:0:0:0:0:0:1/64", "af::AF/16",
                // the longest literal: 45 characters
                "0000:0000:0000:0000:0000:ffff:255.255.255.255"}) {
            assertThat(IpRange.parse(cidr)).as(cidr).isPresent();
        }
    }

    @Test
    void anythingElseDoesNot() {
        for (String cidr : new String[] {null, "", "localhost", "example.com", "10.0.0.0/33", "10.0.0.0/", "10.0.0/8",
                "10", "10.1", "256.0.0.0/8", "10.0.0.0/-1", "10.0.0.0/8/8", "2001:db8::/129", "2001:db8::g/32",
                "10.0.0.0 /8", " 10.0.0.0/8", "10.0.0.0/08a", "1.2.3.4%eth0", "::1%lo",
                // not addresses, and never looked up as host names
                "10.0.0.999", "1.2.3.4.5", "1..2.3", "1.2.3.", ".1.2.3", "1.2.3.0001", "\u0661.\u0662.\u0663.\u0664",
                "::ffff:1.2.3.999", "2001:db8::\u0661"}) {
            assertThat(IpRange.parse(cidr)).as(String.valueOf(cidr)).isEmpty();
        }
    }

    @Test
    void membershipFollowsThePrefix() {
        IpRange block = IpRange.parse("203.0.113.64/26").orElseThrow();
        assertThat(block.contains("203.0.113.64")).isTrue();
        assertThat(block.contains("203.0.113.127")).isTrue();
        assertThat(block.contains("203.0.113.63")).isFalse();
        assertThat(block.contains("203.0.113.128")).isFalse();
        assertThat(block.contains("2001:db8::1")).isFalse();
        assertThat(block.contains("not an address")).isFalse();
        IpRange v6 = IpRange.parse("2001:db8:abcd::/48").orElseThrow();
        assertThat(v6.contains("2001:db8:abcd:ffff::1")).isTrue();
        assertThat(v6.contains("2001:db8:abce::1")).isFalse();
        assertThat(IpRange.parse("0.0.0.0/0").orElseThrow().contains("198.51.100.7")).isTrue();
        assertThat(IpRange.parse("198.51.100.7").orElseThrow().contains("198.51.100.7")).isTrue();
        assertThat(IpRange.parse("198.51.100.7").orElseThrow().contains("198.51.100.8")).isFalse();
    }

    @Test
    void anIpv4BlockHoldsExactlyTheAddressesThatShareItsPrefix() {
        qt().forAll(integers().all(), integers().all(), integers().between(0, 32)).checkAssert((network, address, prefix) -> {
            IpRange block = IpRange.parse(dotted(network) + "/" + prefix).orElseThrow();
            long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            boolean samePrefix = ((network & 0xFFFFFFFFL) & mask) == ((address & 0xFFFFFFFFL) & mask);
            assertThat(block.contains(dotted(address))).isEqualTo(samePrefix);
            assertThat(block.contains(dotted(network))).isTrue();
        });
    }

    private static String dotted(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." + (address & 0xFF);
    }
}
