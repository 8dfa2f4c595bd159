package dev.authfeedback.domain.risk;

import java.util.ArrayList;
import java.util.List;

/** A list of CIDR blocks, parsed once; blocks that do not parse are not in it. */
public final class IpRanges {

    private final IpRange[] ranges;

    private IpRanges(IpRange[] ranges) {
        this.ranges = ranges;
    }

    /** The ranges of these CIDR blocks (IPv4 or IPv6), checked already. */
    public static IpRanges of(List<String> cidrs) {
        List<IpRange> parsed = new ArrayList<>(cidrs.size());
        for (String cidr : cidrs) {
            IpRange.parse(cidr).ifPresent(parsed::add);
        }
        return new IpRanges(parsed.toArray(IpRange[]::new));
    }

    /** True when one of the blocks holds the address with these bytes. */
    public boolean contains(byte[] address) {
        for (IpRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
