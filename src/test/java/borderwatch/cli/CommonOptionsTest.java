package borderwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommonOptionsTest {

    @Test
    void aNodeListensOnLoopbackUnlessToldOtherwise() {
        Assumptions.assumeTrue(System.getenv("BORDERWATCH_HOST") == null, "BORDERWATCH_HOST is set in this environment");
        assertThat(CommandLine.populateCommand(new CommonOptions()).host).isEqualTo("127.0.0.1");
        assertThat(CommandLine.populateCommand(new CommonOptions(), "--host", "0.0.0.0").host).isEqualTo("0.0.0.0");
    }
}
