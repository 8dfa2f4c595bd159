package dev.authfeedback.adapter.postgres;

import dev.authfeedback.domain.port.out.ServerPeers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This server's lease in {@code server_leases}, renewed every {@link #RENEW_EVERY}, and the count of
 * leases not expired: the servers sharing the database. A server that dies stops counting when its
 * lease runs out ({@link #LEASE}); one that stops gives its lease back. While the database cannot be
 * reached, the last count stands. Database time throughout, so clocks need not agree.
 */
final class ServerLeases implements ServerPeers, AutoCloseable {

    static final Duration LEASE = Duration.ofSeconds(3);
    static final Duration RENEW_EVERY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(ServerLeases.class);

    private final DataSource dataSource;
    private final String serverId = UUID.randomUUID().toString();
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "server-lease");
        thread.setDaemon(true);
        return thread;
    });
    private volatile int live = 1;

    ServerLeases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the lease now (the schema must be up to date) and renews it from then on. */
    void start() {
        renew();
        renewals.scheduleWithFixedDelay(this::renew, RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public int liveServers() {
        return live;
    }

    private void renew() {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lease = connection.prepareStatement("INSERT INTO server_leases (server_id, "
                    + "expires_at) VALUES (?, now() + make_interval(secs => ?)) ON CONFLICT (server_id) "
                    + "DO UPDATE SET expires_at = excluded.expires_at")) {
                lease.setString(1, serverId);
                lease.setDouble(2, LEASE.toMillis() / 1000.0);
                lease.executeUpdate();
            }
            try (PreparedStatement expired = connection.prepareStatement(
                    "DELETE FROM server_leases WHERE expires_at < now() - interval '1 minute'")) {
                expired.executeUpdate();
            }
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT count(*) FROM server_leases WHERE expires_at > now()");
                 ResultSet rows = count.executeQuery()) {
                rows.next();
                live = Math.max(1, rows.getInt(1));
            }
        } catch (SQLException | RuntimeException unreachable) {
            // the database's own health reports outages; the last count stands until it is back
            LOG.debug("could not renew the server lease: {}", unreachable.getMessage());
        }
    }

    /** Stops renewing and gives the lease back, so that the others count without this server at once. */
    @Override
    public void close() {
        renewals.shutdownNow();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement release = connection.prepareStatement("DELETE FROM server_leases WHERE server_id = ?")) {
            release.setString(1, serverId);
            release.executeUpdate();
        } catch (SQLException | RuntimeException unreachable) {
            LOG.debug("could not give the server lease back: {}", unreachable.getMessage());
        }
    }
}
