package dev.authfeedback.adapter.inmemory;

import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.EventFeedback;
import dev.authfeedback.domain.port.out.AuthEventStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events per pool and user, in insertion order with an index by id. Each user's events change
 * under that user's lock, which makes a feedback update one atomic step and pages consistent.
 */
public final class InMemoryAuthEventStore implements AuthEventStore {

    /** Pool id to user sub to that user's events. */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, UserEvents>> pools = new ConcurrentHashMap<>();

    @Override
    public void insert(AuthEvent event) {
        pools.computeIfAbsent(event.poolId(), id -> new ConcurrentHashMap<>())
                .computeIfAbsent(event.userSub(), sub -> new UserEvents())
                .insert(event);
    }

    @Override
    public Optional<AuthEvent> find(String poolId, String userSub, String eventId) {
        UserEvents events = userEvents(poolId, userSub);
        return events == null ? Optional.empty() : events.find(eventId);
    }

    @Override
    public Optional<AuthEvent> recordFeedback(String poolId, String userSub, String eventId, EventFeedback feedback) {
        UserEvents events = userEvents(poolId, userSub);
        return events == null ? Optional.empty() : events.recordFeedback(eventId, feedback);
    }

    @Override
    public List<AuthEvent> listNewestFirst(String poolId, String userSub, String afterEventId, int limit) {
        UserEvents events = userEvents(poolId, userSub);
        return events == null ? List.of() : events.newestFirst(afterEventId, limit);
    }

    @Override
    public void deleteAllOfUser(String poolId, String userSub) {
        ConcurrentHashMap<String, UserEvents> users = pools.get(poolId);
        if (users != null) {
            users.remove(userSub);
        }
    }

    @Override
    public void deleteAllInPool(String poolId) {
        pools.remove(poolId);
    }

    private UserEvents userEvents(String poolId, String userSub) {
        ConcurrentHashMap<String, UserEvents> users = pools.get(poolId);
        return users == null ? null : users.get(userSub);
    }

    private static final class UserEvents {
        private final List<AuthEvent> inInsertionOrder = new ArrayList<>();
        private final Map<String, Integer> positionById = new HashMap<>();

        synchronized void insert(AuthEvent event) {
            if (positionById.putIfAbsent(event.eventId(), inInsertionOrder.size()) != null) {
                throw new IllegalStateException("event id already taken: " + event.eventId());
            }
            inInsertionOrder.add(event);
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
            AuthEvent updated = inInsertionOrder.get(position).withFeedback(feedback);
            inInsertionOrder.set(position, updated);
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
}
