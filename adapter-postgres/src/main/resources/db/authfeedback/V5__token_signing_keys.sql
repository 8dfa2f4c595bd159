-- Token signing keys leave the pool row: a table of their own, so that no query of a pool reads
-- one, with the dates rotation needs. The secret is "plain:<base64>" or, with a master key,
-- "aes-gcm:<master key id>:<base64>" (the server encrypts plain ones at start).
CREATE TABLE token_signing_keys (
    pool_id       text NOT NULL REFERENCES user_pools (id) ON DELETE CASCADE,
    key_id        text NOT NULL,
    secret        text NOT NULL,
    created_nanos bigint NOT NULL,
    -- null while the key is the pool's current one
    retires_nanos bigint,
    PRIMARY KEY (pool_id, key_id)
);

-- the pool's only current key
CREATE UNIQUE INDEX token_signing_keys_current ON token_signing_keys (pool_id) WHERE retires_nanos IS NULL;

INSERT INTO token_signing_keys (pool_id, key_id, secret, created_nanos)
SELECT id, split_part(token_signing_keys[array_upper(token_signing_keys, 1)], ':', 1),
       'plain:' || split_part(token_signing_keys[array_upper(token_signing_keys, 1)], ':', 2), creation_nanos
FROM user_pools;

ALTER TABLE user_pools DROP COLUMN token_signing_keys;
