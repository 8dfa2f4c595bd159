package dev.authfeedback.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * pgbench (PostgreSQL's own load tool, installed with the others) running SQL scripts against the
 * benchmark's database, each transaction one script picked at random: what the database does
 * without the server in front of it. Latencies come from its per-transaction log.
 */
final class Pgbench {

    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    private Pgbench() {
    }

    /** Runs {@code scripts} (SQL text each) with {@code clients} connections, prepared statements, one thread. */
    static NativeLoad.Slice run(String jdbcUrl, List<String> scripts, int clients, double seconds) {
        URI database = URI.create(jdbcUrl.substring("jdbc:".length()));
        Path directory;
        try {
            directory = Files.createTempDirectory("pgbench-");
            List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-M", "prepared", "-j", "1",
                    "-c", String.valueOf(clients), "-T", String.valueOf(Math.max(1, Math.round(seconds))),
                    "-h", database.getHost(), "-p", String.valueOf(database.getPort()), "-U", "postgres",
                    "-l", "--log-prefix=" + directory.resolve("tx")));
            for (int i = 0; i < scripts.size(); i++) {
                Path script = directory.resolve("script" + i + ".sql");
                Files.writeString(script, scripts.get(i), StandardCharsets.UTF_8);
                command.addAll(List.of("-f", script.toString()));
            }
            command.add(database.getPath().substring(1));
            List<String> output = NativeLoad.runTimed(command, seconds);
            Matcher failed = FAILED.matcher(String.join("\n", output));
            long errors = failed.find() ? Long.parseLong(failed.group(1)) : 0;
            return fromLogs(directory, errors, NativeLoad.childCpuSeconds(output));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run pgbench", e);
        }
    }

    /**
     * Each log line: client, transaction, latency (µs), script, epoch seconds, microseconds. The
     * slice's time runs from the first transaction's start to the last one's end.
     */
    private static NativeLoad.Slice fromLogs(Path directory, long errors, double cpuSeconds) throws IOException {
        Histogram latencies = new Histogram(3);
        long transactions = 0;
        double first = Double.MAX_VALUE;
        double last = 0;
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(directory, "tx*")) {
            for (Path log : logs) {
                for (String line : Files.readAllLines(log)) {
                    String[] columns = line.split(" ");
                    long micros = Long.parseLong(columns[2]);
                    double end = Long.parseLong(columns[4]) + Long.parseLong(columns[5]) / 1e6;
                    first = Math.min(first, end - micros / 1e6);
                    last = Math.max(last, end);
                    latencies.recordValue(Math.max(1, micros));
                    transactions++;
                }
            }
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
        return new NativeLoad.Slice(transactions, errors, transactions == 0 ? 0 : last - first, latencies, cpuSeconds);
    }
}
