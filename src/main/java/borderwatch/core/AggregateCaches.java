package borderwatch.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;

/**
 * Strongly held aggregate caches for one core. Axon's WeakReferenceCache loses entries at every
 * garbage collection, and then a gate is rebuilt from its whole stream on the next command; a
 * bounded Caffeine cache keeps the few hot gates and plans in memory instead. The caches live in
 * the JVM-wide cache manager, so a core destroys its own when it closes (drills open and close
 * cores all day).
 */
final class AggregateCaches implements AutoCloseable {

    private static final String PROVIDER = "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final List<String> names = new ArrayList<>();

    public synchronized Cache create(String name) {
        CacheManager manager = manager();
        MutableConfiguration<Object, Object> config = new MutableConfiguration<>()
                .setStoreByValue(false)
                .setStatisticsEnabled(false);
        // Each core gets its own cache, so two stores in one JVM (tests, bench, drills) never share entries.
        String unique = name + "-" + NEXT.incrementAndGet();
        names.add(unique);
        return new JCacheAdapter(manager.createCache(unique, config));
    }

    private static CacheManager manager() {
        return Caching.getCachingProvider(PROVIDER).getCacheManager();
    }

    /** How many caches this JVM holds now, for tests that check cores clean up. */
    static int cachesInJvm() {
        int n = 0;
        for (String ignored : manager().getCacheNames()) {
            n++;
        }
        return n;
    }

    @Override
    public synchronized void close() {
        for (String name : names) {
            manager().destroyCache(name);
        }
        names.clear();
    }
}
