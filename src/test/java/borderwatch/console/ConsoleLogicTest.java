package borderwatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's own logic (words in both languages, number and date formats, level names, the board's
 * state as messages arrive), unit-tested with Node's built-in runner: {@code node --test src/test/console}.
 * Run here so that the README's test command runs them too.
 */
class ConsoleLogicTest {

    private static final Pattern COUNT = Pattern.compile("^# (tests|pass|fail) (\\d+)$", Pattern.MULTILINE);

    @TempDir
    Path work;

    @Test
    void theConsoleUnitTestsPass() throws Exception {
        boolean present;
        try {
            present = new ProcessBuilder("node", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            present = false;
        }
        if (!present) {
            System.err.println("\n*** SKIPPED: the console's unit tests need Node.js (apt-get install nodejs) ***\n");
        }
        Assumptions.assumeTrue(present, "node is not installed");
        Path out = work.resolve("node-test.txt");
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("node", "--test", "--test-reporter=tap"));
        // Files named one by one: how a folder argument is read changed between Node versions.
        try (var files = Files.list(Path.of("src/test/console"))) {
            files.map(Path::toString).filter(f -> f.endsWith(".test.js")).sorted().forEach(command::add);
        }
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("node --test ends").isTrue();
        String report = Files.readString(out, StandardCharsets.UTF_8);
        int tests = -1;
        int pass = -1;
        int fail = -1;
        Matcher m = COUNT.matcher(report);
        while (m.find()) {
            int n = Integer.parseInt(m.group(2));
            switch (m.group(1)) {
                case "tests" -> tests = n;
                case "pass" -> pass = n;
                default -> fail = n;
            }
        }
        assertThat(p.exitValue()).as(report).isZero();
        assertThat(fail).as(report).isZero();
        assertThat(tests).as("console unit tests run").isGreaterThanOrEqualTo(15);
        assertThat(pass).isEqualTo(tests);
    }
}
