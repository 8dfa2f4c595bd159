package dev.authfeedback.adapter.inmemory;

import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.out.UserPoolStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Pools in a sorted concurrent map, so that listing in id order pages without a scan. */
public final class InMemoryUserPoolStore implements UserPoolStore {

    private final ConcurrentSkipListMap<String, UserPool> pools = new ConcurrentSkipListMap<>();

    @Override
    public void insert(UserPool pool) {
        if (pools.putIfAbsent(pool.id(), pool) != null) {
            throw new IllegalStateException("pool id already taken: " + pool.id());
        }
    }

    @Override
    public Optional<UserPool> find(String poolId) {
        return Optional.ofNullable(pools.get(poolId));
    }

    @Override
    public boolean replace(UserPool pool) {
        return pools.replace(pool.id(), pool) != null;
    }

    @Override
    public boolean delete(String poolId) {
        return pools.remove(poolId) != null;
    }

    @Override
    public List<UserPool> listAfter(String afterPoolId, int limit) {
        ConcurrentNavigableMap<String, UserPool> tail = afterPoolId == null ? pools : pools.tailMap(afterPoolId, false);
        List<UserPool> page = new ArrayList<>(Math.min(limit, 64));
        for (Map.Entry<String, UserPool> entry : tail.entrySet()) {
            if (page.size() == limit) {
                break;
            }
            page.add(entry.getValue());
        }
        return page;
    }
}
