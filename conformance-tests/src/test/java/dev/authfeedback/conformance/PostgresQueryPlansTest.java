package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authfeedback.adapter.postgres.PostgresSettings;
import dev.authfeedback.adapter.postgres.PostgresStorage;
import dev.authfeedback.domain.port.out.Stores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract once more, on a PostgreSQL server that explains every statement it runs
 * (auto_explain, every plan logged) and may scan a table only when no index can serve the query
 * (sequential scans disabled, so the planner takes any index there is). Afterwards each plan is
 * read: a statement of the stores that still scans one of the schema's tables has no index to go
 * by, and would cost more with every stored row. What the contract runs is every store method.
 */
class PostgresQueryPlansTest extends StoreContract {

    // server_leases is left out: one row per live server, rows gone a minute after a server stops
    private static final Set<String> TABLES = Set.of("user_pools", "users", "user_aliases", "auth_events",
            "risk_configurations", "user_risk_profiles", "pool_risk_counts", "token_signing_keys", "notifications");
    /** Passes over a whole table on purpose, once, when a server starts: a migration, encrypting stored keys. */
    private static final List<String> ONCE_AT_START = List.of(
            "Query Text: INSERT INTO token_signing_keys (pool_id, key_id, secret, created_nanos)\nSELECT",
            "Query Text: SELECT pool_id, key_id, secret FROM token_signing_keys FOR UPDATE");
    private static final Pattern SCAN = Pattern.compile("Seq Scan on (\\w+)");
    private static Path log;
    private static EmbeddedPostgres server;
    private static PostgresStorage storage;

    @BeforeAll
    static void startExplainingServer() throws IOException {
        log = Files.createTempFile("postgres-plans-", ".log");
        server = EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "auto_explain")
                .setServerConfig("auto_explain.log_min_duration", "0")
                .setServerConfig("auto_explain.log_nested_statements", "on")
                .setServerConfig("enable_seqscan", "off")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        storage = PostgresStorage.open(new PostgresSettings(server.getJdbcUrl("postgres", "postgres"), "postgres",
                "postgres"));
        assertThat(storage.start()).isTrue();
    }

    @AfterAll
    static void everyPlanUsesAnIndex() throws IOException {
        storage.close();
        server.close();
        List<String> plans = plans(Files.readString(log, StandardCharsets.UTF_8));
        Files.deleteIfExists(log);
        List<String> scanning = new ArrayList<>();
        Set<String> explained = new TreeSet<>();
        for (String plan : plans) {
            if (ONCE_AT_START.stream().anyMatch(plan::startsWith)) {
                continue;
            }
            Matcher scan = SCAN.matcher(plan);
            while (scan.find()) {
                if (TABLES.contains(scan.group(1))) {
                    scanning.add(plan);
                    break;
                }
            }
            for (String table : TABLES) {
                if (plan.contains(" on " + table + " ") || plan.contains(" on " + table + "\n")
                        || plan.contains("using " + table)) {
                    explained.add(table);
                }
            }
        }
        // the check can fail only if plans were read: the log must hold the stores' statements
        assertThat(plans).as("plans logged by auto_explain").hasSizeGreaterThan(100);
        assertThat(explained).as("tables whose statements were explained")
                .contains("user_pools", "users", "user_aliases", "auth_events", "token_signing_keys", "notifications");
        assertThat(scanning).as("statements that scan a table for want of an index").isEmpty();
    }

    /** auto_explain's entries: "duration: ... plan:" then indented lines (the query text, then the plan). */
    static List<String> plans(String serverLog) {
        List<String> plans = new ArrayList<>();
        StringBuilder current = null;
        for (String line : serverLog.split("\n")) {
            if (line.contains("plan:")) {
                if (current != null) {
                    plans.add(current.toString());
                }
                current = new StringBuilder();
            } else if (current != null && (line.startsWith("\t") || line.startsWith(" "))) {
                current.append(line.strip()).append('\n');
            } else if (current != null) {
                plans.add(current.toString());
                current = null;
            }
        }
        if (current != null) {
            plans.add(current.toString());
        }
        return plans;
    }

    @Override
    protected Stores newStores() {
        return PostgresTestDatabase.emptied(storage);
    }

    @Override
    protected boolean blocks() {
        return true;
    }
}
