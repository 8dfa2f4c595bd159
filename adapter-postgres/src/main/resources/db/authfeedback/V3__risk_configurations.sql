-- A pool's risk configuration (client_id '') and its app clients' overrides. They go with the pool.
CREATE TABLE risk_configurations (
    pool_id                  text NOT NULL REFERENCES user_pools (id) ON DELETE CASCADE,
    client_id                text NOT NULL,
    has_compromised          boolean NOT NULL,
    compromised_event_filter text[],
    compromised_event_action text,
    has_account_takeover     boolean NOT NULL,
    has_notify               boolean NOT NULL,
    notify_from              text,
    notify_reply_to          text,
    notify_source_arn        text,
    -- block, no-action and MFA emails: subject, HTML body, text body each (null subject: no email)
    block_email              text[],
    no_action_email          text[],
    mfa_email                text[],
    -- low, medium and high: the action, and whether it notifies (null action: no action configured)
    level_actions            text[] NOT NULL,
    level_notify             boolean[] NOT NULL,
    has_exceptions           boolean NOT NULL,
    blocked_ip_ranges        text[],
    skipped_ip_ranges        text[],
    last_modified_nanos      bigint NOT NULL,
    PRIMARY KEY (pool_id, client_id)
);
