package borderwatch.store;

import borderwatch.store.kurrent.KurrentEventStorage;
import borderwatch.store.sqlite.SqliteEventStorageEngine;
import borderwatch.store.sqlite.SqliteFile;
import java.nio.file.Path;

/**
 * Where the event stream lives, as given by {@code --store}: the embedded SQLite file in a data
 * directory ({@code sqlite}, {@code sqlite:<dir>}) or a KurrentDB server or cluster named by its
 * connection string ({@code kurrentdb://…}, {@code kurrentdb+discover://…}, and the older
 * {@code esdb://…} forms).
 */
public sealed interface StoreLocation {

    String FILE = "borderwatch.db";

    EventStorage open(EventCodec codec);

    record Embedded(Path dir) implements StoreLocation {
        public SqliteFile openFile() {
            return SqliteFile.open(dir.resolve(FILE));
        }

        @Override
        public EventStorage open(EventCodec codec) {
            return new SqliteEventStorageEngine(openFile(), codec);
        }

        @Override
        public String toString() {
            return "sqlite:" + dir;
        }
    }

    record Kurrent(String connectionString) implements StoreLocation {
        @Override
        public EventStorage open(EventCodec codec) {
            return KurrentEventStorage.connect(connectionString, codec);
        }

        @Override
        public String toString() {
            return KurrentEventStorage.withoutCredentials(connectionString);
        }
    }

    /** Reads a store option; plain {@code sqlite} means the file under {@code dataDir}. */
    static StoreLocation parse(String spec, Path dataDir, String option) {
        if (spec.equals("sqlite")) {
            return new Embedded(dataDir);
        }
        if (spec.startsWith("sqlite:") && spec.length() > "sqlite:".length()) {
            return new Embedded(Path.of(spec.substring("sqlite:".length())));
        }
        if (spec.matches("(kurrentdb|kurrent|kdb|esdb)(\\+discover)?://.+")) {
            return new Kurrent(spec);
        }
        throw new IllegalArgumentException(option + " " + spec + " is not a store: use sqlite, sqlite:<data dir> "
                + "or a KurrentDB connection string such as kurrentdb://host:2113?tls=false");
    }
}
