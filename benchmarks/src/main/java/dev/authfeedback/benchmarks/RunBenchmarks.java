package dev.authfeedback.benchmarks;

import dev.authfeedback.conformance.PostgresTestDatabase;
import dev.authfeedback.server.AuthFeedbackServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The one command: JMH for the core (in memory and on PostgreSQL), the load runs against bare
 * baselines, and the scale run. Prints a table and writes {@code latest.md} and {@code latest.json}.
 *
 * <p>Flags: {@code --quick} (seconds instead of minutes, for smoke tests), {@code --no-postgres},
 * {@code --skip-jmh}, {@code --skip-load}, {@code --skip-scale}, {@code --out DIR}
 * (default {@code benchmarks/results}), {@code --server-jvm-option=OPTION} (repeatable; for the
 * project's server in the load runs, e.g. {@code -XX:StartFlightRecording=filename=server.jfr}),
 * {@code --only=NAME,...} (only these load comparisons, e.g. {@code http,postgres.http}). A complete run
 * into the default directory also rewrites the README's table; {@code --readme} only does that.
 */
public final class RunBenchmarks {

    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        run(args);
        System.exit(0); // JMH and Vert.x leave non-daemon threads behind
    }

    /** Runs what the flags ask for, prints the table, writes the files, and answers the figures. */
    static Results run(String... args) throws Exception {
        List<String> flags = Arrays.asList(args);
        if (flags.contains("--readme")) {
            ReadmeTable.update(Path.of("README.md"), Path.of("benchmarks", "results", "latest.json"));
            System.out.println("README.md's benchmark table rewritten from benchmarks/results/latest.json");
            return new Results();
        }
        boolean quick = flags.contains("--quick");
        boolean postgres = !flags.contains("--no-postgres");
        int outIndex = flags.indexOf("--out");
        Path out = outIndex >= 0 ? Path.of(args[outIndex + 1]) : Path.of("benchmarks", "results");
        Results results = new Results();
        Map<String, String> machine = machine();
        if (postgres) {
            // the load and scale runs' database commits as PostgreSQL does by default: to disk
            PostgresTestDatabase.startDurable();
        }
        if (!flags.contains("--skip-jmh")) {
            jmh(results, quick, postgres);
        }
        if (!flags.contains("--skip-load")) {
            LoadRun.Plan plan = quick ? new LoadRun.Plan(1, 0.5, 2, 8) : new LoadRun.Plan(30, 3, 8, 64);
            List<String> serverJvm = flags.stream().filter(flag -> flag.startsWith("--server-jvm-option="))
                    .map(flag -> flag.substring("--server-jvm-option=".length())).toList();
            List<String> only = flags.stream().filter(flag -> flag.startsWith("--only="))
                    .flatMap(flag -> Arrays.stream(flag.substring("--only=".length()).split(","))).toList();
            new LoadRun(plan, results, serverJvm, name -> only.isEmpty() || only.contains(name)).run(postgres);
            targets(results);
        }
        if (!flags.contains("--skip-scale")) {
            scale(results, quick);
            if (postgres) {
                postgresScale(results, quick);
            }
        }
        String title = quick ? "Benchmark smoke run (--quick: figures not meaningful)" : "Benchmark results";
        System.out.println(results.table(machine));
        results.write(out, machine, title);
        System.out.println("written: " + out.resolve("latest.md") + " and " + out.resolve("latest.json"));
        boolean complete = flags.stream().noneMatch(flag -> flag.startsWith("--skip") || flag.startsWith("--only")
                || flag.equals("--no-postgres") || flag.equals("--quick"));
        if (complete && outIndex < 0 && Files.exists(Path.of("README.md"))) {
            ReadmeTable.update(Path.of("README.md"), out.resolve("latest.json"));
            System.out.println("README.md's benchmark table rewritten from them");
        }
        return results;
    }

    private static void jmh(Results results, boolean quick, boolean postgres) throws RunnerException {
        run(results, quick, "memory", new String[] {"hot", "spread"});
        risk(results, quick);
        if (postgres) {
            run(results, quick, "postgres", new String[] {"hot"});
        }
    }

    private static void run(Results results, boolean quick, String store, String[] datasets) throws RunnerException {
        LoadRun.progress("JMH: the use cases on the " + store + " store (" + String.join(", ", datasets) + ")");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(DomainBenchmarks.class.getName())
                .param("store", store)
                .param("dataset", datasets);
        for (RunResult run : jmhRuns(options, quick)) {
            String benchmark = run.getParams().getBenchmark();
            String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            put(results, "jmh." + store + "." + run.getParams().getParam("dataset") + "." + name, run);
        }
        results.note("jmh.memory.hot.adminUpdateAuthEventFeedback.ns_per_op", "target ≤ 1000 ns");
        results.note("jmh.memory.hot.adminUpdateAuthEventFeedback.bytes_per_op", "target ≤ 200 B");
        results.note("jmh.memory.hot.updateAuthEventFeedback.ns_per_op", "target ≤ 3000 ns");
    }

    /** RecordAuthEvent with evaluation for a user with 10 and with 10,000 earlier sign-ins. */
    private static void risk(Results results, boolean quick) throws RunnerException {
        LoadRun.progress("JMH: RecordAuthEvent with risk evaluation, 10 and 10,000 earlier events");
        ChainedOptionsBuilder options = new OptionsBuilder().include(RiskBenchmarks.class.getName());
        for (RunResult run : jmhRuns(options, quick)) {
            put(results, "jmh.memory.history_" + run.getParams().getParam("history") + ".recordAuthEventEvaluated",
                    run);
        }
        results.note("jmh.memory.history_10.recordAuthEventEvaluated.ns_per_op", "target ≤ 5000 ns");
        results.note("jmh.memory.history_10000.recordAuthEventEvaluated.ns_per_op",
                "target ≤ 5000 ns, as with 10 events");
    }

    private static void put(Results results, String prefix, RunResult run) {
        results.put(prefix + ".ns_per_op", run.getPrimaryResult().getScore());
        results.put(prefix + ".ns_per_op_error", run.getPrimaryResult().getScoreError());
        var allocation = run.getSecondaryResults().get("gc.alloc.rate.norm");
        if (allocation != null) {
            results.put(prefix + ".bytes_per_op", allocation.getScore());
        }
    }

    private static Collection<RunResult> jmhRuns(ChainedOptionsBuilder options, boolean quick) throws RunnerException {
        options.addProfiler(GCProfiler.class).shouldFailOnError(true);
        if (quick) {
            options.forks(0).verbosity(VerboseMode.SILENT).warmupIterations(1).warmupTime(TimeValue.milliseconds(200))
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(200));
            System.setProperty("bench.spreadUsers", "2000");
            System.setProperty("bench.listEvents", "1000");
        } else {
            // a fixed, pre-touched heap: a growing one had the kernel zero fresh pages mid-iteration
            // (a quarter of the CPU samples), which swung iterations of one benchmark by up to 8 times
            options.forks(1).jvmArgs("-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch", "-XX:+UseParallelGC")
                    .warmupIterations(3)
                    .warmupTime(TimeValue.seconds(2)).measurementIterations(5).measurementTime(TimeValue.seconds(2));
        }
        return new Runner(options.build()).run();
    }

    private static void targets(Results results) {
        results.note("http.throughput_ratio", "target ≥ 0.85");
        results.note("http.cpu_ratio", "target ≤ 1.3");
        results.note("http.p99_ms", "target ≤ 5 ms");
        results.note("grpc.throughput_ratio", "target ≥ 0.85");
    }

    private static void scale(Results results, boolean quick) {
        String[] sizes = quick ? new String[] {"1000", "10000"} : new String[] {"1000", "10000", "100000", "1000000"};
        List<String> jvm = new ArrayList<>(List.of(quick ? "-Xmx1g" : "-Xmx8g", "-XX:+UseParallelGC"));
        if (quick) {
            jvm.add("-Dbench.scaleRounds=2000");
        }
        LoadRun.progress("scale: storing up to " + sizes[sizes.length - 1] + " events in a JVM of its own");
        try (ChildProcess scale = ChildProcess.java(jvm, ScaleRun.class, sizes)) {
            results.putAll(new JsonObject(scale.awaitLine("result ", 1800).substring("result ".length())));
        }
        results.note("scale.heap_bytes_per_event", "target ≤ 512 B");
        results.put("scale.startup_ms", startupMillis(quick ? 1 : 5));
        results.note("scale.startup_ms", "target ≤ 1500 ms (JVM start included)");
    }

    /** The database grown to 10 million events (a few thousand in quick mode), in a JVM of its own. */
    private static void postgresScale(Results results, boolean quick) {
        String[] sizes = quick ? new String[] {"1000", "10000"} : new String[] {"10000", "1000000", "10000000"};
        LoadRun.progress("postgres scale: growing a database to " + sizes[sizes.length - 1] + " events");
        List<String> arguments = new ArrayList<>(List.of(PostgresTestDatabase.newDatabase()));
        arguments.addAll(List.of(sizes));
        List<String> jvm = quick ? List.of("-Xmx512m", "-Dbench.scaleRounds=50") : List.of("-Xmx1g");
        try (ChildProcess scale = ChildProcess.java(jvm, PostgresScaleRun.class, arguments.toArray(new String[0]))) {
            results.putAll(new JsonObject(scale.awaitLine("result ", 3600).substring("result ".length())));
        }
    }

    /** Median time from starting the server's JVM to its ready line. */
    private static double startupMillis(int runs) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            try (ChildProcess server = ChildProcess.java(List.of("-Xmx1g"), AuthFeedbackServer.class,
                    "--http-port", "0", "--grpc-port", "0", "--credentials", "AKIDSTART:secret",
                    "--grpc-admin-keys", "key")) {
                server.awaitLine("ready ", 60);
                times.add((System.nanoTime() - started) / 1e6);
            }
        }
        times.sort(Double::compare);
        return times.get(times.size() / 2);
    }

    private static Map<String, String> machine() {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        try {
            Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().ifPresent(line -> machine.put("cpu", line.substring(line.indexOf(':') + 1).strip()));
            Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                    .findFirst().ifPresent(line -> machine.put("memory", line.substring(line.indexOf(':') + 1).strip()));
        } catch (IOException notLinux) {
            machine.put("cpu", System.getProperty("os.arch"));
        }
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return machine;
    }
}
