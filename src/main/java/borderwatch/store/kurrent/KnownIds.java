package borderwatch.store.kurrent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The BorderWatch event ids stored in KurrentDB within the re-send window, as far as this node has
 * seen them. KurrentDB has no look-up by id, so the node learns them from {@code $all} read newest
 * first, back to the start of the window (on first use), and then from every event it appends or
 * reads. Like an idempotent producer's window elsewhere, a repeat is recognised by id when it comes
 * within {@link #WINDOW} of the original being stored; memory follows the traffic of that window,
 * not the length of the history. Across nodes the same holds per gate: a repeat of an event another
 * node stored fails its append on the gate stream's expected revision, the command is retried on the
 * freshly read stream, and that read teaches this set the id.
 */
final class KnownIds {

    /** How long after an event was stored a re-send of it is still recognised. */
    static final Duration WINDOW = Duration.ofDays(7);
    /** Forgotten ids are swept out after this many additions. */
    static final int SWEEP_EVERY = 10_000;

    /** An id and when it was stored. */
    record Known(String id, Instant storedAt) {
    }

    private final Map<String, Instant> ids = new ConcurrentHashMap<>();
    private final Supplier<Stream<Known>> newestFirst;
    private final Clock clock;
    private final Duration window;
    private final AtomicLong added = new AtomicLong();
    private volatile boolean loaded;

    /** {@code newestFirst} reads the stored ids, newest first; it is read only as far back as the window. */
    KnownIds(Supplier<Stream<Known>> newestFirst, Clock clock, Duration window) {
        this.newestFirst = newestFirst;
        this.clock = clock;
        this.window = window;
    }

    Set<String> existing(Collection<String> asked) {
        load();
        Instant since = since();
        return asked.stream().filter(id -> {
            Instant at = ids.get(id);
            return at != null && !at.isBefore(since);
        }).collect(Collectors.toSet());
    }

    void add(String id, Instant storedAt) {
        if (storedAt.isBefore(since())) {
            return;
        }
        ids.merge(id, storedAt, (a, b) -> a.isAfter(b) ? a : b);
        if (added.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep();
        }
    }

    /** Ids just appended: stored now. */
    void addAll(Collection<String> appended) {
        Instant now = clock.instant();
        appended.forEach(id -> add(id, now));
    }

    /** Everything stored was just read and added (a full scan at start): the first look-up need not read it again. */
    void learnedAll() {
        loaded = true;
    }

    /** How many ids are held now. */
    int size() {
        return ids.size();
    }

    private Instant since() {
        return clock.instant().minus(window);
    }

    private void sweep() {
        Instant since = since();
        ids.values().removeIf(at -> at.isBefore(since));
    }

    private void load() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (!loaded) {
                Instant since = since();
                try (Stream<Known> stored = newestFirst.get()) {
                    stored.takeWhile(k -> !k.storedAt().isBefore(since)).forEach(k -> add(k.id(), k.storedAt()));
                }
                loaded = true;
            }
        }
    }
}
