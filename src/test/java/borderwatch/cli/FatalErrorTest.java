package borderwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A running service meets a fatal error by ending with status 70 at once, never by running on half-alive. */
class FatalErrorTest {

    @ParameterizedTest
    @CsvSource({"thread, 70", "failure, 70", "harmless, 0"})
    void aFatalErrorEndsTheProcessAndAnOrdinaryOneDoesNot(String kind, int status) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FatalErrorProbe.class.getName(), kind)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(8, TimeUnit.SECONDS)).as(kind + " ended within 8 s").isTrue();
        assertThat(p.exitValue()).as(kind).isEqualTo(status);
    }
}
