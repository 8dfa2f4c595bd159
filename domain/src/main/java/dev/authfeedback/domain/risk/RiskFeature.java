package dev.authfeedback.domain.risk;

import dev.authfeedback.domain.model.RiskReason;

/**
 * What the evaluator compares of a sign-in's context, with the weight of each in the score and the
 * reason given when the user has never had the value. The weights sum to 1: a context new in every
 * feature scores the full novelty of the user's history.
 */
public enum RiskFeature {
    IP_ADDRESS(0.15, RiskReason.NEW_IP_ADDRESS),
    /** The address's /24 (IPv4) or /48 (IPv6): a new address in a known network is ordinary. */
    NETWORK(0.20, RiskReason.NEW_NETWORK),
    COUNTRY(0.25, RiskReason.NEW_COUNTRY),
    /** The city within its country, so two Springfields stay apart. */
    CITY(0.10, RiskReason.NEW_CITY),
    DEVICE(0.20, RiskReason.NEW_DEVICE),
    TIMEZONE(0.10, RiskReason.NEW_TIMEZONE);

    static final RiskFeature[] ALL = values();

    private final double weight;
    private final RiskReason newValueReason;

    RiskFeature(double weight, RiskReason newValueReason) {
        this.weight = weight;
        this.newValueReason = newValueReason;
    }

    /** The feature's weight in the score. */
    public double weight() {
        return weight;
    }

    /** The reason given when this feature's value is new to the user. */
    public RiskReason newValueReason() {
        return newValueReason;
    }
}
