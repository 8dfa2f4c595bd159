-- The servers sharing this database, each with a lease it renews: a pool's quota is split between
-- the live ones. Times are the database's, so that servers' clocks need not agree.
CREATE TABLE server_leases (
    server_id  text PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
