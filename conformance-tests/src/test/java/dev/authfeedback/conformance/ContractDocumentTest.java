package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authfeedback.domain.port.in.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The contract's table of operations, and the README's, are the catalogue's, row for row. */
class ContractDocumentTest {

    static final Path CONTRACT = Path.of("..", "docs", "CONTRACT.md");
    static final Path README = Path.of("..", "README.md");

    /** The cells of each row of the table between {@code <!-- name:start -->} and {@code <!-- name:end -->}. */
    static List<List<String>> table(Path document, String name) throws IOException {
        String text = Files.readString(document);
        String table = text.substring(text.indexOf("<!-- " + name + ":start -->"), text.indexOf("<!-- " + name + ":end -->"));
        List<List<String>> rows = new ArrayList<>();
        for (String line : table.lines().toList()) {
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            rows.add(Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                    .map(cell -> cell.strip().replace("`", "")).toList());
        }
        return rows.subList(1, rows.size()); // without the heading
    }

    @Test
    void theOperationsTableIsTheCatalogue() throws IOException {
        List<List<String>> expected = Arrays.stream(Operation.values()).map(operation -> List.of(
                operation.awsName(), operation.target(),
                operation.authorization() == Operation.Authorization.ADMIN ? "admin" : "feedback token",
                operation.category().name().toLowerCase(Locale.ROOT).replace('_', ' '))).toList();
        assertThat(table(CONTRACT, "operations")).containsExactlyElementsOf(expected);
    }

    @Test
    void theReadmeListsEveryOperationInTheCatalogue() throws IOException {
        assertThat(table(README, "readme-operations").stream().map(row -> row.get(0)).toList())
                .containsExactlyElementsOf(Arrays.stream(Operation.values()).map(Operation::awsName).toList());
    }
}
