package borderwatch.plugin;

import java.util.function.Supplier;

/** The live board's feed as other features see it: parts of its snapshot, and messages sent to every viewer. */
public interface LiveTopics {

    /** Adds {@code part} under {@code key} to every snapshot; called before the feed starts. */
    void include(String key, Supplier<Object> part);

    /** Sends {@code message} to every viewer; a slow viewer keeps only the newest message per {@code key}. */
    void announce(String key, Object message);
}
