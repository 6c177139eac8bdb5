package borderwatch.app;

import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;

/**
 * Strongly held aggregate caches. Axon's WeakReferenceCache loses entries at every garbage
 * collection, and then a gate is rebuilt from its whole stream on the next command; a bounded
 * Caffeine cache keeps the few hot gates and plans in memory instead.
 */
public final class AggregateCaches {

    private static final String PROVIDER = "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";
    private static final AtomicInteger NEXT = new AtomicInteger();

    private AggregateCaches() {
    }

    public static Cache create(String name) {
        CacheManager manager = Caching.getCachingProvider(PROVIDER).getCacheManager();
        MutableConfiguration<Object, Object> config = new MutableConfiguration<>()
                .setStoreByValue(false)
                .setStatisticsEnabled(false);
        // Each core gets its own cache, so two stores in one JVM (tests, bench) never share entries.
        return new JCacheAdapter(manager.createCache(name + "-" + NEXT.incrementAndGet(), config));
    }
}
