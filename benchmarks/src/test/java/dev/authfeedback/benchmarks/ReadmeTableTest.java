package dev.authfeedback.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's benchmark figures are the committed run's, as the generator renders them. */
class ReadmeTableTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theReadmeTableIsTheOneLatestJsonGives() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        JsonObject latest = new JsonObject(Files.readString(ROOT.resolve("benchmarks/results/latest.json"),
                StandardCharsets.UTF_8));
        assertThat(readme).contains(ReadmeTable.BEGIN).contains(ReadmeTable.END);
        assertThat(ReadmeTable.rewrite(readme, latest)).as("README.md as `java -jar benchmarks.jar --readme` "
                + "would write it").isEqualTo(readme);
    }

    @Test
    void aRatioIsShownWithItsIntervalWhenTheRunGivesOne() {
        JsonObject latest = runOfTheDay(new JsonObject().put("http.throughput_ratio", 0.7).put("http.rps", 70.0)
                .put("http.baseline_rps", 100.0).put("http.throughput_ratio_low", 0.62)
                .put("http.throughput_ratio_high", 0.79).put("http.cpu_ratio", 1.4)
                .put("http.cpu_us_per_request", 14.0).put("http.baseline_cpu_us_per_request", 10.0));
        assertThat(ReadmeTable.render(latest))
                .contains("| 0.70 (95 % interval 0.62–0.79; 70 vs 100 req/s) | ≥ 0.85 | missed |")
                .contains("| 1.40 (14.0 µs vs 10.0 µs) | ≤ 1.3 | missed |");
    }

    @Test
    void aFigureOffItsTargetIsMissedAndAMissingOneNotMeasured() {
        JsonObject latest = runOfTheDay(new JsonObject().put("http.throughput_ratio", 0.7).put("http.rps", 70.0)
                .put("http.baseline_rps", 100.0).put("grpc.throughput_ratio", 1.2).put("grpc.rps", 120.0)
                .put("grpc.baseline_rps", 100.0));
        String table = ReadmeTable.render(latest);
        assertThat(table).contains("Measured 2026-11-24T12:00:00 UTC on 2 cores (a CPU)")
                .contains("| HTTP AdminUpdateAuthEventFeedback (SigV4): throughput vs bare Vert.x | 0.70 (70 vs 100 req/s) "
                        + "| ≥ 0.85 | missed |")
                .contains("| 1.20 (120 vs 100 req/s) | ≥ 0.85 | met |")
                .contains("| Start-up to ready (JVM start included) | not measured | ≤ 1.5 s |  |");
    }

    /** A latest.json of a run on 2026-11-24 with these figures. */
    private static JsonObject runOfTheDay(JsonObject figures) {
        return new JsonObject().put("written", "2026-11-24T12:00:00")
                .put("machine", new JsonObject().put("cores", "2").put("cpu", "a CPU").put("memory", "1 kB")
                        .put("jdk", "a JDK").put("os", "an OS"))
                .put("figures", figures);
    }
}
