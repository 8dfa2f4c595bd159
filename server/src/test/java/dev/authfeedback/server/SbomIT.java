package dev.authfeedback.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build's CycloneDX bill of materials names what the server ships, and no test library. */
class SbomIT {

    @Test
    void theSbomListsTheServersRuntimeDependenciesAndNoTestOnes() throws Exception {
        JsonObject sbom = new JsonObject(Files.readString(Path.of(System.getProperty("sbom"))));
        assertThat(sbom.getString("bomFormat")).isEqualTo("CycloneDX");
        JsonObject server = sbom.getJsonObject("metadata").getJsonObject("component");
        assertThat(server.getString("name")).isEqualTo("authfeedback-server");
        assertThat(server.getString("version")).isEqualTo(System.getProperty("project.version"));
        List<String> components = sbom.getJsonArray("components").stream()
                .map(component -> ((JsonObject) component).getString("group") + ":"
                        + ((JsonObject) component).getString("name"))
                .toList();
        assertThat(components).contains("dev.authfeedback:authfeedback-domain", "io.vertx:vertx-core",
                "io.grpc:grpc-netty-shaded", "io.netty:netty-transport-native-epoll", "org.postgresql:postgresql",
                "ch.qos.logback:logback-classic", "com.zaxxer:HikariCP", "org.flywaydb:flyway-core",
                "info.picocli:picocli");
        assertThat(components).noneMatch(component -> component.startsWith("org.junit")
                || component.startsWith("org.assertj") || component.startsWith("io.zonky")
                || component.contains("conformance-tests") || component.startsWith("software.amazon.awssdk"));
        assertThat(sbom.getJsonArray("components").stream().map(component -> (JsonObject) component))
                .allSatisfy(component -> assertThat(component.getString("purl")).startsWith("pkg:maven/"));
    }
}
