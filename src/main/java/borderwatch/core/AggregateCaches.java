package borderwatch.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.caching.Cache;

/**
 * Strongly held aggregate caches for one core. Axon's WeakReferenceCache loses entries at every
 * garbage collection, and then a gate is rebuilt from its whole stream on the next command; a
 * Caffeine cache keeps the gates, plans and warnings in memory instead. Each core has its own, so
 * two stores in one JVM (tests, bench, drills) never share entries, and empties them when it closes
 * (drills open and close cores all day).
 */
final class AggregateCaches implements AutoCloseable {

    /** Far above the gates, plans and warnings of any province: a bound for safety, not for eviction. */
    static final long MAXIMUM_ENTRIES = 10_000;
    private static final AtomicInteger OPEN = new AtomicInteger();

    private final List<AggregateCache> caches = new ArrayList<>();

    public synchronized Cache create() {
        AggregateCache cache = new AggregateCache(MAXIMUM_ENTRIES);
        caches.add(cache);
        OPEN.incrementAndGet();
        return cache;
    }

    /** How many caches this JVM holds open now, for tests that check cores clean up. */
    static int cachesInJvm() {
        return OPEN.get();
    }

    @Override
    public synchronized void close() {
        for (AggregateCache cache : caches) {
            cache.removeAll();
            OPEN.decrementAndGet();
        }
        caches.clear();
    }
}
