package borderwatch.store;

import java.nio.file.Path;

/**
 * Where the event stream lives, as given by {@code --store}: the embedded SQLite file in a data
 * directory ({@code sqlite}, {@code sqlite:<dir>}) or a KurrentDB server or cluster named by its
 * connection string ({@code kurrentdb://…}, {@code kurrentdb+discover://…}, and the older
 * {@code esdb://…} forms). A value only: the engines depend on this package, so opening a store is
 * {@code borderwatch.store.engines.StoreEngines}' job, not this one's.
 */
public sealed interface StoreLocation {

    String FILE = "borderwatch.db";

    record Embedded(Path dir) implements StoreLocation {
        /** The store file in the data directory. */
        public Path file() {
            return dir.resolve(FILE);
        }

        @Override
        public String toString() {
            return "sqlite:" + dir;
        }
    }

    /**
     * A KurrentDB cluster, the prefix of the streams that are this store's ({@code bw-}, or one
     * province's on a cluster several share), and where this node keeps its read-model checkpoint.
     */
    record Kurrent(String connectionString, String streamPrefix, Path readModelDir) implements StoreLocation {

        public static final String PREFIX = "bw-";

        public Kurrent(String connectionString) {
            this(connectionString, PREFIX, null);
        }

        public Kurrent withStreamPrefix(String prefix) {
            return new Kurrent(connectionString, prefix, readModelDir);
        }

        /** Where this node keeps its read-model checkpoint of these streams (null: none, fold from the start). */
        public Kurrent withReadModelDir(Path dir) {
            return new Kurrent(connectionString, streamPrefix, dir);
        }

        /** The connection string without user name and password, as logged and shown. */
        public static String withoutCredentials(String connectionString) {
            return connectionString.replaceFirst("//[^@/]*@", "//");
        }

        @Override
        public String toString() {
            return withoutCredentials(connectionString) + (PREFIX.equals(streamPrefix) ? "" : " (streams " + streamPrefix + "…)");
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
