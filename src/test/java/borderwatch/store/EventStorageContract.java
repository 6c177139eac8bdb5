package borderwatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import borderwatch.core.StoredEventTypes;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.province.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every BorderWatch event storage engine must do. An engine's test extends this class and
 * says how to open, reopen (as after a crash) and close its store.
 */
public abstract class EventStorageContract {

    protected static final EventCodec CODEC = new EventCodec(StoredEventTypes.registry());
    private static final Instant AT = Instant.parse("2025-05-14T01:15:00Z");

    protected EventStorage storage;

    /** A fresh, empty store. */
    protected abstract EventStorage openFresh() throws Exception;

    /** The same store again, as a new process would see it after {@link #crash()} or close. */
    protected abstract EventStorage reopen() throws Exception;

    /** Stops the store without any orderly shutdown, as close to kill -9 as the engine allows. */
    protected abstract void crash() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        storage = openFresh();
    }

    @AfterEach
    void closeStore() {
        if (storage != null) {
            storage.close();
        }
    }

    protected static DomainEventMessage<?> cleared(String gate, long seq, String eventId) {
        return new GenericDomainEventMessage<>("Gate", gate, seq,
                new VehiclesCleared(eventId, gate, Direction.EXPORT, 1 + (int) seq, AT.plusSeconds(seq)));
    }

    protected List<TrackedEventMessage<?>> readAll(TrackingToken from) {
        return storage.readEvents(from, false).collect(Collectors.toList());
    }

    @Test
    void readsEventsBackInAppendOrderWithTheirIdsAndPayloads() {
        storage.appendEvents(cleared("tan-thanh", 0, "a"), cleared("huu-nghi", 0, "b"));
        storage.appendEvents(cleared("tan-thanh", 1, "c"));

        List<TrackedEventMessage<?>> all = readAll(null);

        assertThat(all).extracting(TrackedEventMessage::getIdentifier).containsExactly("a", "b", "c");
        assertThat(all.get(2).getPayload())
                .isEqualTo(new VehiclesCleared("c", "tan-thanh", Direction.EXPORT, 2, AT.plusSeconds(1)));
        assertThat(storage.headPosition()).isEqualTo(
                all.get(2).trackingToken().position().orElseThrow());
    }

    @Test
    void positionsGrowStrictlyAndTokensResumeWithoutRepeats() {
        for (int i = 0; i < 2_500; i++) {
            storage.appendEvents(cleared("coc-nam", i, "e" + i));
        }
        List<TrackedEventMessage<?>> all = readAll(null);
        assertThat(all).hasSize(2_500);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).trackingToken().covers(all.get(i - 1).trackingToken())).isTrue();
            assertThat(all.get(i - 1).trackingToken().covers(all.get(i).trackingToken())).isFalse();
        }
        TrackingToken middle = all.get(1_199).trackingToken();
        List<TrackedEventMessage<?>> rest = readAll(middle);
        assertThat(rest).extracting(TrackedEventMessage::getIdentifier)
                .containsExactlyElementsOf(IntStream.range(1_200, 2_500).mapToObj(i -> "e" + i).toList());
    }

    @Test
    void readsOneAggregateInSequenceFromAGivenNumber() {
        storage.appendEvents(cleared("chi-ma", 0, "x0"), cleared("huu-nghi", 0, "y0"), cleared("chi-ma", 1, "x1"),
                cleared("chi-ma", 2, "x2"));

        assertThat(storage.readEvents("chi-ma").asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(0L, 1L, 2L);
        assertThat(storage.readEvents("chi-ma", 1).asStream().map(DomainEventMessage::getIdentifier))
                .containsExactly("x1", "x2");
        assertThat(storage.lastSequenceNumberFor("chi-ma")).contains(2L);
        assertThat(storage.lastSequenceNumberFor("dong-dang")).isEmpty();
    }

    @Test
    void aSequenceConflictRejectsTheWholeAppend() {
        storage.appendEvents(cleared("tan-thanh", 0, "a"));

        assertThatThrownBy(() -> storage.appendEvents(cleared("tan-thanh", 1, "b"), cleared("tan-thanh", 0, "c")))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(readAll(null)).extracting(TrackedEventMessage::getIdentifier).containsExactly("a");
    }

    @Test
    void concurrentWritersOfOneSequenceNumberGetExactlyOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String id = "race-" + i;
                results.add(pool.submit(() -> {
                    try {
                        storage.appendEvents(cleared("huu-nghi", 0, id));
                        return true;
                    } catch (ConcurrencyException e) {
                        return false;
                    }
                }));
            }
            int winners = 0;
            for (Future<Boolean> f : results) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(readAll(null)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRepeatedEventIdIsRecognisedAndNotStoredTwice() {
        storage.appendEvents(cleared("tan-thanh", 0, "same"));

        assertThat(storage.existingIds(List.of("same", "other"))).containsExactly("same");
        assertThatThrownBy(() -> storage.appendEvents(cleared("tan-thanh", 1, "fresh"), cleared("coc-nam", 0, "same")))
                .isInstanceOf(DuplicateEventIdException.class);

        assertThat(readAll(null)).extracting(TrackedEventMessage::getIdentifier).containsExactly("same");
        assertThat(storage.existingIds(List.of("fresh"))).isEmpty();
    }

    @Test
    void existingIdsHandlesLargeLookups() {
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            batch.add(cleared("dong-dang", i, "id-" + i));
        }
        storage.appendEvents(batch);
        List<String> asked = IntStream.range(1_000, 2_000).mapToObj(i -> "id-" + i).toList();
        assertThat(storage.existingIds(asked)).hasSize(500).contains("id-1499").doesNotContain("id-1500");
    }

    @Test
    void scanDeliversDecodedPayloadsInsideTheRange() {
        for (int i = 0; i < 10; i++) {
            storage.appendEvents(cleared("chi-ma", i, "s" + i));
        }
        // Positions need not be dense: take the third and the seventh event's.
        List<TrackedEventMessage<?>> all = readAll(null);
        long third = all.get(2).trackingToken().position().orElseThrow();
        long seventh = all.get(6).trackingToken().position().orElseThrow();
        List<StoredEvent> seen = new ArrayList<>();
        storage.scan(third, seventh, seen::add);
        assertThat(seen).extracting(e -> ((VehiclesCleared) e.payload()).eventId())
                .containsExactly("s3", "s4", "s5", "s6");
        assertThat(seen).extracting(StoredEvent::type).containsOnly("gate.vehicles-cleared.v2");
        assertThat(seen).extracting(StoredEvent::position).isSorted();
    }

    @Test
    void headAndTailTokensBracketTheStream() {
        assertThat(storage.createTailToken()).isNull();
        storage.appendEvents(cleared("huu-nghi", 0, "h0"), cleared("huu-nghi", 1, "h1"));
        TrackingToken head = storage.createHeadToken();
        assertThat(readAll(head)).isEmpty();
        assertThat(head).isEqualTo(readAll(null).get(1).trackingToken());
        assertThat(head.position()).hasValue(storage.headPosition());
        assertThat(storage.eventsAfter(readAll(null).get(0).trackingToken().position().orElseThrow(), 10)).isEqualTo(1);
        assertThat(storage.eventCount()).isEqualTo(2);
    }

    @Test
    void everyAcknowledgedEventSurvivesAnUncleanStop() throws Exception {
        for (int i = 0; i < 100; i++) {
            storage.appendEvents(cleared("tan-thanh", i, "d" + i));
        }
        crash();
        storage = reopen();

        assertThat(readAll(null)).extracting(TrackedEventMessage::getIdentifier)
                .containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> "d" + i).toList());
        storage.appendEvents(cleared("tan-thanh", 100, "d100"));
        assertThat(storage.lastSequenceNumberFor("tan-thanh")).contains(100L);
        assertThat(storage.existingIds(Set.of("d0", "d100"))).hasSize(2);
    }

    @Test
    void snapshotsReplaceEachOther() {
        storage.storeSnapshot(cleared("coc-nam", 4, "snap-1"));
        storage.storeSnapshot(cleared("coc-nam", 9, "snap-2"));
        assertThat(storage.readSnapshot("coc-nam")).hasValueSatisfying(s -> {
            assertThat(s.getSequenceNumber()).isEqualTo(9L);
            assertThat(((VehiclesCleared) s.getPayload()).eventId()).isEqualTo("snap-2");
        });
        assertThat(storage.readSnapshot("chi-ma")).isEmpty();
    }
}
