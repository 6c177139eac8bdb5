package borderwatch.app;

import borderwatch.store.EventCodec;
import borderwatch.store.Migration;
import borderwatch.store.sqlite.SqliteEventStorageEngine;
import borderwatch.store.sqlite.SqliteFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrate --from sqlite:<dir> --to sqlite:<dir>}: copy a store's stream into another, resumably. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Copy the event stream from one store to another in order, keeping ids; resumes an "
                + "interrupted run and checks the counts at the end. Stop the service first.")
public final class MigrateCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, description = "source store, sqlite:<data dir>")
    String from;

    @Option(names = "--to", required = true, description = "target store, sqlite:<data dir> (empty or a partial copy)")
    String to;

    @Override
    public Integer call() {
        Path source = dataDir(from, "--from");
        Path target = dataDir(to, "--to");
        if (source.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--from and --to name the same store");
        }
        EventCodec codec = new EventCodec(StoredEventTypes.registry());
        try (SqliteEventStorageEngine in = new SqliteEventStorageEngine(SqliteFile.open(source.resolve(Core.STORE_FILE)), codec);
             SqliteEventStorageEngine out = new SqliteEventStorageEngine(SqliteFile.open(target.resolve(Core.STORE_FILE)), codec)) {
            ProgressBar bar = new ProgressBar("migrating", in.headPosition(), System.err);
            Migration.Outcome o = Migration.run(in, out, Long.MAX_VALUE, bar::update);
            bar.done();
            System.out.printf("%,d events in the source; %,d were already in the target, %,d copied; target holds %,d: %s%n",
                    o.sourceEvents(), o.alreadyThere(), o.copied(), o.targetEvents(),
                    o.complete() ? "counts match" : "COUNTS DIFFER");
            return o.complete() ? 0 : 1;
        }
    }

    private static Path dataDir(String store, String option) {
        if (store.startsWith("sqlite:")) {
            return Path.of(store.substring("sqlite:".length()));
        }
        throw new IllegalArgumentException(option + " " + store + " is not supported by this build; use sqlite:<data dir>");
    }
}
