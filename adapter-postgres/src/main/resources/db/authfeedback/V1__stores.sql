-- The stores of auth-event-feedback. Instants are epoch nanoseconds (bigint): lossless, unlike
-- timestamptz's microseconds. Every lookup the service makes has an index that keeps its cost
-- independent of the amount of data.

CREATE TABLE user_pools (
    id                     text PRIMARY KEY,
    name                   text NOT NULL,
    arn                    text NOT NULL,
    creation_nanos         bigint NOT NULL,
    last_modified_nanos    bigint NOT NULL,
    advanced_security_mode text NOT NULL,
    tier                   text NOT NULL,
    alias_attributes       text[] NOT NULL,
    username_attributes    text[] NOT NULL,
    -- the pool's feedback-token keys, oldest first: "<keyId>:<base64 secret>"
    token_signing_keys     text[] NOT NULL
);

CREATE TABLE users (
    pool_id              text NOT NULL,
    sub                  text NOT NULL,
    username             text NOT NULL,
    attribute_names      text[] NOT NULL,
    attribute_values     text[] NOT NULL,
    enabled              boolean NOT NULL,
    status               text NOT NULL,
    create_nanos         bigint NOT NULL,
    last_modified_nanos  bigint NOT NULL,
    -- the aliases the user was created with (the index below says who holds each now)
    alias_names          text[] NOT NULL,
    alias_values         text[] NOT NULL,
    PRIMARY KEY (pool_id, sub),
    UNIQUE (pool_id, username)
);

-- Who an alias finds: one user per alias and pool at a time.
CREATE TABLE user_aliases (
    pool_id   text NOT NULL,
    attribute text NOT NULL,
    value     text NOT NULL,
    sub       text NOT NULL,
    PRIMARY KEY (pool_id, attribute, value),
    FOREIGN KEY (pool_id, sub) REFERENCES users (pool_id, sub) ON DELETE CASCADE
);
CREATE INDEX user_aliases_by_user ON user_aliases (pool_id, sub);

CREATE TABLE auth_events (
    seq                     bigserial PRIMARY KEY,
    pool_id                 text NOT NULL,
    user_sub                text NOT NULL,
    event_id                text NOT NULL,
    event_type              text NOT NULL,
    creation_nanos          bigint NOT NULL,
    event_response          text,
    has_risk                boolean NOT NULL,
    risk_decision           text,
    risk_level              text,
    compromised_credentials boolean,
    challenge_names         text[] NOT NULL,
    challenge_results       text[] NOT NULL,
    has_context             boolean NOT NULL,
    ip_address              text,
    device_name             text,
    timezone                text,
    city                    text,
    country                 text,
    feedback_value          text,
    feedback_provider       text,
    feedback_nanos          bigint,
    UNIQUE (pool_id, user_sub, event_id)
);
-- a user's events newest first, and the cursor of a page
CREATE INDEX auth_events_by_user_newest ON auth_events (pool_id, user_sub, seq DESC);
