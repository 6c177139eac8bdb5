package borderwatch.core;

import borderwatch.auth.Principal;
import borderwatch.plugin.CommandParts;
import borderwatch.province.Province;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;

/**
 * The Axon command side over any storage engine: every feature's aggregates and handlers, with caches, and an
 * asynchronous command bus whose threads let concurrent batches share one durable commit.
 */
public final class CommandSide {

    public static final int COMMAND_THREADS = 16;
    /** A gate whose cold load replayed more events than this gets a snapshot for the next cold load. */
    static final int COLD_LOAD_EVENTS = 10_000;

    /** Waits of 10, 20, 40 … 1,280 ms: a conflict is rare, but two nodes busy on one gate may meet again. */
    static final int CONFLICT_RETRIES = 8;
    static final long CONFLICT_BACKOFF_MILLIS = 10;
    private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "command-retry");
        t.setDaemon(true);
        return t;
    });

    private CommandSide() {
    }

    public static ExecutorService commandThreads() {
        AtomicInteger threadNo = new AtomicInteger();
        return Executors.newFixedThreadPool(COMMAND_THREADS, r -> {
            Thread t = new Thread(r, "command-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public static Configurer configurer(EventStorageEngine engine, Serializer serializer,
                                        Function<Collection<String>, Set<String>> storedIds, Province gates, ExecutorService threads,
                                        TransactionManager transactions, AggregateCaches caches) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> engine)
                // The token and request behind a command go with every event the command causes, for the
                // audit trail and to find the request in the access log.
                .configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider(Principal.TOKEN_ID, Principal.ROLE, Principal.LABEL,
                                Principal.REQUEST_ID)))
                .configureTransactionManager(c -> transactions)
                .configureCommandBus(c -> {
                    AsynchronousCommandBus bus = AsynchronousCommandBus.builder()
                            .executor(threads)
                            .transactionManager(transactions)
                            // Reports to Axon's metrics when a registry is configured; a no-op otherwise.
                            .messageMonitor(c.messageMonitor(AsynchronousCommandBus.class, "commandBus"))
                            .build();
                    // Axon's default bus does this itself; a bus built here must ask for it.
                    bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(c.correlationDataProviders()));
                    return bus;
                })
                // On a store shared by several nodes, another node may have moved a gate's stream on since
                // this node cached the gate: the append fails with a conflict, the unit of work drops the
                // cached gate, and the command runs again on the stream as it now is.
                .registerComponent(CommandGateway.class, c -> DefaultCommandGateway.builder()
                        .commandBus(c.commandBus())
                        .retryScheduler(ExponentialBackOffIntervalRetryScheduler.builder()
                                .retryExecutor(RETRIES)
                                .backoffFactor(CONFLICT_BACKOFF_MILLIS)
                                .maxRetryCount(CONFLICT_RETRIES)
                                .nonTransientFailurePredicate(failure -> !(failure instanceof ConcurrencyException))
                                .build())
                        .build());
        Features.ALL.commandSide(configurer, new CommandParts() {
            @Override
            public Province province() {
                return gates;
            }

            @Override
            public Set<String> existingIds(Collection<String> eventIds) {
                return storedIds.apply(eventIds);
            }

            @Override
            public Cache cache(String name) {
                return caches.create();
            }

            @Override
            public SnapshotTriggerDefinition coldLoadSnapshots(Configuration axon) {
                return new ColdLoadSnapshots(axon.snapshotter(), COLD_LOAD_EVENTS);
            }
        });
        return configurer;
    }

    public static Configurer configurer(EventStorageEngine engine, Serializer serializer,
                                        Function<Collection<String>, Set<String>> storedIds, Province gates, ExecutorService threads) {
        return configurer(engine, serializer, storedIds, gates, threads, NoTransactionManager.INSTANCE,
                new AggregateCaches());
    }
}
