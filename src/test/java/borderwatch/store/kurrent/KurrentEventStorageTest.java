package borderwatch.store.kurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.province.Direction;
import borderwatch.store.EventStorage;
import borderwatch.store.EventStorageContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract for the KurrentDB engine, through the official client, against
 * {@link KurrentProtocolDouble} (read its comment for what that does and does not prove), plus what
 * is particular to KurrentDB: foreign and system streams, atomic appends across gate streams,
 * paging, snapshots in their own streams.
 */
class KurrentEventStorageTest extends EventStorageContract {

    private KurrentProtocolDouble server;
    private final List<EventStorage> abandoned = new ArrayList<>();

    @Override
    protected EventStorage openFresh() throws Exception {
        server = new KurrentProtocolDouble();
        return KurrentEventStorage.connect(server.connectionString(), CODEC);
    }

    @Override
    protected EventStorage reopen() {
        return KurrentEventStorage.connect(server.connectionString(), CODEC);
    }

    /** The server holds what it acknowledged; the node just drops its connection without a goodbye. */
    @Override
    protected void crash() {
        abandoned.add(storage);
        storage = null;
    }

    @AfterEach
    void stopServer() {
        abandoned.forEach(EventStorage::close);
        if (storage != null) {
            storage.close();
            storage = null;
        }
        server.close();
    }

    @Test
    void foreignAndSystemStreamsAreSkipped() {
        server.appendForeign("orders-17", "OrderPlaced");
        storage.appendEvents(cleared("tan-thanh", 0, "ours-1"));
        server.appendForeign("$stats-127.0.0.1:2113", "$statsCollected");
        server.appendForeign("$ce-bw", "$>");
        storage.appendEvents(cleared("tan-thanh", 1, "ours-2"));
        server.appendForeign("orders-18", "OrderPlaced");

        List<TrackedEventMessage<?>> all = readAll(null);
        assertThat(all).extracting(TrackedEventMessage::getIdentifier).containsExactly("ours-1", "ours-2");
        assertThat(storage.createHeadToken()).isEqualTo(all.get(1).trackingToken());
        assertThat(storage.eventCount()).isEqualTo(2);
    }

    @Test
    void pagesThroughLongRunsOfForeignEvents() {
        storage.appendEvents(cleared("chi-ma", 0, "first"));
        for (int i = 0; i < 3 * KurrentReads.PAGE + 7; i++) {
            server.appendForeign("orders-" + i, "OrderPlaced");
        }
        storage.appendEvents(cleared("chi-ma", 1, "last"));
        for (int i = 0; i < KurrentReads.PAGE + 1; i++) {
            server.appendForeign("invoices-" + i, "InvoiceSent");
        }

        assertThat(readAll(null)).extracting(TrackedEventMessage::getIdentifier).containsExactly("first", "last");
        TrackingToken afterFirst = readAll(null).get(0).trackingToken();
        assertThat(readAll(afterFirst)).extracting(TrackedEventMessage::getIdentifier).containsExactly("last");
        assertThat(storage.headPosition()).isEqualTo(readAll(null).get(1).trackingToken().position().orElseThrow());
    }

    @Test
    void aBatchOverSeveralGatesIsAppendedAtomically() {
        storage.appendEvents(cleared("tan-thanh", 0, "a"), cleared("huu-nghi", 0, "b"));
        assertThat(server.eventsIn("bw-tan-thanh")).isEqualTo(1);
        assertThat(server.eventsIn("bw-huu-nghi")).isEqualTo(1);

        // Hữu Nghị's part expects a stream that does not exist yet, so nothing of the batch is stored.
        assertThatThrownBy(() -> storage.appendEvents(cleared("tan-thanh", 1, "c"), cleared("huu-nghi", 0, "d")))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(server.eventsIn("bw-tan-thanh")).isEqualTo(1);
        assertThat(readAll(null)).extracting(TrackedEventMessage::getIdentifier).containsExactly("a", "b");
        assertThat(storage.existingIds(List.of("c", "d"))).isEmpty();
    }

    @Test
    void eachAggregateHasItsOwnStreamAndSnapshotsTheirs() {
        storage.appendEvents(cleared("coc-nam", 0, "x"), cleared("coc-nam", 1, "y"));
        storage.storeSnapshot(cleared("coc-nam", 1, "snap"));

        assertThat(server.eventsIn("bw-coc-nam")).isEqualTo(2);
        assertThat(server.eventsIn("bw-snapshot-coc-nam")).isEqualTo(1);
        assertThat(readAll(null)).hasSize(2);
        assertThat(storage.readSnapshot("coc-nam")).hasValueSatisfying(s -> assertThat(s.getSequenceNumber()).isEqualTo(1));
    }

    @Test
    void aTokenAtAnInstantStartsJustBeforeTheFirstEventAtOrAfterIt() {
        Instant t0 = Instant.parse("2025-05-14T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            storage.appendEvents(new GenericDomainEventMessage<>("Gate", "dong-dang", i,
                    new VehiclesCleared("t" + i, "dong-dang", Direction.IMPORT, 2, t0.plusSeconds(60L * i)),
                    java.util.Map.of(), "t" + i, t0.plusSeconds(60L * i)));
        }
        TrackingToken at = storage.createTokenAt(t0.plusSeconds(150));
        assertThat(readAll(at)).extracting(TrackedEventMessage::getIdentifier).containsExactly("t3", "t4");
        assertThat(storage.createTokenAt(t0.minusSeconds(1))).isNull();
        assertThat(readAll(storage.createTokenAt(t0.plusSeconds(3_600)))).isEmpty();
    }

    @Test
    void aReadThatMayBlockWaitsForAnAppendInsteadOfReturningAtOnce() throws Exception {
        storage.appendEvents(cleared("chi-ma", 0, "w0"));
        TrackingToken head = storage.createHeadToken();

        long started = System.nanoTime();
        assertThat(storage.readEvents(head, true).toList()).isEmpty();
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).as("an idle read waits before answering")
                .isGreaterThanOrEqualTo(java.time.Duration.ofMillis(90));

        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(30);
                storage.appendEvents(cleared("chi-ma", 1, "w1"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        writer.start();
        // The append lands while the reader waits; the reader then reads again and delivers it.
        List<? extends TrackedEventMessage<?>> woken = storage.readEvents(head, true).toList();
        writer.join();
        assertThat(woken).extracting(TrackedEventMessage::getIdentifier).containsExactly("w1");
    }

    @Test
    void refusesATokenOfAnotherStore() {
        assertThatThrownBy(() -> storage.readEvents(new org.axonframework.eventhandling.GlobalSequenceTrackingToken(3), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
