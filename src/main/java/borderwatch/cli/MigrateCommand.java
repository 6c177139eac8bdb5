package borderwatch.cli;

import borderwatch.core.StoredEventTypes;
import borderwatch.store.EventCodec;
import borderwatch.store.EventStorage;
import borderwatch.store.Migration;
import borderwatch.store.StoreLocation;
import borderwatch.store.engines.StoreEngines;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrate --from <store> --to <store>}: copy a store's stream into another, resumably. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Copy the event stream from one store to another in order, keeping ids; resumes an "
                + "interrupted run and checks the counts at the end. Stop the service first.")
public final class MigrateCommand implements Callable<Integer> {

    @Option(names = "--from", required = true,
            description = "source store: sqlite:<data dir> or a KurrentDB connection string")
    String from;

    @Option(names = "--to", required = true,
            description = "target store (empty or a partial copy): sqlite:<data dir> or a KurrentDB connection string")
    String to;

    @Override
    public Integer call() {
        StoreLocation source = location(from, "--from");
        StoreLocation target = location(to, "--to");
        if (source.equals(target)) {
            throw new IllegalArgumentException("--from and --to name the same store");
        }
        EventCodec codec = new EventCodec(StoredEventTypes.registry());
        try (EventStorage in = StoreEngines.open(source, codec); EventStorage out = StoreEngines.open(target, codec)) {
            ProgressBar bar = new ProgressBar("migrating", in.eventCount(), System.err);
            Migration.Outcome o = Migration.run(in, out, Long.MAX_VALUE, bar::update);
            bar.done();
            System.out.printf("%,d events in the source; %,d were already in the target, %,d copied; target holds %,d: %s%n",
                    o.sourceEvents(), o.alreadyThere(), o.copied(), o.targetEvents(),
                    o.complete() ? "counts match" : "COUNTS DIFFER");
            return o.complete() ? 0 : 1;
        }
    }

    private static StoreLocation location(String spec, String option) {
        if (spec.equals("sqlite")) {
            throw new IllegalArgumentException(option + " needs the data directory: sqlite:<data dir>");
        }
        StoreLocation location = StoreLocation.parse(spec, null, option);
        return location instanceof StoreLocation.Embedded e
                ? new StoreLocation.Embedded(e.dir().toAbsolutePath().normalize()) : location;
    }
}
