package borderwatch.gate;

import borderwatch.gate.GateDecision.LevelCleared;
import borderwatch.gate.GateDecision.LevelRaised;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.province.Direction;
import borderwatch.province.Province;
import borderwatch.testing.ProvinceFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gate that stops clearing while trucks wait stands at an alert level, whatever the queue's size; one shut by its hours does not. */
class StalledGateTest {

    /** 09:00 in Lạng Sơn. */
    private static final Instant T0 = Instant.parse("2026-07-01T02:00:00Z");

    @TempDir
    Path dir;

    /** Lạng Sơn with Tân Thanh's hours given: {@code open}–{@code close} (equal: round the clock). */
    private Province withHours(String open, String close) {
        return ProvinceFiles.langSon(dir, "hours-" + open.replace(":", "") + "-" + close.replace(":", "") + ".json",
                root -> ProvinceFiles.gate(root, 1).putObject("hours").put("open", open).put("close", close));
    }

    /** Lạng Sơn with Tân Thanh's wait limit set (and no hours). */
    private Province withWaitLimit(int minutes) {
        return ProvinceFiles.langSon(dir, "wait-" + minutes + ".json",
                root -> ProvinceFiles.gate(root, 1).put("alertWaitMinutes", minutes));
    }

    private AggregateTestFixture<Gate> fixture(Province province) {
        AggregateTestFixture<Gate> fixture = new AggregateTestFixture<>(Gate.class);
        fixture.registerAnnotatedCommandHandler(new GateEventRecorder(fixture.getRepository(), ids -> Set.of(), province));
        return fixture;
    }

    private static QueueObserved observed(String id, int waiting, int minutes) {
        return new QueueObserved(id, "tan-thanh", waiting, 0.1, T0.plusSeconds(60L * minutes));
    }

    private static VehiclesCleared cleared(String id, int minutes) {
        return new VehiclesCleared(id, "tan-thanh", Direction.EXPORT, 3, T0.plusSeconds(60L * minutes));
    }

    @Test
    void anHourWithoutClearingWhileTrucksWaitRaisesTheAlertLevel() throws Exception {
        QueueObserved q = observed("q3", 35, 70);
        fixture(withHours("00:00", "00:00"))
                .given(cleared("c1", 5), observed("q1", 30, 10), observed("q2", 32, 40))
                .when(new RecordGateEvents(List.of(q)))
                .expectEvents(q, new LevelRaised("q3:level", "tan-thanh", 0, 2, Gate.STALLED, 35, 0.1, q.at()));
    }

    @Test
    void notBeforeAnHourHasPassed() throws Exception {
        QueueObserved q = observed("q2", 35, 60);
        fixture(withHours("00:00", "00:00"))
                .given(cleared("c1", 5), observed("q1", 30, 10))
                .when(new RecordGateEvents(List.of(q)))
                .expectEvents(q);
    }

    @Test
    void notForAFewTrucks() throws Exception {
        QueueObserved q = observed("q2", 12, 90);
        fixture(withHours("00:00", "00:00"))
                .given(cleared("c1", 5), observed("q1", 10, 10))
                .when(new RecordGateEvents(List.of(q)))
                .expectEvents(q);
    }

    @Test
    void clearingAgainLetsTheLevelFallByTheQueue() throws Exception {
        QueueObserved q = observed("q3", 35, 100);
        fixture(withHours("00:00", "00:00"))
                .given(cleared("c1", 5), observed("q1", 30, 10),
                       new LevelRaised("q2:level", "tan-thanh", 0, 2, Gate.STALLED, 35, 0.1, T0.plusSeconds(60L * 70)),
                       cleared("c2", 95))
                .when(new RecordGateEvents(List.of(q)))
                .expectEvents(q, new LevelCleared("q3:level", "tan-thanh", 2, 0, 35, 0.1, q.at()));
    }

    @Test
    void aGateShutByItsHoursIsNotStopped() throws Exception {
        // Tân Thanh works 07:00–09:30; at 10:10 it has been shut for 40 minutes of the last hour.
        QueueObserved q = observed("q3", 35, 70);
        fixture(withHours("07:00", "09:30"))
                .given(cleared("c1", 5), observed("q1", 30, 10), observed("q2", 32, 40))
                .when(new RecordGateEvents(List.of(q)))
                .expectEvents(q);
    }

    @Test
    void aGateWhoseHoursTheFileDoesNotGiveIsNeverFoundStopped() {
        // Its nights could not be told from a stop.
        QueueObserved q = observed("q3", 35, 70);
        fixture(Province.defaults())
                .given(cleared("c1", 5), observed("q1", 30, 10), observed("q2", 32, 40))
                .when(new RecordGateEvents(List.of(q)))
                .expectEvents(q);
    }

    @Test
    void anExpectedWaitPastTheGatesLimitRaisesTheAlertLevel() throws Exception {
        // Ten trucks cleared in two hours and thirty waiting: a truck joining now waits six hours.
        QueueObserved q = observed("q2", 30, 125);
        fixture(withWaitLimit(240))
                .given(new VehiclesCleared("c1", "tan-thanh", Direction.EXPORT, 4, T0.plusSeconds(60L * 20)),
                       new VehiclesCleared("c2", "tan-thanh", Direction.EXPORT, 6, T0.plusSeconds(60L * 90)),
                       observed("q1", 28, 100))
                .when(new RecordGateEvents(List.of(q)))
                .expectEvents(q, new LevelRaised("q2:level", "tan-thanh", 0, 2, Gate.WAIT, 30, 0.1, q.at()));
    }

    @Test
    void aQueueThatMovesWithinTheLimitIsLeftToItsThresholds() throws Exception {
        // 120 cleared in two hours: thirty waiting clear in half an hour.
        QueueObserved q = observed("q2", 30, 125);
        fixture(withWaitLimit(240))
                .given(new VehiclesCleared("c1", "tan-thanh", Direction.EXPORT, 60, T0.plusSeconds(60L * 20)),
                       new VehiclesCleared("c2", "tan-thanh", Direction.EXPORT, 60, T0.plusSeconds(60L * 90)),
                       observed("q1", 28, 100))
                .when(new RecordGateEvents(List.of(q)))
                .expectEvents(q);
    }

    @Test
    void aWaitLimitOutsideItsRangeStopsTheStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> withWaitLimit(5))
                .hasMessageContaining("gates[1].alertWaitMinutes must be a whole number of minutes from 15 to 10080");
    }
}
