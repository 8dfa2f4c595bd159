package dev.authfeedback.domain.port.out;

import dev.authfeedback.domain.risk.ContextFeatures;
import dev.authfeedback.domain.risk.PoolStatistics;
import dev.authfeedback.domain.risk.RiskProfile;

/**
 * The risk model's read side. What it holds changes only through {@link AuthEventStore}: recording
 * an event and recording feedback apply their {@link dev.authfeedback.domain.risk.RiskLesson} in the
 * same atomic step, and the model goes with its user or pool. The pool's figures are counters that
 * concurrent sign-ins add to without waiting for one another (no single row or lock that every
 * sign-in takes); a reader may miss the additions of writes still in progress.
 */
public interface RiskModelStore {

    /** The user's profile; {@link RiskProfile#EMPTY} for a user with none, or no such user. */
    RiskProfile profile(String poolId, String userSub);

    /** The pool's figures for the values of {@code context}; all zero for an unknown pool. */
    PoolStatistics statistics(String poolId, ContextFeatures context);
}
