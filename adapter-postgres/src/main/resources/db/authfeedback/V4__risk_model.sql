-- The risk evaluator's model. Both tables change only in the transaction that records an event or
-- its feedback, so the model has learnt exactly what the events say.

-- The reasons of an event's risk evaluation, as their wire values.
ALTER TABLE auth_events ADD COLUMN risk_reasons text[] NOT NULL DEFAULT '{}';

-- Each user's bounded risk profile (RiskProfile's bytes; null: nothing learnt yet). It goes with the user.
CREATE TABLE user_risk_profiles (
    pool_id  text NOT NULL,
    user_sub text NOT NULL,
    profile  bytea,
    PRIMARY KEY (pool_id, user_sub),
    FOREIGN KEY (pool_id, user_sub) REFERENCES users (pool_id, sub) ON DELETE CASCADE
);

-- A pool's risk figures as sharded counters: each write adds to one of several rows of a figure
-- (value_key 0 is the feature's total), so sign-ins from one country do not queue on one row; a
-- reader sums the shards. No foreign key: it would have every sign-in lock the pool's row. The
-- pool's delete removes them, after the events whose transactions wrote them.
CREATE TABLE pool_risk_counts (
    pool_id   text NOT NULL,
    feature   smallint NOT NULL,
    value_key bigint NOT NULL,
    shard     smallint NOT NULL,
    seen      bigint NOT NULL,
    reports   bigint NOT NULL,
    PRIMARY KEY (pool_id, feature, value_key, shard)
);
