package borderwatch.cli;

import borderwatch.province.Province;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** {@code --province}: which of the node's provinces a command of one province works on. */
final class ProvinceChoice {

    @Option(names = "--province", description = "on a node of several provinces, the one to work on "
            + "(its id, as in its gates file; default the first given with --gates)")
    String id;

    Province of(CommonOptions options) {
        List<Province> served = options.loadProvinces();
        if (id == null || id.isBlank()) {
            return served.get(0);
        }
        return served.stream().filter(p -> p.provinceId().equals(id.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--province " + id + ": not one of the provinces --gates gives ("
                        + served.stream().map(Province::provinceId).collect(Collectors.joining(", ")) + ")"));
    }
}
