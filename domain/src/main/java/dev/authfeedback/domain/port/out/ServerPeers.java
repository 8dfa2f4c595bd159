package dev.authfeedback.domain.port.out;

/**
 * How many servers share one set of stores now, so that a quota meant for a pool is split between
 * them rather than granted by each. Read on every rate-limited request: implementations answer
 * from memory.
 */
@FunctionalInterface
public interface ServerPeers {

    /** A server whose stores no other server shares (in memory, say). */
    ServerPeers ALONE = () -> 1;

    /** The servers alive now, this one included: at least 1. */
    int liveServers();
}
