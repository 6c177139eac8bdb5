package borderwatch.cli;

import picocli.CommandLine.Option;

/** What the built-in simulator does in {@code demo}. */
public final class DemoOptions {

    @Option(names = "--speed", defaultValue = "${env:BORDERWATCH_SPEED:-1}",
            description = "simulated seconds per real second (env BORDERWATCH_SPEED, default ${DEFAULT-VALUE}); 60 = one hour a minute")
    double speed;

    @Option(names = "--seed", defaultValue = "2025", description = "random seed of the simulator (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--no-history", negatable = false, description = "do not seed last year and this year to date into an empty store")
    boolean noHistory;

    boolean seedHistory = true;

    DemoOptions resolve() {
        seedHistory = !noHistory;
        if (!(speed > 0) || speed > 100_000) {
            throw new IllegalArgumentException("--speed must be between 0 and 100000");
        }
        return this;
    }
}
