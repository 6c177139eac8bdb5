package borderwatch.core;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Snapshots an aggregate only when loading it from the store (after a restart or a cache eviction)
 * had to replay more than a threshold of events. Hot aggregates live in the cache, so counting
 * events as they are applied would make Axon's snapshotter re-read streams during ingest for
 * nothing; a cold load is exactly when the next cold load can be made cheaper.
 */
final class ColdLoadSnapshots implements SnapshotTriggerDefinition {

    private final Snapshotter snapshotter;
    private final int threshold;

    public ColdLoadSnapshots(Snapshotter snapshotter, int threshold) {
        this.snapshotter = snapshotter;
        this.threshold = threshold;
    }

    @Override
    public SnapshotTrigger prepareTrigger(Class<?> aggregateType) {
        return new Trigger(snapshotter, aggregateType, threshold);
    }

    @Override
    public SnapshotTrigger reconfigure(Class<?> aggregateType, SnapshotTrigger trigger) {
        return trigger instanceof Trigger t ? t.with(snapshotter) : prepareTrigger(aggregateType);
    }

    private static final class Trigger implements SnapshotTrigger {

        private transient Snapshotter snapshotter;
        private final Class<?> aggregateType;
        private final int threshold;
        private boolean initialized;
        private int replayed;
        private String aggregateId;

        Trigger(Snapshotter snapshotter, Class<?> aggregateType, int threshold) {
            this.snapshotter = snapshotter;
            this.aggregateType = aggregateType;
            this.threshold = threshold;
        }

        Trigger with(Snapshotter s) {
            this.snapshotter = s;
            return this;
        }

        @Override
        public void eventHandled(EventMessage<?> msg) {
            if (!initialized && msg instanceof DomainEventMessage<?> d) {
                replayed++;
                aggregateId = d.getAggregateIdentifier();
            }
        }

        @Override
        public void initializationFinished() {
            initialized = true;
            if (replayed > threshold && aggregateId != null) {
                String id = aggregateId;
                if (CurrentUnitOfWork.isStarted()) {
                    CurrentUnitOfWork.get().afterCommit(u -> snapshotter.scheduleSnapshot(aggregateType, id));
                } else {
                    snapshotter.scheduleSnapshot(aggregateType, id);
                }
            }
            replayed = 0;
        }
    }
}
