package dev.authfeedback.benchmarks;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The figures of one run, one key each (e.g. {@code http.throughput_ratio}), printed and written out. */
final class Results {

    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();

    void put(String key, Object value) {
        figures.put(key, value instanceof Double number ? round(number) : value);
    }

    void putAll(JsonObject values) {
        values.forEach(entry -> put(entry.getKey(), entry.getValue()));
    }

    /** A word about a figure (a target, a caveat), shown in the table. */
    void note(String key, String note) {
        notes.put(key, note);
    }

    Object get(String key) {
        return figures.get(key);
    }

    static double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double magnitude = Math.abs(value);
        int decimals = magnitude >= 100 ? 1 : magnitude >= 1 ? 3 : 4;
        return Math.round(value * Math.pow(10, decimals)) / Math.pow(10, decimals);
    }

    String table(Map<String, String> machine) {
        StringBuilder out = new StringBuilder();
        out.append("| figure | value | note |\n|---|---|---|\n");
        figures.forEach((key, value) -> out.append("| `").append(key).append("` | ").append(value).append(" | ")
                .append(notes.getOrDefault(key, "")).append(" |\n"));
        out.append("\nMachine: ");
        machine.forEach((key, value) -> out.append(key).append(' ').append(value).append("; "));
        return out.toString();
    }

    void write(Path directory, Map<String, String> machine, String title) {
        try {
            Files.createDirectories(directory);
            JsonObject json = new JsonObject();
            figures.forEach(json::put);
            String written = OffsetDateTime.now(ZoneOffset.UTC).withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            JsonObject document = new JsonObject().put("written", written)
                    .put("machine", new JsonObject(new LinkedHashMap<>(machine))).put("figures", json);
            Files.writeString(directory.resolve("latest.json"), document.encodePrettily() + "\n", StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("latest.md"), "# " + title + "\n\n"
                    + "Written " + written + " UTC by `java -jar benchmarks/target/benchmarks.jar`.\n\n" + table(machine) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results to " + directory, e);
        }
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
