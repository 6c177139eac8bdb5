package borderwatch.store.kurrent;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.shared.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Repeats are recognised within the re-send window, and memory follows the window, not the history. */
class KnownIdsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(7);

    /** One id an hour for {@code days} days up to now, newest first, as $all read backwards gives them. */
    private static List<KnownIds.Known> history(int days) {
        List<KnownIds.Known> out = new ArrayList<>();
        for (int hour = 0; hour < days * 24; hour++) {
            out.add(new KnownIds.Known("e-" + hour, NOW.minus(Duration.ofHours(hour))));
        }
        return out;
    }

    @Test
    void theFirstLookUpReadsBackOnlyAsFarAsTheWindow() {
        AtomicInteger read = new AtomicInteger();
        List<KnownIds.Known> stored = history(3_650);
        KnownIds known = new KnownIds(() -> stored.stream().peek(k -> read.incrementAndGet()), new SettableClock(NOW), WINDOW);

        assertThat(known.existing(List.of("e-1", "e-100", "e-200", "e-5000"))).containsOnly("e-1", "e-100");
        assertThat(read.get()).as("ids read of ten years' history").isLessThanOrEqualTo(7 * 24 + 2);
        assertThat(known.size()).isLessThanOrEqualTo(7 * 24 + 1);
    }

    @Test
    void memoryStaysFlatAsHistoryGrowsAndIdsLeaveTheWindow() {
        SettableClock clock = new SettableClock(NOW);
        KnownIds known = new KnownIds(java.util.stream.Stream::empty, clock, WINDOW);
        int perDay = 5_000;
        int largest = 0;
        for (int day = 0; day < 60; day++) {
            List<String> appended = new ArrayList<>();
            for (int i = 0; i < perDay; i++) {
                appended.add("d" + day + "-" + i);
            }
            known.addAll(appended);
            largest = Math.max(largest, known.size());
            clock.set(clock.instant().plus(Duration.ofDays(1)));
        }
        // Sixty days appended; the set never holds much more than a window's worth (plus one sweep's).
        assertThat(largest).isLessThanOrEqualTo(8 * perDay + KnownIds.SWEEP_EVERY);
        assertThat(known.existing(Set.of("d59-1", "d54-1", "d40-1"))).containsOnly("d59-1", "d54-1");
    }

    @Test
    void aRepeatWithinTheWindowIsRecognisedWhateverTaughtTheId() {
        SettableClock clock = new SettableClock(NOW);
        KnownIds known = new KnownIds(java.util.stream.Stream::empty, clock, WINDOW);
        known.add("read-from-a-gate-stream", NOW.minus(Duration.ofDays(6)));
        known.add("too-old-to-remember", NOW.minus(Duration.ofDays(8)));
        known.addAll(List.of("just-appended"));
        assertThat(known.existing(List.of("read-from-a-gate-stream", "too-old-to-remember", "just-appended", "new")))
                .containsOnly("read-from-a-gate-stream", "just-appended");
    }
}
