package dev.authfeedback.domain.port.out;

import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.EventFeedback;
import dev.authfeedback.domain.risk.RiskLesson;
import java.util.List;
import java.util.Optional;

/**
 * Where auth events live, per user (pool id and sub). "Newest first" is the reverse of the order in
 * which a user's events were inserted. Implementations are thread-safe. A user's events go when the user goes ({@link UserStore#delete}).
 */
public interface AuthEventStore {

    /**
     * Stores a new event of an existing user and applies {@link RiskLesson#recorded} of it to the
     * {@link RiskModelStore risk model}, as one atomic step; false, storing nothing, if the user does
     * not exist (deleted meanwhile). Fails (IllegalStateException) if the user already has an event
     * of that id.
     */
    boolean insert(AuthEvent event);

    /** The user's event with this id, if it exists. */
    Optional<AuthEvent> find(String poolId, String userSub, String eventId);

    /**
     * Sets the event's feedback, replacing any earlier one, and applies {@link RiskLesson#relabelled}
     * (from the feedback it replaced to the new one) to the risk model, as one atomic step:
     * concurrent calls leave exactly one of their values, and the model has learnt exactly the
     * sequence of replacements. Answers the event as updated, empty if the user has no such event.
     */
    Optional<AuthEvent> recordFeedback(String poolId, String userSub, String eventId, EventFeedback feedback);

    /**
     * Up to {@code limit} of the user's events, newest first, starting right after the event
     * {@code afterEventId} (null: from the newest). Empty if {@code afterEventId} is not the user's.
     */
    List<AuthEvent> listNewestFirst(String poolId, String userSub, String afterEventId, int limit);
}
