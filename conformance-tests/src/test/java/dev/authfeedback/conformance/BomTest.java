package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM names every artifact users can depend on, at the build's version, and nothing else. */
class BomTest {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern OWN_ARTIFACT = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");
    private static final Pattern MANAGED = Pattern.compile(
            "<artifactId>([^<]+)</artifactId>\\s*<version>\\$\\{project\\.version}</version>");

    @Test
    void theBomListsExactlyThePublishedArtifactsAtTheBuildsVersion() throws IOException {
        String parent = Files.readString(Path.of("..", "pom.xml"));
        List<String> published = new ArrayList<>();
        Matcher modules = MODULE.matcher(parent);
        while (modules.find()) {
            String module = modules.group(1);
            if (module.equals("bom")) {
                continue;
            }
            String pom = Files.readString(Path.of("..", module, "pom.xml"));
            Matcher own = OWN_ARTIFACT.matcher(pom);
            assertThat(own.find()).as(module).isTrue();
            assertThat(own.group(1)).as("artifact id of " + module).isEqualTo("authfeedback-" + module);
            // what is not published ships no javadoc (the test harness and the benchmarks)
            boolean harness = pom.contains("<maven.javadoc.skip>true</maven.javadoc.skip>");
            if (!harness || module.equals("server")) {
                published.add(own.group(1));
            }
        }
        String bom = Files.readString(Path.of("..", "bom", "pom.xml"));
        List<String> managed = MANAGED.matcher(bom).results().map(match -> match.group(1)).toList();
        assertThat(managed).containsExactlyInAnyOrderElementsOf(published);
        assertThat(version(bom)).isEqualTo(version(parent));
    }

    private static String version(String pom) {
        Matcher version = Pattern.compile("<artifactId>authfeedback-(?:parent|bom)</artifactId>\\s*<version>([^<]+)<")
                .matcher(pom);
        assertThat(version.find()).isTrue();
        return version.group(1);
    }
}
