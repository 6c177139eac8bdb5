package borderwatch.store.kurrent;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The BorderWatch event ids stored in KurrentDB, as far as this node has seen them. KurrentDB has
 * no look-up by id, so the node learns them once from {@code $all} (on first use) and then from
 * every event it appends or reads (the fold of the stream at start counts as that first read). That is complete for ids sent through this node. Across nodes it
 * is complete per gate: a repeat of an event another node stored is caught because appends carry
 * the gate stream's expected revision, so the repeat's append fails with a conflict, the command is
 * retried on the freshly read stream, and that read teaches this set the id.
 */
final class KnownIds {

    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final Supplier<Stream<String>> stored;
    private volatile boolean loaded;

    KnownIds(Supplier<Stream<String>> stored) {
        this.stored = stored;
    }

    Set<String> existing(Collection<String> asked) {
        load();
        return asked.stream().filter(ids::contains).collect(Collectors.toSet());
    }

    void add(String id) {
        ids.add(id);
    }

    /** Everything stored was just read in order (a full scan at start): the first look-up need not read it again. */
    void learnedAll(Stream<String> stored) {
        stored.forEach(ids::add);
        loaded = true;
    }

    void addAll(Collection<String> added) {
        ids.addAll(added);
    }

    private void load() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (!loaded) {
                try (Stream<String> all = stored.get()) {
                    all.forEach(ids::add);
                }
                loaded = true;
            }
        }
    }
}
