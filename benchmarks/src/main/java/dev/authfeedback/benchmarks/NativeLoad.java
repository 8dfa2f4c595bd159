package dev.authfeedback.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The load generators: wrk for HTTP/1.1 and h2load for gRPC, native programs from Debian's packages
 * (installed by {@code benchmarks/tools/install-load-tools.sh} where absent), so that the generator
 * costs a fraction of what a JVM generator would on the cores it shares with the servers. Each run
 * is a closed loop of N connections, one request in flight on each, for a slice of time, and
 * reports requests, errors, latencies and the generator's own CPU time (from the shell's
 * {@code times}, which counts a finished child's user and system time).
 */
final class NativeLoad {

    /** One HTTP request wrk sends in turn with the others: headers and a body. */
    record HttpRequest(Map<String, String> headers, String body) {
    }

    /** What one slice measured. Latencies in microseconds. */
    record Slice(long requests, long errors, double seconds, Histogram latencies, double generatorCpuSeconds) {
    }

    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");
    private static volatile boolean installed;

    private NativeLoad() {
    }

    /** wrk, one thread, {@code connections} connections, the requests in turn on each connection. */
    static Slice wrk(String host, int port, List<HttpRequest> requests, int connections, double seconds) {
        Path script = write("wrk-", ".lua", wrkScript(host, port, requests).getBytes(StandardCharsets.UTF_8));
        try {
            List<String> output = runTimed(List.of("wrk", "-t1", "-c" + connections,
                    "-d" + Math.max(1, Math.round(seconds)) + "s", "--timeout", "10s", "-s", script.toString(),
                    "http://" + host + ":" + port + "/"), seconds);
            int result = indexOfPrefix(output, "result ");
            String[] counts = output.get(result).split(" ");
            Histogram latencies = new Histogram(3);
            for (String line : output.subList(result + 1, indexOfPrefix(output, "end"))) {
                String[] valueCount = line.split(" ");
                latencies.recordValueWithCount(Math.max(1, Long.parseLong(valueCount[0])),
                        Long.parseLong(valueCount[1]));
            }
            return new Slice(Long.parseLong(counts[1]), Long.parseLong(counts[2]), Long.parseLong(counts[3]) / 1e6,
                    latencies, childCpuSeconds(output));
        } finally {
            delete(script);
        }
    }

    /**
     * h2load, one thread, {@code connections} HTTP/2 connections with one stream at a time each, the
     * same gRPC message (a length-prefixed protobuf) on every call. h2load counts HTTP statuses only,
     * so a gRPC failure (status 200, grpc-status in the trailers) is not an error to it: the caller
     * checks the call once through a gRPC client first.
     */
    static Slice h2loadGrpc(String host, int port, String method, Map<String, String> metadata, byte[] message,
                            int connections, double seconds) {
        byte[] framed = new byte[5 + message.length];
        framed[1] = (byte) (message.length >>> 24);
        framed[2] = (byte) (message.length >>> 16);
        framed[3] = (byte) (message.length >>> 8);
        framed[4] = (byte) message.length;
        System.arraycopy(message, 0, framed, 5, message.length);
        Path body = write("grpc-", ".bin", framed);
        Path log = write("h2load-", ".tsv", new byte[0]);
        try {
            List<String> command = new ArrayList<>(List.of("h2load", "-t1", "-c" + connections, "-m1",
                    "-D" + Math.max(1, Math.round(seconds * 1000)) + "ms", "-d", body.toString(),
                    "--log-file=" + log, "-H", "content-type: application/grpc", "-H", "te: trailers"));
            metadata.forEach((key, value) -> command.addAll(List.of("-H", key + ": " + value)));
            command.add("http://" + host + ":" + port + "/" + method);
            List<String> output = runTimed(command, seconds);
            Histogram latencies = new Histogram(3);
            long ok = 0;
            long failed = 0;
            long first = Long.MAX_VALUE;
            long last = 0;
            for (String line : Files.readAllLines(log)) {
                String[] columns = line.split("\t");
                long start = Long.parseLong(columns[0]);
                long micros = Long.parseLong(columns[2]);
                first = Math.min(first, start);
                last = Math.max(last, start + micros);
                if (columns[1].equals("200")) {
                    ok++;
                    latencies.recordValue(Math.max(1, micros));
                } else {
                    failed++;
                }
            }
            failed += notDone(output);
            return new Slice(ok, failed, ok == 0 ? seconds : (last - first) / 1e6, latencies, childCpuSeconds(output));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read h2load's log", e);
        } finally {
            delete(body);
            delete(log);
        }
    }

    /** Installs wrk, h2load and pgbench where absent (once per run). */
    static synchronized void install() {
        if (installed) {
            return;
        }
        Path script = Path.of("benchmarks", "tools", "install-load-tools.sh");
        if (!Files.exists(script)) {
            script = Path.of("tools", "install-load-tools.sh"); // run from the module's directory (tests)
        }
        try {
            Process process = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("the load tools could not be installed (" + script + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing the load tools", e);
        }
        installed = true;
    }

    /**
     * The wrk script: the requests formatted once, sent in turn, and at the end one line of counts
     * and the whole latency histogram (value and count per populated microsecond).
     */
    private static String wrkScript(String host, int port, List<HttpRequest> requests) {
        StringBuilder lua = new StringBuilder("local requests = {}\n");
        for (HttpRequest request : requests) {
            lua.append("requests[#requests + 1] = wrk.format(\"POST\", \"/\", {");
            lua.append("[\"Host\"] = ").append(luaString(host + ":" + port)).append(", ");
            request.headers().forEach((name, value) -> {
                if (!name.equalsIgnoreCase("host")) {
                    lua.append('[').append(luaString(name)).append("] = ").append(luaString(value)).append(", ");
                }
            });
            lua.append("}, ").append(luaString(request.body())).append(")\n");
        }
        lua.append("""
                local next_request = 0
                request = function()
                  next_request = next_request % #requests + 1
                  return requests[next_request]
                end
                done = function(summary, latency, requests)
                  local e = summary.errors
                  io.write("result ", summary.requests, " ", e.connect + e.read + e.write + e.status + e.timeout,
                    " ", summary.duration, "\\n")
                  for i = 1, #latency do
                    local value, count = latency(i)
                    io.write(value, " ", count, "\\n")
                  end
                  io.write("end\\n")
                end
                """);
        return lua.toString();
    }

    /** A Lua string literal: printable ASCII as is, quotes, backslashes and all else as decimal escapes. */
    private static String luaString(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                literal.append((char) c);
            } else {
                literal.append(String.format("\\%03d", c)); // three digits: a digit after it is not read as one
            }
        }
        return literal.append('"').toString();
    }

    /** Runs the command under bash, whose {@code times} then prints the command's CPU time; fails on a non-zero exit. */
    static List<String> runTimed(List<String> command, double seconds) {
        install();
        List<String> bash = new ArrayList<>(List.of("bash", "-c", "\"$@\"; status=$?; times; exit $status", "load"));
        bash.addAll(command);
        try {
            Process process = new ProcessBuilder(bash).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor((long) seconds + 60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish");
            }
            List<String> lines = new String(out, StandardCharsets.UTF_8).lines().toList();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed (exit " + process.exitValue() + "): "
                        + String.join("\n", lines));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The second line of {@code times}: the children's user and system time. */
    static double childCpuSeconds(List<String> output) {
        Matcher children = TIMES.matcher(output.get(output.size() - 1));
        if (!children.matches()) {
            throw new IllegalStateException("no CPU times at the end of: " + output.get(output.size() - 1));
        }
        return Long.parseLong(children.group(1)) * 60 + Double.parseDouble(children.group(2))
                + Long.parseLong(children.group(3)) * 60 + Double.parseDouble(children.group(4));
    }

    /**
     * The errored and timed-out requests of h2load's "requests: N total, N started, N done, N
     * succeeded, N failed, N errored, N timeout" (failed ones are in the log with their status).
     */
    private static long notDone(List<String> output) {
        for (String line : output) {
            if (line.startsWith("requests: ")) {
                Matcher numbers = Pattern.compile("(\\d+) (errored|timeout)").matcher(line);
                long sum = 0;
                while (numbers.find()) {
                    sum += Long.parseLong(numbers.group(1));
                }
                return sum;
            }
        }
        throw new IllegalStateException("h2load printed no request counts: " + String.join("\n", output));
    }

    private static int indexOfPrefix(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new IllegalStateException("no line starting with '" + prefix + "' in: " + String.join("\n", lines));
    }

    private static Path write(String prefix, String suffix, byte[] content) {
        try {
            Path file = Files.createTempFile(prefix, suffix);
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary file", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
