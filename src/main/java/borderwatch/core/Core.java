package borderwatch.core;

import borderwatch.engine.Engine;
import borderwatch.engine.Node;
import borderwatch.province.Province;
import borderwatch.readmodel.Checkpoints;
import borderwatch.readmodel.FeedSource;
import borderwatch.readmodel.LiveProjector;
import borderwatch.readmodel.LiveReadModel;
import borderwatch.readmodel.ReadModel;
import borderwatch.shared.TaskFailures;
import borderwatch.store.EventCodec;
import borderwatch.store.EventStorage;
import borderwatch.store.StoreLocation;
import borderwatch.store.engines.StoreEngines;
import borderwatch.store.sqlite.SqliteEventStorageEngine;
import borderwatch.store.sqlite.SqliteFile;
import borderwatch.store.sqlite.SqliteTokenStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.FutureTask;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The event-sourced core: store, Axon command side, and the live read model kept by a streaming
 * processor. At start the read model is read back from its last checkpoint and the stream folded on
 * from there up to the processor's stored position, then the processor carries on; the two meet
 * exactly, so nothing is counted twice or missed after a crash.
 */
public final class Core implements Node {

    public static final String STORE_FILE = StoreLocation.FILE;
    /** The embedded store's read-model checkpoint, beside the store file. */
    public static final String CHECKPOINT_FILE = "readmodel.checkpoint";
    /** Lag beyond this is reported as this; readiness draws its line far below it. */
    public static final long LAG_COUNTED_UP_TO = 100_000;

    private final Province gates;
    private final EventStorage storage;
    private final LiveReadModel live;
    private final Configuration axon;
    private final ExecutorService commandThreads;
    private final AggregateCaches caches = new AggregateCaches();
    private final List<java.util.function.Consumer<Object>> changeListeners = new CopyOnWriteArrayList<>();
    private final ReadModelCheckpoints checkpoints;

    private Core(Province gates, LiveReadModel live, EventStorage storage, TokenStore tokenStore, long rebuildUpTo,
                 Serializer serializer, MeterRegistry metrics, CheckpointReading reading) {
        this.gates = gates;
        this.storage = storage;
        this.live = live;
        this.checkpoints = reading == null ? null : new ReadModelCheckpoints(reading, live, storage);
        // The read model is rebuilt (from its checkpoint, or the stream) while the framework is being
        // configured: neither needs the other until the processor starts, and side by side they took
        // about a fifth off a restart on two cores.
        this.commandThreads = CommandSide.commandThreads();
        FutureTask<Void> rebuilt = new FutureTask<>(() -> rebuild(rebuildUpTo), null);
        Thread rebuilding = new Thread(rebuilt, "read-model-rebuild");
        rebuilding.setDaemon(true);
        rebuilding.start();
        try {
            this.axon = configure(gates, storage, serializer, metrics, tokenStore);
        } catch (RuntimeException | Error e) {
            awaitQuietly(rebuilt);
            commandThreads.shutdownNow();
            caches.close();
            throw e;
        }
        try {
            // The rebuild's own failure, as it was thrown.
            TaskFailures.await(rebuilt, "the read model was rebuilt");
        } catch (RuntimeException | Error e) {
            commandThreads.shutdownNow();
            caches.close();
            throw e;
        }
        axon.start();
        if (this.checkpoints != null) {
            this.checkpoints.start();
        }
    }

    private Configuration configure(Province gates, EventStorage storage, Serializer serializer, MeterRegistry metrics,
                                    TokenStore tokenStore) {
        LiveProjector projector = new LiveProjector(live, this::changed);
        Configurer configurer = CommandSide.configurer(storage, serializer, storage::existingIds, gates, commandThreads,
                NoTransactionManager.INSTANCE, caches);
        configurer.eventProcessing()
                .registerTokenStore(LiveProjector.PROCESSOR, c -> tokenStore)
                // One segment, and the tracking processor blocks on the stream instead of polling when
                // idle, so a change reaches the read model within milliseconds of its commit.
                .registerTrackingEventProcessor(LiveProjector.PROCESSOR, Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(1_000))
                .registerEventHandler(c -> projector);
        if (metrics != null) {
            // Axon's own meters: command bus and processors.
            new GlobalMetricRegistry(metrics).registerWithConfigurer(configurer);
        }
        return configurer.buildConfiguration();
    }

    private static void awaitQuietly(FutureTask<Void> rebuilt) {
        try {
            rebuilt.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // the configuration's failure is the one reported
        }
    }

    public static Core open(Path dataDir, Province gates, ReadModel.Shape shape) {
        return open(new StoreLocation.Embedded(dataDir), gates, shape, null);
    }

    public static Core open(StoreLocation store, Province gates, ReadModel.Shape shape) {
        return open(store, gates, shape, null);
    }

    /**
     * A core whose read models are made of {@code shape}'s folds and whose command bus and processors
     * also report to {@code metrics} (null for none).
     */
    public static Core open(StoreLocation store, Province gates, ReadModel.Shape shape, MeterRegistry metrics) {
        return prepare(store, gates, shape).open(metrics);
    }

    /**
     * The first step of opening a core: its read model's checkpoint starts being read now, on a
     * thread of its own, so that whatever the caller does before {@link Prepared#open} (binding its
     * port, say) is done beside that read.
     */
    public static Prepared prepare(StoreLocation store, Province gates, ReadModel.Shape shape) {
        LiveReadModel live = new LiveReadModel(gates, shape);
        Path checkpointDir = store instanceof StoreLocation.Embedded embedded ? embedded.dir()
                : store instanceof StoreLocation.Kurrent k ? k.readModelDir() : null;
        CheckpointReading reading = checkpointDir == null ? null
                : CheckpointReading.start(new Checkpoints(checkpointDir.resolve(CHECKPOINT_FILE)), live.blank());
        return new Prepared(store, gates, live, reading);
    }

    /** A core being opened: its checkpoint is being read; the store is not open yet. */
    public static final class Prepared {

        private final StoreLocation store;
        private final Province gates;
        private final LiveReadModel live;
        private final CheckpointReading reading;
        private boolean opened;

        private Prepared(StoreLocation store, Province gates, LiveReadModel live, CheckpointReading reading) {
            this.store = store;
            this.gates = gates;
            this.live = live;
            this.reading = reading;
        }

        public Province gates() {
            return gates;
        }

        /** Lets go of the checkpoint being read: this core will not be opened. */
        public void abandon() {
            if (reading != null) {
                reading.cancel();
            }
        }

        /** Opens the store and the command side, and rebuilds the read model from the checkpoint read meanwhile; once. */
        public synchronized Core open(MeterRegistry metrics) {
            if (opened) {
                throw new IllegalStateException("this core was opened already");
            }
            opened = true;
            try {
                return openStore(metrics);
            } catch (RuntimeException | Error e) {
                abandon();
                throw e;
            }
        }

        private Core openStore(MeterRegistry metrics) {
            EventCodec codec = new EventCodec(StoredEventTypes.registry());
            Serializer serializer = JacksonSerializer.builder().objectMapper(EventCodec.newMapper()).build();
            if (store instanceof StoreLocation.Embedded embedded) {
                // The processor's position is kept in the store file, committed with nothing else, and the
                // read model is rebuilt up to it at the next start.
                SqliteFile file = StoreEngines.openFile(embedded);
                EventStorage storage = new SqliteEventStorageEngine(file, codec);
                try {
                    SqliteTokenStore tokens = new SqliteTokenStore(file, serializer, "node-" + UUID.randomUUID());
                    long upTo = tokens.peekToken(LiveProjector.PROCESSOR, 0).map(t -> t.position().orElse(0L)).orElse(0L);
                    if (upTo == 0) {
                        // No processor position (a first start, a restore, a migration): fold the stream with the
                        // fast scan and start the processor where the fold ends, rather than letting it read the
                        // whole history through the framework.
                        TrackingToken head = storage.createHeadToken();
                        if (head != null) {
                            tokens.initializeSegment(head, LiveProjector.PROCESSOR, 0);
                            upTo = head.position().orElseThrow();
                        }
                    }
                    return new Core(gates, live, storage, tokens, upTo, serializer, metrics, reading);
                } catch (RuntimeException | Error e) {
                    // The store's lock goes with it, so the store can be opened again.
                    storage.close();
                    throw e;
                }
            }
            // On a shared store each node keeps its own read model: from its checkpoint under --data when
            // the cluster still proves it (the same data set, the same event at its position), it folds
            // the stream on up to the head it sees at start, and its processor carries on from there.
            EventStorage storage = StoreEngines.open(store, codec);
            try {
                TrackingToken head = storage.createHeadToken();
                InMemoryTokenStore tokens = new InMemoryTokenStore();
                tokens.initializeTokenSegments(LiveProjector.PROCESSOR, 1, head);
                long upTo = head == null ? 0 : head.position().orElseThrow();
                return new Core(gates, live, storage, tokens, upTo, serializer, metrics, reading);
            } catch (RuntimeException e) {
                storage.close();
                throw e;
            }
        }
    }

    /**
     * The live read model at start: the last checkpoint if it still holds, then the stream folded on
     * from it up to the processor's position. A checkpoint ahead of the processor is fine: the events
     * the processor hands over again are ones the model has seen, and it ignores them.
     */
    private void rebuild(long upTo) {
        ReadModel model = checkpoints == null ? live.blank() : checkpoints.read().orElseGet(live::blank);
        long from = model.position();
        if (upTo > from) {
            storage.scan(from, upTo, e -> model.apply(e.position(), e.payload()));
        }
        live.reset(model);
        if (checkpoints != null) {
            checkpoints.rebuilt(from, model.position());
        }
    }

    private void changed(Object event) {
        for (var listener : changeListeners) {
            listener.accept(event);
        }
    }

    /** Called on the processor thread with each applied event's payload; listeners must not block. */
    @Override
    public Runnable onChange(java.util.function.Consumer<Object> listener) {
        changeListeners.add(listener);
        return () -> changeListeners.remove(listener);
    }

    @Override
    public Province gates() {
        return gates;
    }

    @Override
    public EventStorage storage() {
        return storage;
    }

    @Override
    public LiveReadModel live() {
        return live;
    }

    @Override
    public CommandGateway commands() {
        return axon.commandGateway();
    }

    /** Events stored but not yet applied to the live read model, counted up to {@value #LAG_COUNTED_UP_TO}. */
    @Override
    public long projectionLag() {
        return storage.eventsAfter(live.position(), LAG_COUNTED_UP_TO);
    }

    /**
     * Completes once the live read model shows everything stored now, so a writer reads its write.
     * The head is asked for off the caller's thread: on a shared store it is a network read.
     */
    @Override
    public java.util.concurrent.CompletableFuture<Void> whenHeadProjected() {
        return java.util.concurrent.CompletableFuture.supplyAsync(storage::headPosition, commandThreads)
                .thenCompose(live::whenProjected);
    }

    /** Waits until the live read model has applied everything stored up to {@code position}. */
    @Override
    public boolean awaitProjected(long position, long timeoutMillis) throws InterruptedException {
        try {
            live.whenProjected(position).get(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        axon.shutdown();
        if (checkpoints != null) {
            checkpoints.close();
        }
        commandThreads.shutdown();
        storage.close();
        caches.close();
    }
}
