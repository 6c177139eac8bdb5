package borderwatch.readmodel;

import java.util.function.Consumer;

/** What a feed shows: a read model, and word of each event applied to it. */
public interface FeedSource {

    LiveReadModel live();

    /** Calls {@code listener} with each applied event's payload; returns the way to stop. Listeners must not block. */
    Runnable onChange(Consumer<Object> listener);
}
