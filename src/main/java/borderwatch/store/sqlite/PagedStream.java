package borderwatch.store.sqlite;

import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** A lazy stream that fetches one page at a time, keyed by the last item's position. */
final class PagedStream {

    private PagedStream() {
    }

    static <T, K> Stream<T> of(long after, LongFunction<List<? extends T>> page,
                               Function<? super T, K> keyOf, ToLongFunction<K> positionOf) {
        Iterator<T> it = new Iterator<>() {
            private long last = after;
            private Iterator<? extends T> current = List.<T>of().iterator();
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (current.hasNext()) {
                    return true;
                }
                if (exhausted) {
                    return false;
                }
                List<? extends T> next = page.apply(last);
                if (next.isEmpty()) {
                    exhausted = true;
                    return false;
                }
                last = positionOf.applyAsLong(keyOf.apply(next.get(next.size() - 1)));
                current = next.iterator();
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false);
    }
}
