-- The outbox of risk notifications, with what became of each; a pool's go with it.
CREATE TABLE notifications (
    pool_id            text NOT NULL REFERENCES user_pools (id) ON DELETE CASCADE,
    notification_id    text NOT NULL,
    user_sub           text NOT NULL,
    event_id           text NOT NULL,
    recipient          text,
    sender             text NOT NULL,
    reply_to           text,
    subject            text NOT NULL,
    html_body          text,
    text_body          text,
    status             text NOT NULL,
    attempts           integer NOT NULL,
    created_nanos      bigint NOT NULL,
    next_attempt_nanos bigint,
    last_error         text,
    PRIMARY KEY (pool_id, notification_id)
);

-- the listing: newest first per pool
CREATE INDEX notifications_newest ON notifications (pool_id, created_nanos DESC, notification_id DESC);
-- the senders' queue: only the pending ones
CREATE INDEX notifications_due ON notifications (next_attempt_nanos) WHERE status = 'Pending';
