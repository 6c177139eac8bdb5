package borderwatch.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

/** Axon's cache contract over Caffeine: values, and what entry listeners hear. */
class AggregateCacheTest {

    /** Every call a listener gets, as "what key [value]". */
    private static final class Heard extends Cache.EntryListenerAdapter {
        final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onEntryCreated(Object key, Object value) {
            calls.add("created " + key + " " + value);
        }

        @Override
        public void onEntryUpdated(Object key, Object value) {
            calls.add("updated " + key + " " + value);
        }

        @Override
        public void onEntryRead(Object key, Object value) {
            calls.add("read " + key + " " + value);
        }

        @Override
        public void onEntryRemoved(Object key) {
            calls.add("removed " + key);
        }

        @Override
        public void onEntryExpired(Object key) {
            calls.add("expired " + key);
        }
    }

    @Test
    void keepsValuesAndTellsListenersWhatHappened() {
        AggregateCache cache = new AggregateCache(100);
        Heard heard = new Heard();
        Registration registration = cache.registerCacheEntryListener(heard);

        cache.put("a", 1);
        cache.put("a", 2);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(2);
        assertThat(cache.<String, Integer>get("missing")).isNull();
        assertThat(cache.putIfAbsent("a", 3)).isFalse();
        assertThat(cache.putIfAbsent("b", 4)).isTrue();
        assertThat(cache.computeIfAbsent("b", () -> 5)).isEqualTo(4);
        assertThat(cache.computeIfAbsent("c", () -> 6)).isEqualTo(6);
        cache.<Integer>computeIfPresent("c", v -> v + 1);
        cache.<Integer>computeIfPresent("none", v -> v + 1);
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.containsKey("none")).isFalse();
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();

        assertThat(heard.calls).containsExactly("created a 1", "updated a 2", "read a 2", "created b 4",
                "created c 6", "updated c 7", "removed a");

        registration.cancel();
        cache.removeAll();
        assertThat(heard.calls).hasSize(7);
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.computeIfAbsent("d", () -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(cache.containsKey("d")).isFalse();
    }

    @Test
    void staysWithinItsBoundAndSaysWhatItLetGo() {
        AggregateCache cache = new AggregateCache(10);
        Heard heard = new Heard();
        cache.registerCacheEntryListener(heard);
        for (int i = 0; i < 1_000; i++) {
            cache.put("k" + i, i);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(10);
        synchronized (heard.calls) {
            assertThat(heard.calls.stream().filter(c -> c.startsWith("expired"))).hasSizeGreaterThanOrEqualTo(990);
        }
    }
}
