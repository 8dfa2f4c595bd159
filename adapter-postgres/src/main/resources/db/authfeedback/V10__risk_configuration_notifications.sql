-- Servers keep risk configurations in memory as they keep pools and users (V8), and keep their
-- absence too, since most pools and clients have none: so an insert notifies as well as an update
-- or a delete, naming the pool: "risk <pool id>".
CREATE FUNCTION notify_risk_configurations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- NEW is null on DELETE, OLD on INSERT
    PERFORM pg_notify('authfeedback_changes', 'risk ' || COALESCE(NEW.pool_id, OLD.pool_id));
    RETURN NULL;
END
$$;

CREATE TRIGGER risk_configurations_changed AFTER INSERT OR UPDATE OR DELETE ON risk_configurations
    FOR EACH ROW EXECUTE FUNCTION notify_risk_configurations_changed();

CREATE TRIGGER risk_configurations_truncated AFTER TRUNCATE ON risk_configurations
    FOR EACH STATEMENT EXECUTE FUNCTION notify_all_changed();
