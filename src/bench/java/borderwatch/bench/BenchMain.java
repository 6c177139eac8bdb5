package borderwatch.bench;

import picocli.CommandLine;

/**
 * Entry point of {@code borderwatch-bench.jar}: the benchmark and its H2 peer are built beside the
 * product, not into it, and run against the product jar next to them.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }
}
