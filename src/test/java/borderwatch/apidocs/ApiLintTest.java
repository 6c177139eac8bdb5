package borderwatch.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both API documents lint clean, no error and no warning, with the linters integrators run: Redocly
 * CLI and Spectral, at pinned versions fetched from the npm registry by npx (.ci/run installs
 * Node.js where it is missing). Their rule sets are in src/test/resources/api-lint, with the one rule
 * each that cannot apply said why.
 */
class ApiLintTest {

    private static final String REDOCLY = "@redocly/cli@2.77.0";
    private static final String SPECTRAL = "@stoplight/spectral-cli@6.16.3";
    private static final List<Path> DOCUMENTS = List.of(Path.of("src/main/resources/api/openapi.yaml"),
            Path.of("src/main/resources/api/asyncapi.yaml"));
    private static final Path RULES = Path.of("src/test/resources/api-lint");

    @TempDir
    Path work;

    @BeforeAll
    static void requireNpx() throws Exception {
        boolean present;
        try {
            present = new ProcessBuilder("npx", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            present = false;
        }
        if (!present) {
            System.err.println("\n*** SKIPPED: the API lint needs Node.js with npx (apt-get install nodejs npm) ***\n");
        }
        Assumptions.assumeTrue(present, "npx is not installed");
    }

    private record Run(int exit, String output) {
    }

    private Run run(List<String> command) throws Exception {
        Path out = work.resolve("out-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectOutput(out.toFile())
                .redirectError(work.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as(String.join(" ", command) + " ends").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8) + Files.readString(work.resolve("err.txt")));
    }

    @Test
    void redoclyFindsNoErrorAndNoWarning() throws Exception {
        for (Path doc : DOCUMENTS) {
            Run r = run(List.of("npx", "--yes", REDOCLY, "lint", "--config", RULES.resolve("redocly.yaml").toString(),
                    "--format=json", doc.toString()));
            String json = r.output().substring(r.output().indexOf('{'), r.output().lastIndexOf('}') + 1);
            JsonNode totals = new ObjectMapper().readTree(json).path("totals");
            assertThat(totals.path("errors").asInt(-1)).as(doc + ": " + r.output()).isZero();
            assertThat(totals.path("warnings").asInt(-1)).as(doc + ": " + r.output()).isZero();
        }
    }

    @Test
    void spectralFindsNoErrorAndNoWarning() throws Exception {
        List<String> command = new ArrayList<>(List.of("npx", "--yes", SPECTRAL, "lint", "-r",
                RULES.resolve("spectral.yaml").toString(), "-f", "json", "--quiet"));
        DOCUMENTS.forEach(d -> command.add(d.toString()));
        Run r = run(command);
        String json = r.output().substring(r.output().indexOf('['), r.output().lastIndexOf(']') + 1);
        List<String> problems = new ArrayList<>();
        // Severity 0 is an error, 1 a warning; 2 (information) and 3 (hint) are advice.
        for (JsonNode p : new ObjectMapper().readTree(json)) {
            if (p.path("severity").asInt() <= 1) {
                problems.add(p.path("source").asText() + ":" + p.path("range").path("start").path("line").asInt() + " "
                        + p.path("code").asText() + " " + p.path("message").asText());
            }
        }
        assertThat(problems).as(r.output()).isEmpty();
        assertThat(json).as("Spectral read both documents").isNotBlank();
    }
}
