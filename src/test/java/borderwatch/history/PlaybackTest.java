package borderwatch.history;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.Core;
import borderwatch.gate.GateEvent;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import borderwatch.province.Direction;
import borderwatch.province.Province;
import borderwatch.readmodel.Replay;
import borderwatch.service.ReadModels;
import borderwatch.store.StoreLocation;
import borderwatch.traffic.Traffic;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replayed period is read from the store a chunk ahead of the clock, never held whole. */
class PlaybackTest {

    @TempDir
    Path data;

    @Test
    void aLongPeriodStoredOutOfOrderPlaysInTimeOrderWithAtMostTwoChunksHeld() {
        Instant from = Instant.parse("2025-07-01T17:00:00Z");
        Instant to = from.plusSeconds(2 * 86_400);
        int events = Playback.CHUNK * 4 + 123;
        try (Core core = Core.open(new StoreLocation.Embedded(data), Province.defaults(), ReadModels.ALL, new io.micrometer.core.instrument.simple.SimpleMeterRegistry())) {
            List<GateReport> reports = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                // One vehicle a report, every 20 s of the period, plus some before and after it.
                reports.add(new VehiclesCleared("v" + i, "tan-thanh", Direction.EXPORT, 1, from.plusSeconds(20L * i)));
            }
            reports.add(new VehiclesCleared("before", "tan-thanh", Direction.EXPORT, 1, from.minusSeconds(60)));
            reports.add(new VehiclesCleared("after", "tan-thanh", Direction.EXPORT, 1, to.plusSeconds(60)));
            Collections.shuffle(reports, new Random(7));
            for (int i = 0; i < reports.size(); i += 500) {
                core.commands().sendAndWait(new RecordGateEvents(reports.subList(i, Math.min(reports.size(), i + 500))));
            }

            Playback playback = Playback.of(core.storage(), core.live().blank(), from, to, 600);
            assertThat(playback.eventsInPeriod()).isEqualTo(events);
            List<Instant> applied = new ArrayList<>();
            playback.onChange(e -> applied.add(((GateEvent) e).at()));
            int mostAhead = playback.eventsAhead();
            while (!playback.done()) {
                if (playback.wantsMore()) {
                    playback.fetchMore();
                }
                mostAhead = Math.max(mostAhead, playback.eventsAhead());
                playback.advance(1_000);
            }
            playback.advance(1_000);
            assertThat(applied).hasSize(events).isSorted();
            assertThat(mostAhead).as("events held ahead of the clock").isLessThanOrEqualTo(2 * Playback.CHUNK);

            java.time.LocalDate first = from.atZone(core.gates().zone()).toLocalDate();
            java.time.LocalDate last = to.atZone(core.gates().zone()).toLocalDate();
            long replayedExports = playback.live().query(m -> Traffic.of(m).range("tan-thanh", first, last).exportVehicles());
            Replay.Result direct = Replay.asOf(core.storage(), core.live().blank(), to.minusNanos(1), p -> { });
            assertThat(replayedExports).isEqualTo(Traffic.of(direct.model()).range("tan-thanh", first, last).exportVehicles())
                    .isEqualTo(events);
        }
    }

    @Test
    void theClockWaitsForEventsNotYetRead() {
        Instant from = Instant.parse("2025-07-01T17:00:00Z");
        try (Core core = Core.open(new StoreLocation.Embedded(data), Province.defaults(), ReadModels.ALL, new io.micrometer.core.instrument.simple.SimpleMeterRegistry())) {
            List<GateReport> reports = new ArrayList<>();
            for (int i = 0; i < Playback.CHUNK * 2; i++) {
                reports.add(new VehiclesCleared("v" + i, "chi-ma", Direction.IMPORT, 1, from.plusSeconds(i)));
            }
            core.commands().sendAndWait(new RecordGateEvents(reports));
            Playback playback = Playback.of(core.storage(), core.live().blank(), from, from.plusSeconds(86_400), 1_000_000);
            playback.advance(1_000);
            assertThat(playback.done()).as("stopped where the read events end").isFalse();
            assertThat(playback.now()).isEqualTo(from.plusSeconds(Playback.CHUNK));
            playback.fetchMore();
            playback.advance(1_000);
            assertThat(playback.done()).isTrue();
        }
    }
}
