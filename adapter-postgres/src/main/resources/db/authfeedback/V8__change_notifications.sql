-- Servers keep pools and users in memory between requests; a change to either, made by any
-- server (or by hand), tells every listening server which pool it concerns when it commits:
-- "pool <id>" or "users <pool id>". Identical payloads within one transaction are delivered once,
-- so deleting a pool with many users sends one notification per kind.
CREATE FUNCTION notify_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- TG_ARGV: the kind, then the column naming the pool
    PERFORM pg_notify('authfeedback_changes', TG_ARGV[0] || ' ' || (to_jsonb(OLD) ->> TG_ARGV[1]));
    RETURN NULL;
END
$$;

CREATE TRIGGER user_pools_changed AFTER UPDATE OR DELETE ON user_pools
    FOR EACH ROW EXECUTE FUNCTION notify_changed('pool', 'id');

CREATE TRIGGER users_changed AFTER UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION notify_changed('users', 'pool_id');

-- TRUNCATE fires no row triggers: it empties whole tables, so every kept row goes.
CREATE FUNCTION notify_all_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('authfeedback_changes', 'all');
    RETURN NULL;
END
$$;

CREATE TRIGGER user_pools_truncated AFTER TRUNCATE ON user_pools
    FOR EACH STATEMENT EXECUTE FUNCTION notify_all_changed();

CREATE TRIGGER users_truncated AFTER TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION notify_all_changed();
