package borderwatch.store.engines;

import borderwatch.store.EventCodec;
import borderwatch.store.EventStorage;
import borderwatch.store.StoreLocation;
import borderwatch.store.kurrent.KurrentEventStorage;
import borderwatch.store.sqlite.SqliteEventStorageEngine;
import borderwatch.store.sqlite.SqliteFile;

/**
 * Opens the store a {@link StoreLocation} names, with the engine for it. It lives apart from
 * {@code borderwatch.store}, which both engines build on, so that package never knows its engines.
 */
public final class StoreEngines {

    private StoreEngines() {
    }

    public static EventStorage open(StoreLocation location, EventCodec codec) {
        if (location instanceof StoreLocation.Embedded embedded) {
            return new SqliteEventStorageEngine(openFile(embedded), codec);
        }
        if (location instanceof StoreLocation.Kurrent kurrent) {
            return KurrentEventStorage.connect(kurrent.connectionString(), codec,
                    new borderwatch.store.kurrent.StreamNames(kurrent.streamPrefix()));
        }
        throw new IllegalArgumentException("no engine for " + location);
    }

    /** The embedded store's file, open, for the engine and for what keeps its tables beside the events. */
    public static SqliteFile openFile(StoreLocation.Embedded embedded) {
        return SqliteFile.open(embedded.file());
    }
}
