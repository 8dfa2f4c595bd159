package dev.authfeedback.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every benchmark runs for a moment in the normal test run, so that none of them rots. No figure is
 * judged here: on a shared 2-core machine in seconds they mean nothing; the real run reports them.
 */
class BenchmarksSmokeTest {

    @Test
    void theWholeBenchmarkCommandRunsAndWritesItsFiguresInQuickMode(@TempDir Path out) throws Exception {
        Results results = RunBenchmarks.run("--quick", "--out", out.toString());
        for (String key : List.of(
                "jmh.memory.hot.adminUpdateAuthEventFeedback.ns_per_op",
                "jmh.memory.hot.adminUpdateAuthEventFeedback.bytes_per_op",
                "jmh.memory.spread.updateAuthEventFeedback.ns_per_op",
                "jmh.memory.hot.recordAuthEvent.ns_per_op",
                "jmh.memory.hot.adminListUserAuthEvents.ns_per_op",
                "jmh.memory.hot.requestFailingValidation.ns_per_op",
                "jmh.postgres.hot.adminUpdateAuthEventFeedback.ns_per_op",
                "jmh.memory.history_10.recordAuthEventEvaluated.ns_per_op",
                "jmh.memory.history_10000.recordAuthEventEvaluated.ns_per_op",
                "http.throughput_ratio", "http.p99_ms", "http.cpu_ratio", "http.user_feedback.throughput_ratio",
                "http.record_evaluated.throughput_ratio", "grpc.throughput_ratio", "postgres.http.throughput_ratio",
                "postgres.http.record_evaluated.rps",
                "scale.heap_bytes_per_event", "scale.admin_feedback.growth_ratio", "scale.startup_ms",
                "postgres_scale.bytes_per_event", "postgres_scale.admin_feedback.growth_ratio",
                "postgres.feedback_vs_pgbench.throughput_ratio", "http.admin_get_user.cpu_ratio",
                "http.throughput_ratio_low", "http.throughput_ratio_high", "http.cpu_ratio_low", "http.cpu_ratio_high",
                "grpc.cpu_ratio_low", "postgres.feedback_vs_pgbench.throughput_ratio_low")) {
            assertThat(results.get(key)).as(key).isInstanceOf(Number.class);
            assertThat(((Number) results.get(key)).doubleValue()).as(key).isFinite().isPositive();
        }
        assertThat(((Number) results.get("http.throughput_ratio_low")).doubleValue())
                .isLessThanOrEqualTo(((Number) results.get("http.throughput_ratio_high")).doubleValue());
        // pgbench is no process of the run's: its comparison has no CPU figures, so no CPU interval
        assertThat(results.get("postgres.feedback_vs_pgbench.cpu_ratio_low")).isNull();
        assertThat(Files.readString(out.resolve("latest.json"))).contains("\"http.throughput_ratio\"");
        assertThat(Files.readString(out.resolve("latest.md"))).contains("| `grpc.throughput_ratio` |");
    }

    /** The notifying target compares the mail server up with it unreachable: either name runs both. */
    @Test
    void namingOneNotifyingComparisonRunsBoth(@TempDir Path out) throws Exception {
        Results results = RunBenchmarks.run("--quick", "--skip-jmh", "--skip-scale", "--no-postgres",
                "--only=http.record_notified_smtp_down", "--out", out.toString());
        for (String key : List.of("http.record_notified_smtp_up.p99_ms", "http.record_notified_smtp_down.p99_ms",
                "notify.p99_smtp_down_over_up")) {
            assertThat(results.get(key)).as(key).isInstanceOf(Number.class);
        }
        assertThat(results.get("http.throughput_ratio")).as("a comparison not named").isNull();
    }
}
