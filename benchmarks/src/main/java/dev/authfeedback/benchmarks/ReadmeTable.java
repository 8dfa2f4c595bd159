package dev.authfeedback.benchmarks;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The README's table of headline figures, made from a run's {@code latest.json} alone: each figure
 * with its target and whether the run met it, the date of the run and the machine it ran on. The
 * README holds it between two markers; {@code --readme} writes it there, and a test checks that what
 * is there is what {@code latest.json} gives.
 */
final class ReadmeTable {

    static final String BEGIN = "<!-- benchmark table: generated from benchmarks/results/latest.json -->";
    static final String END = "<!-- end of benchmark table -->";

    /** One row: what it shows, how its value reads from the figures, its target (null: reported only). */
    private record Row(String label, Function<Figures, String> value, Target target) {
    }

    /** A target: its words, and whether the figures meet it. */
    private record Target(String words, Function<Figures, Boolean> met) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("HTTP AdminUpdateAuthEventFeedback (SigV4): throughput vs bare Vert.x",
                    f -> f.ratio("http.throughput_ratio") + " (" + f.interval("http.throughput_ratio") + f.rps("http.rps")
                            + " vs " + f.rps("http.baseline_rps") + " req/s)",
                    new Target("≥ 0.85", f -> f.at("http.throughput_ratio") >= 0.85)),
            new Row("  server CPU per request vs bare Vert.x",
                    f -> f.ratio("http.cpu_ratio") + " (" + f.interval("http.cpu_ratio") + f.micros("http.cpu_us_per_request")
                            + " vs " + f.micros("http.baseline_cpu_us_per_request") + ")",
                    new Target("≤ 1.3", f -> f.at("http.cpu_ratio") <= 1.3)),
            new Row("  p99 at 64 connections vs bare Vert.x",
                    f -> f.ratio("http.p99_ratio") + " (" + f.millis("http.p99_ms") + " vs " + f.millis("http.baseline_p99_ms")
                            + ")", new Target("≤ 1.2", f -> f.at("http.p99_ratio") <= 1.2)),
            new Row("  load generator (wrk) share of the machine's CPU", f -> f.percent("http.generator_cpu_share"),
                    null),
            new Row("  the same against bare Vert.x on epoll too (equal transports): throughput / CPU / p99",
                    f -> f.ratios("http.same_transport"), null),
            new Row("HTTP UpdateAuthEventFeedback (token): throughput / CPU / p99 vs bare", f -> f.ratios("http.user_feedback"),
                    null),
            new Row("HTTP AdminGetUser (SigV4): throughput / CPU / p99 vs bare", f -> f.ratios("http.admin_get_user"), null),
            new Row("gRPC AdminUpdateAuthEventFeedback: throughput vs bare grpc-java (h2load)",
                    f -> f.ratio("grpc.throughput_ratio") + " (" + f.rps("grpc.rps") + " vs " + f.rps("grpc.baseline_rps")
                            + " req/s)", new Target("≥ 0.85", f -> f.at("grpc.throughput_ratio") >= 0.85)),
            new Row("HTTP RecordAuthEvent with evaluation (SigV4, 64 users): throughput / CPU / p99",
                    f -> f.rps("http.record_evaluated.rps") + " req/s / " + f.micros("http.record_evaluated.cpu_us_per_request")
                            + " / " + f.millis("http.record_evaluated.p99_ms"), null),
            new Row("  the same, every sign-in notifying, mail server up / unreachable: p99",
                    f -> f.millis("http.record_notified_smtp_up.p99_ms") + " / "
                            + f.millis("http.record_notified_smtp_down.p99_ms"),
                    new Target("unreachable not above up", f -> f.at("notify.p99_smtp_down_over_up") <= 1)),
            new Row("PostgreSQL: admin feedback over HTTP vs pgbench's UPDATE ... RETURNING, 64 clients: throughput",
                    f -> f.ratio("postgres.feedback_vs_pgbench.throughput_ratio") + " ("
                            + f.rps("postgres.feedback_vs_pgbench.rps") + " req/s vs "
                            + f.rps("postgres.feedback_vs_pgbench.baseline_rps") + " tx/s; fsync "
                            + f.text("postgres.feedback_vs_pgbench.fsync") + ", synchronous_commit "
                            + f.text("postgres.feedback_vs_pgbench.synchronous_commit") + ")",
                    new Target("≥ 1.5", f -> f.at("postgres.feedback_vs_pgbench.throughput_ratio") >= 1.5)),
            new Row("  p99 vs pgbench's",
                    f -> f.ratio("postgres.feedback_vs_pgbench.p99_ratio") + " ("
                            + f.millis("postgres.feedback_vs_pgbench.p99_ms") + " vs "
                            + f.millis("postgres.feedback_vs_pgbench.baseline_p99_ms") + ")",
                    new Target("≤ 1.0", f -> f.at("postgres.feedback_vs_pgbench.p99_ratio") <= 1.0)),
            new Row("HTTP on PostgreSQL, RecordAuthEvent with evaluation: throughput / CPU / p99",
                    f -> f.rps("postgres.http.record_evaluated.rps") + " req/s / "
                            + f.micros("postgres.http.record_evaluated.cpu_us_per_request") + " / "
                            + f.millis("postgres.http.record_evaluated.p99_ms"), null),
            new Row("PostgreSQL with 10,000,000 events of 100,000 users: disk per event (table and indexes)",
                    f -> f.bytes("postgres_scale.bytes_per_event_at_10000000"), null),
            new Row("  admin feedback / a page of the list / record, µs at 10,000 → 10,000,000 events",
                    f -> f.number("postgres_scale.admin_feedback.us_at_10000", "%.0f") + " → "
                            + f.number("postgres_scale.admin_feedback.us_at_10000000", "%.0f") + " / "
                            + f.number("postgres_scale.list_page.us_at_10000", "%.0f") + " → "
                            + f.number("postgres_scale.list_page.us_at_10000000", "%.0f") + " / "
                            + f.number("postgres_scale.record.us_at_10000", "%.0f") + " → "
                            + f.number("postgres_scale.record.us_at_10000000", "%.0f"),
                    new Target("flat (within 1.5×)", f -> f.at("postgres_scale.admin_feedback.growth_ratio") <= 1.5
                            && f.at("postgres_scale.list_page.growth_ratio") <= 1.5
                            && f.at("postgres_scale.record.growth_ratio") <= 1.5)),
            new Row("  the database's part per call at 10,000 → 10,000,000: statements, 8 kB pages touched (read in "
                    + "from outside shared buffers), WAL bytes",
                    f -> String.join("; ", databasePart(f, "admin_feedback", "feedback"),
                            databasePart(f, "list_page", "list"), databasePart(f, "record", "record")), null),
            new Row("Domain AdminUpdateAuthEventFeedback (hot)",
                    f -> f.nanos("jmh.memory.hot.adminUpdateAuthEventFeedback.ns_per_op") + ", "
                            + f.bytes("jmh.memory.hot.adminUpdateAuthEventFeedback.bytes_per_op"),
                    new Target("≤ 1 µs, ≤ 200 B", f -> f.at("jmh.memory.hot.adminUpdateAuthEventFeedback.ns_per_op") <= 1000
                            && f.at("jmh.memory.hot.adminUpdateAuthEventFeedback.bytes_per_op") <= 200)),
            new Row("Domain UpdateAuthEventFeedback (hot, token verified)",
                    f -> f.nanos("jmh.memory.hot.updateAuthEventFeedback.ns_per_op"),
                    new Target("≤ 3 µs", f -> f.at("jmh.memory.hot.updateAuthEventFeedback.ns_per_op") <= 3000)),
            new Row("Domain RecordAuthEvent with risk evaluation, 10 / 10,000 earlier events",
                    f -> f.nanos("jmh.memory.history_10.recordAuthEventEvaluated.ns_per_op") + " / "
                            + f.nanos("jmh.memory.history_10000.recordAuthEventEvaluated.ns_per_op"),
                    new Target("≤ 5 µs each", f -> f.at("jmh.memory.history_10.recordAuthEventEvaluated.ns_per_op") <= 5000
                            && f.at("jmh.memory.history_10000.recordAuthEventEvaluated.ns_per_op") <= 5000)),
            new Row("Heap per stored event with feedback (1,000,000 events)",
                    f -> f.bytes("scale.heap_bytes_per_event"),
                    new Target("≤ 512 B", f -> f.at("scale.heap_bytes_per_event") <= 512)),
            new Row("Start-up to ready (JVM start included)", f -> f.number("scale.startup_ms", "%.0f ms"),
                    new Target("≤ 1.5 s", f -> f.at("scale.startup_ms") <= 1500)));

    private ReadmeTable() {
    }

    /** The table, with the run's date and machine, from a {@code latest.json} document. */
    static String render(JsonObject latest) {
        Figures figures = new Figures(latest.getJsonObject("figures"));
        JsonObject machine = latest.getJsonObject("machine");
        StringBuilder table = new StringBuilder();
        table.append("Measured ").append(latest.getString("written", "at an unrecorded time"))
                .append(" UTC on ").append(machine.getString("cores")).append(" cores (")
                .append(machine.getString("cpu")).append("), ").append(machine.getString("memory"))
                .append(" memory, ").append(machine.getString("jdk")).append(", ").append(machine.getString("os"))
                .append("; load generators on the same cores.\n\n");
        table.append("| figure | latest | target | |\n|---|---|---|---|\n");
        for (Row row : ROWS) {
            String value = figures.complete(row.value());
            String verdict = row.target() == null || value == null ? ""
                    : figures.complete(f -> row.target().met().apply(f) ? "met" : "missed");
            table.append("| ").append(row.label()).append(" | ").append(value == null ? "not measured" : value)
                    .append(" | ").append(row.target() == null ? "" : row.target().words()).append(" | ")
                    .append(verdict == null ? "" : verdict).append(" |\n");
        }
        return table.toString();
    }

    /** The README with the table between its markers replaced by one made from {@code latest}. */
    static String rewrite(String readme, JsonObject latest) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("the README has no benchmark table markers");
        }
        return readme.substring(0, begin + BEGIN.length()) + "\n" + render(latest) + readme.substring(end);
    }

    /** Rewrites {@code readme} in place from {@code latestJson}. */
    static void update(Path readme, Path latestJson) {
        try {
            JsonObject latest = new JsonObject(Files.readString(latestJson, StandardCharsets.UTF_8));
            Files.writeString(readme, rewrite(Files.readString(readme, StandardCharsets.UTF_8), latest),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + readme, e);
        }
    }

    /** One operation's database figures at the smallest and largest size: "feedback 1.0 → 1.9, 6 → 9 (0.0 → 2.7), ..." */
    private static String databasePart(Figures f, String operation, String name) {
        String key = "postgres_scale." + operation + ".";
        return name + " " + f.number(key + "statements_per_call_at_10000", "%.1f") + " → "
                + f.number(key + "statements_per_call_at_10000000", "%.1f") + ", "
                + f.number(key + "pages_per_call_at_10000", "%.0f") + " → "
                + f.number(key + "pages_per_call_at_10000000", "%.0f") + " ("
                + f.number(key + "pages_read_per_call_at_10000", "%.1f") + " → "
                + f.number(key + "pages_read_per_call_at_10000000", "%.1f") + "), "
                + f.number(key + "wal_bytes_per_call_at_10000", "%.0f") + " → "
                + f.number(key + "wal_bytes_per_call_at_10000000", "%.0f") + " B";
    }

    /** The figures, read as the table shows them; a figure the run lacks makes its row "not measured". */
    private record Figures(JsonObject values) {

        /** The row's text, or null when a figure it needs is missing. */
        String complete(Function<Figures, String> text) {
            try {
                return text.apply(this);
            } catch (MissingFigure missing) {
                return null;
            }
        }

        double at(String key) {
            Object value = values.getValue(key);
            if (!(value instanceof Number number)) {
                throw new MissingFigure();
            }
            return number.doubleValue();
        }

        String text(String key) {
            Object value = values.getValue(key);
            if (value == null) {
                throw new MissingFigure();
            }
            return value.toString();
        }

        String number(String key, String format) {
            return String.format(Locale.ROOT, format, at(key));
        }

        String ratio(String key) {
            return number(key, "%.2f");
        }

        String rps(String key) {
            return number(key, "%.0f");
        }

        String micros(String key) {
            return number(key, "%.1f µs");
        }

        String millis(String key) {
            return number(key, "%.2f ms");
        }

        String nanos(String key) {
            return number(key, "%.0f ns");
        }

        String bytes(String key) {
            return number(key, "%.0f B");
        }

        String percent(String key) {
            return String.format(Locale.ROOT, "%.0f %%", 100 * at(key));
        }

        /** "95 % interval 0.74-0.86; " when the run gives the ratio's interval, else nothing. */
        String interval(String ratioKey) {
            if (!(values.getValue(ratioKey + "_low") instanceof Number)
                    || !(values.getValue(ratioKey + "_high") instanceof Number)) {
                return "";
            }
            return "95 % interval " + ratio(ratioKey + "_low") + "–" + ratio(ratioKey + "_high") + "; ";
        }

        String ratios(String prefix) {
            return ratio(prefix + ".throughput_ratio") + " / " + ratio(prefix + ".cpu_ratio") + " / "
                    + ratio(prefix + ".p99_ratio");
        }
    }

    private static final class MissingFigure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingFigure() {
            super(null, null, false, false);
        }
    }
}
