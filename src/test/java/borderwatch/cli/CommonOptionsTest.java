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

    @Test
    void severalProvincesByRepeatingGatesOrCommas(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        CommonOptions two = CommandLine.populateCommand(new CommonOptions(), "--gates", "lang-son", "--gates", "lai-chau");
        assertThat(two.loadProvinces()).extracting(p -> p.provinceId()).containsExactly("lang-son", "lai-chau");
        assertThat(two.loadGates().provinceId()).isEqualTo("lang-son");
        CommonOptions commas = CommandLine.populateCommand(new CommonOptions(), "--gates", "lai-chau,lang-son");
        assertThat(commas.loadProvinces()).extracting(p -> p.provinceId()).containsExactly("lai-chau", "lang-son");
        // A gate id in two files stops the start with one line naming both files.
        java.nio.file.Path copy = dir.resolve("copy-of-lang-son.json");
        try (var in = borderwatch.province.Province.class.getResourceAsStream("/gates/lang-son.json")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("\"id\": \"lang-son\"", "\"id\": \"lang-son-2\"");
            java.nio.file.Files.writeString(copy, text);
        }
        CommonOptions clash = CommandLine.populateCommand(new CommonOptions(), "--gates", "lang-son", "--gates", copy.toString());
        org.assertj.core.api.Assertions.assertThatThrownBy(clash::loadProvinces)
                .hasMessage("gate id 'huu-nghi' is in both lang-son and " + copy + "; gate ids must be unique across the "
                        + "provinces of a node");
        CommonOptions twice = CommandLine.populateCommand(new CommonOptions(), "--gates", "lai-chau", "--gates", "lai-chau");
        org.assertj.core.api.Assertions.assertThatThrownBy(twice::loadProvinces)
                .hasMessage("province 'lai-chau' is in both lai-chau and lai-chau");
    }
}
