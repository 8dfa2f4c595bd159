package dev.authfeedback.adapter.inmemory;

import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.EventFeedback;
import dev.authfeedback.domain.risk.RiskLesson;
import dev.authfeedback.domain.risk.RiskProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One user's events in insertion order with an index by id, and the user's risk profile. They change
 * under this object's lock, which makes an insert or a feedback update one atomic step with what it
 * teaches the profile, and pages consistent. The pool's figures are added to in the same call.
 */
final class UserEvents {
    private final List<AuthEvent> inInsertionOrder = new ArrayList<>();
    private final Map<String, Integer> positionById = new HashMap<>();
    private final PoolRiskStatistics poolStatistics;
    private RiskProfile profile = RiskProfile.EMPTY;

    UserEvents(PoolRiskStatistics poolStatistics) {
        this.poolStatistics = poolStatistics;
    }

    synchronized void insert(AuthEvent event) {
        if (positionById.putIfAbsent(event.eventId(), inInsertionOrder.size()) != null) {
            throw new IllegalStateException("event id already taken: " + event.eventId());
        }
        inInsertionOrder.add(event);
        learn(RiskLesson.recorded(event));
    }

    synchronized RiskProfile profile() {
        return profile;
    }

    private void learn(RiskLesson lesson) {
        if (!lesson.isEmpty()) {
            profile = profile.learn(lesson);
            poolStatistics.learn(lesson);
        }
    }

    synchronized Optional<AuthEvent> find(String eventId) {
        Integer position = positionById.get(eventId);
        return position == null ? Optional.empty() : Optional.of(inInsertionOrder.get(position));
    }

    synchronized Optional<AuthEvent> recordFeedback(String eventId, EventFeedback feedback) {
        Integer position = positionById.get(eventId);
        if (position == null) {
            return Optional.empty();
        }
        AuthEvent current = inInsertionOrder.get(position);
        AuthEvent updated = current.withFeedback(feedback);
        inInsertionOrder.set(position, updated);
        learn(RiskLesson.relabelled(current, current.eventFeedback(), feedback));
        return Optional.of(updated);
    }

    synchronized List<AuthEvent> newestFirst(String afterEventId, int limit) {
        int start = inInsertionOrder.size() - 1;
        if (afterEventId != null) {
            Integer position = positionById.get(afterEventId);
            if (position == null) {
                return List.of();
            }
            start = position - 1;
        }
        List<AuthEvent> page = new ArrayList<>(Math.min(limit, start + 1));
        for (int i = start; i >= 0 && page.size() < limit; i--) {
            page.add(inInsertionOrder.get(i));
        }
        return page;
    }
}
