package borderwatch.plugin;

import borderwatch.province.Province;
import java.util.Collection;
import java.util.Set;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;

/** What the node lends a feature's command side: the province, the store's id check, caches and snapshots. */
public interface CommandParts {

    Province province();

    /** Which of these event ids the store already holds (a batch sent again is recognised by them). */
    Set<String> existingIds(Collection<String> eventIds);

    /** A cache of aggregates, closed with the node. */
    Cache cache(String name);

    /** Snapshots an aggregate whose cold load replayed many events, so the next cold load is cheap. */
    SnapshotTriggerDefinition coldLoadSnapshots(Configuration axon);
}
