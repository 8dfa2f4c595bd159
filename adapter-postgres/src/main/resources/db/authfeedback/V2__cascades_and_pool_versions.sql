-- Deleting a pool takes its users with it, deleting a user takes its events (and aliases) with it:
-- one DELETE statement, atomic, and no concurrent insert can bring a deleted owner back (the
-- foreign keys refuse a user of a missing pool and an event of a missing user).
-- Rows left behind by the separate deletes of earlier versions go first.
DELETE FROM auth_events e
 WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.pool_id = e.pool_id AND u.sub = e.user_sub);
DELETE FROM users u
 WHERE NOT EXISTS (SELECT 1 FROM user_pools p WHERE p.id = u.pool_id);

ALTER TABLE users
    ADD CONSTRAINT users_pool_fk FOREIGN KEY (pool_id) REFERENCES user_pools (id) ON DELETE CASCADE;
ALTER TABLE auth_events
    ADD CONSTRAINT auth_events_user_fk FOREIGN KEY (pool_id, user_sub) REFERENCES users (pool_id, sub)
        ON DELETE CASCADE;

-- Every change of a pool raises its version; an update applies only to the version it read.
ALTER TABLE user_pools ADD COLUMN version bigint NOT NULL DEFAULT 0;
