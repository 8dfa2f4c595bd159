package dev.authfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The README's example test, compiled as written and run through the JUnit Platform: both its tests pass. */
class ReadmeJUnitExampleTest {

    private static final String START = "<!-- junit-example:start -->";
    private static final String END = "<!-- junit-example:end -->";

    @Test
    void theReadmesExampleCompilesAndPasses(@TempDir Path work) throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("readme")));
        String marked = readme.substring(readme.indexOf(START) + START.length(), readme.indexOf(END));
        String source = marked.substring(marked.indexOf("```java") + "```java".length(), marked.lastIndexOf("```"));
        Path file = work.resolve("SignInFeedbackTest.java");
        Files.writeString(file, source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int result = compiler.run(null, diagnostics, diagnostics, "-d", work.toString(),
                "-cp", System.getProperty("java.class.path"), file.toString());
        assertThat(result).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {work.toUri().toURL()},
                getClass().getClassLoader())) {
            TestExecutionSummary summary = Launched.run(loader.loadClass("SignInFeedbackTest"));
            assertThat(Launched.failures(summary)).isEmpty();
            assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        }
    }
}
