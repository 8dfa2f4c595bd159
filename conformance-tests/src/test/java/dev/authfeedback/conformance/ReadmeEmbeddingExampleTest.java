package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example compiles and runs exactly as printed there. */
class ReadmeEmbeddingExampleTest {

    private static final String START = "<!-- embedding-example:start -->";
    private static final String END = "<!-- embedding-example:end -->";

    static String javaBlockOfReadme() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        String marked = text.substring(text.indexOf(START) + START.length(), text.indexOf(END));
        String block = marked.substring(marked.indexOf("```java") + "```java".length(), marked.lastIndexOf("```"));
        return block.strip() + "\n";
    }

    /** The README's dependency snippets name exactly the modules the example needs, at this version. */
    @Test
    void theDependenciesTheReadmeNamesAreTheOnesTheExampleNeeds() throws IOException {
        String text = Files.readString(Path.of("..", "README.md"));
        String marked = text.substring(text.indexOf("<!-- embedding-dependencies:start -->"),
                text.indexOf("<!-- embedding-dependencies:end -->"));
        String version = parentVersion();
        List<String> maven = java.util.regex.Pattern.compile("<artifactId>([^<]+)</artifactId>\\s*<version>([^<]+)<")
                .matcher(marked).results().map(match -> match.group(1) + ":" + match.group(2)).toList();
        assertThat(maven).containsExactly(EMBEDDING_MODULES.stream().map(module -> module + ":" + version)
                .toArray(String[]::new));
        List<String> gradle = java.util.regex.Pattern.compile("implementation\\(\"dev\\.authfeedback:([^\"]+)\"\\)")
                .matcher(marked).results().map(match -> match.group(1)).toList();
        assertThat(gradle).containsExactlyElementsOf(maven);
    }

    /** Artifact ids; each module's directory is its id without the prefix. */
    private static final List<String> EMBEDDING_MODULES = List.of("authfeedback-domain", "authfeedback-adapter-inmemory");

    private static String parentVersion() throws IOException {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        return pom.substring(pom.indexOf("<version>") + "<version>".length(), pom.indexOf("</version>"));
    }

    /** The class path entries of the modules an embedder depends on, and nothing else. */
    private static List<Path> embeddingClassPath() {
        List<Path> entries = java.util.Arrays.stream(System.getProperty("java.class.path")
                .split(java.io.File.pathSeparator)).map(Path::of)
                .filter(entry -> EMBEDDING_MODULES.stream().anyMatch(module -> isModule(entry, module))).toList();
        assertThat(entries).hasSize(EMBEDDING_MODULES.size());
        return entries;
    }

    /** The module's build output in the reactor, or its jar in the local Maven repository. */
    private static boolean isModule(Path entry, String artifactId) {
        String path = entry.toAbsolutePath().normalize().toString();
        String separator = java.io.File.separator;
        String directory = artifactId.substring("authfeedback-".length());
        return path.contains(separator + directory + separator + "target")
                || path.contains(separator + "authfeedback" + separator + artifactId + separator);
    }

    @Test
    void theEmbeddingExampleCompilesAndPrintsTheUsersVerdict(@TempDir Path work) throws Exception {
        Path source = work.resolve("EmbeddingExample.java");
        Files.writeString(source, javaBlockOfReadme());
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        List<Path> dependencies = embeddingClassPath();
        int status = compiler.run(null, null, diagnostics, "-d", work.toString(), "-classpath",
                String.join(java.io.File.pathSeparator, dependencies.stream().map(Path::toString).toList()),
                source.toString());
        assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<URL> urls = new java.util.ArrayList<>(List.of(work.toUri().toURL()));
        for (Path dependency : dependencies) {
            urls.add(dependency.toUri().toURL());
        }
        // only the example and its two dependencies: nothing else of the test class path
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            Method main = loader.loadClass("EmbeddingExample").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().toList()).isEqualTo(List.of("NO_ACTION []",
                "INVALID by USER"));
    }
}
