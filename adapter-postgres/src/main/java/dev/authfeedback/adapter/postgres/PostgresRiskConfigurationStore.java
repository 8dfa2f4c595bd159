package dev.authfeedback.adapter.postgres;

import static dev.authfeedback.adapter.postgres.Jdbc.instant;
import static dev.authfeedback.adapter.postgres.Jdbc.nanos;
import static dev.authfeedback.adapter.postgres.Jdbc.textArray;
import static dev.authfeedback.adapter.postgres.Jdbc.texts;

import dev.authfeedback.domain.model.AccountTakeoverEventAction;
import dev.authfeedback.domain.model.CompromisedCredentialsEventAction;
import dev.authfeedback.domain.model.EventFilter;
import dev.authfeedback.domain.model.RiskConfiguration;
import dev.authfeedback.domain.model.RiskConfiguration.AccountTakeover;
import dev.authfeedback.domain.model.RiskConfiguration.CompromisedCredentials;
import dev.authfeedback.domain.model.RiskConfiguration.LevelAction;
import dev.authfeedback.domain.model.RiskConfiguration.Notify;
import dev.authfeedback.domain.model.RiskConfiguration.NotifyEmail;
import dev.authfeedback.domain.model.RiskConfiguration.RiskExceptions;
import dev.authfeedback.domain.model.WireEnum;
import dev.authfeedback.domain.port.out.RiskConfigurationStore;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Risk configurations in {@code risk_configurations}, one row per pool ('' client) and client. */
final class PostgresRiskConfigurationStore implements RiskConfigurationStore {

    private static final String COLUMNS = "pool_id, client_id, has_compromised, compromised_event_filter, "
            + "compromised_event_action, has_account_takeover, has_notify, notify_from, notify_reply_to, "
            + "notify_source_arn, block_email, no_action_email, mfa_email, level_actions, level_notify, "
            + "has_exceptions, blocked_ip_ranges, skipped_ip_ranges, last_modified_nanos";

    private final Jdbc jdbc;
    private final PoolCache cache;

    PostgresRiskConfigurationStore(Jdbc jdbc, PoolCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    @Override
    public Optional<RiskConfiguration> find(String poolId, String clientId) {
        return cache.riskConfiguration(poolId, clientId, () -> read(poolId, clientId));
    }

    private Optional<RiskConfiguration> read(String poolId, String clientId) {
        return jdbc.queryOne("find risk configuration", "SELECT " + COLUMNS
                + " FROM risk_configurations WHERE pool_id = ? AND client_id = ?", statement -> {
                    statement.setString(1, poolId);
                    statement.setString(2, clientId == null ? "" : clientId);
                }, PostgresRiskConfigurationStore::configuration);
    }

    @Override
    public boolean put(RiskConfiguration configuration) {
        try {
            return write(configuration);
        } finally {
            cache.riskConfigurationsChanged(configuration.userPoolId()); // this server reads its own writes at once
        }
    }

    private boolean write(RiskConfiguration configuration) {
        return jdbc.withConnection("put risk configuration", connection -> {
            try {
                Jdbc.update(connection, "INSERT INTO risk_configurations (" + COLUMNS + ") VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (pool_id, client_id) DO "
                        + "UPDATE SET " + updates(), statement -> bind(connection, statement, configuration));
                return true;
            } catch (SQLException failure) {
                if (Jdbc.referencedRowMissing(failure)) {
                    return false;
                }
                throw failure;
            }
        });
    }

    @Override
    public void remove(String poolId, String clientId) {
        try {
            delete(poolId, clientId);
        } finally {
            cache.riskConfigurationsChanged(poolId);
        }
    }

    private void delete(String poolId, String clientId) {
        jdbc.update("remove risk configuration", "DELETE FROM risk_configurations WHERE pool_id = ? AND client_id = ?",
                statement -> {
                    statement.setString(1, poolId);
                    statement.setString(2, clientId == null ? "" : clientId);
                });
    }

    private static String updates() {
        StringBuilder set = new StringBuilder();
        for (String column : COLUMNS.split(", ")) {
            if (!column.equals("pool_id") && !column.equals("client_id")) {
                set.append(set.isEmpty() ? "" : ", ").append(column).append(" = EXCLUDED.").append(column);
            }
        }
        return set.toString();
    }

    private static void bind(Connection connection, PreparedStatement statement, RiskConfiguration configuration)
            throws SQLException {
        CompromisedCredentials compromised = configuration.compromisedCredentials();
        AccountTakeover takeover = configuration.accountTakeover();
        Notify notify = takeover == null ? null : takeover.notifyConfiguration();
        RiskExceptions exceptions = configuration.riskExceptions();
        statement.setString(1, configuration.userPoolId());
        statement.setString(2, configuration.clientId() == null ? "" : configuration.clientId());
        statement.setBoolean(3, compromised != null);
        statement.setArray(4, compromised == null ? null
                : textArray(connection, compromised.eventFilter().stream().map(WireEnum::wireValue).toList()));
        statement.setString(5, compromised == null ? null : compromised.eventAction().wireValue());
        statement.setBoolean(6, takeover != null);
        statement.setBoolean(7, notify != null);
        statement.setString(8, notify == null ? null : notify.from());
        statement.setString(9, notify == null ? null : notify.replyTo());
        statement.setString(10, notify == null ? null : notify.sourceArn());
        statement.setArray(11, email(connection, notify == null ? null : notify.blockEmail()));
        statement.setArray(12, email(connection, notify == null ? null : notify.noActionEmail()));
        statement.setArray(13, email(connection, notify == null ? null : notify.mfaEmail()));
        List<LevelAction> levels = takeover == null ? Arrays.asList(null, null, null)
                : Arrays.asList(takeover.lowAction(), takeover.mediumAction(), takeover.highAction());
        statement.setArray(14, connection.createArrayOf("text", levels.stream()
                .map(level -> level == null ? null : level.eventAction().wireValue()).toArray()));
        statement.setArray(15, connection.createArrayOf("boolean", levels.stream()
                .map(level -> level != null && level.notifies()).toArray()));
        statement.setBoolean(16, exceptions != null);
        statement.setArray(17, exceptions == null ? null : textArray(connection, exceptions.blockedIpRanges()));
        statement.setArray(18, exceptions == null ? null : textArray(connection, exceptions.skippedIpRanges()));
        statement.setLong(19, nanos(configuration.lastModifiedDate()));
    }

    private static Array email(Connection connection, NotifyEmail email) throws SQLException {
        return email == null ? null : connection.createArrayOf("text",
                new Object[] {email.subject(), email.htmlBody(), email.textBody()});
    }

    private static RiskConfiguration configuration(ResultSet row) throws SQLException {
        String clientId = row.getString("client_id");
        CompromisedCredentials compromised = !row.getBoolean("has_compromised") ? null : new CompromisedCredentials(
                texts(row, "compromised_event_filter").stream()
                        .map(value -> WireEnum.parseValidated(EventFilter.class, value)).toList(),
                WireEnum.parseValidated(CompromisedCredentialsEventAction.class,
                        row.getString("compromised_event_action")));
        AccountTakeover takeover = null;
        if (row.getBoolean("has_account_takeover")) {
            Notify notify = !row.getBoolean("has_notify") ? null : new Notify(row.getString("notify_from"),
                    row.getString("notify_reply_to"), row.getString("notify_source_arn"), email(row, "block_email"),
                    email(row, "no_action_email"), email(row, "mfa_email"));
            List<String> actions = texts(row, "level_actions");
            Boolean[] notifies = (Boolean[]) row.getArray("level_notify").getArray();
            List<LevelAction> levels = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                levels.add(actions.get(i) == null ? null : new LevelAction(notifies[i],
                        WireEnum.parseValidated(AccountTakeoverEventAction.class, actions.get(i))));
            }
            takeover = new AccountTakeover(notify, levels.get(0), levels.get(1), levels.get(2));
        }
        RiskExceptions exceptions = !row.getBoolean("has_exceptions") ? null
                : new RiskExceptions(texts(row, "blocked_ip_ranges"), texts(row, "skipped_ip_ranges"));
        return new RiskConfiguration(row.getString("pool_id"), clientId.isEmpty() ? null : clientId, compromised,
                takeover, exceptions, instant(row.getLong("last_modified_nanos")));
    }

    private static NotifyEmail email(ResultSet row, String column) throws SQLException {
        List<String> parts = texts(row, column);
        return parts.isEmpty() ? null : new NotifyEmail(parts.get(0), parts.get(1), parts.get(2));
    }
}
