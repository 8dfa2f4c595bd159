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

    @Test
    void theEmbeddingExampleCompilesAndPrintsTheUsersVerdict(@TempDir Path work) throws Exception {
        Path source = work.resolve("EmbeddingExample.java");
        Files.writeString(source, javaBlockOfReadme());
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = compiler.run(null, null, diagnostics, "-d", work.toString(),
                "-classpath", System.getProperty("java.class.path"), source.toString());
        assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {work.toUri().toURL()},
                getClass().getClassLoader())) {
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
