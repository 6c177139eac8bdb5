package borderwatch.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.province.Direction;
import borderwatch.province.GateConfig;
import borderwatch.province.Province;
import borderwatch.readmodel.ReadModel;
import borderwatch.service.ReadModels;
import borderwatch.traffic.TrafficProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The forecaster's reading of the live state: arrivals from clearances plus queue growth, a backlog
 * not mistaken for arrivals, a closed gate assumed to reopen, and no evidence taken as the usual day.
 */
class ForecasterTest {

    private static final Province PROVINCE = Province.defaults();
    private static final GateConfig TAN_THANH = PROVINCE.get("tan-thanh");
    /** 14:00 in Lạng Sơn. */
    private static final Instant NOW = Instant.parse("2025-05-14T07:00:00Z");
    private static final Instant FROM = NOW.minus(Duration.ofHours(6));

    private final ReadModel model = new ReadModel(PROVINCE, ReadModels.ALL);
    private final TrafficProfile profile = new TrafficProfile(PROVINCE.all());
    private long position;

    /**
     * Six hours at Tân Thanh, minute by minute: imports cleared as they usually arrive, exports cleared at
     * {@code exportPerHour}, and a queue report every five minutes going from {@code waitingFrom} to {@code waitingTo}.
     */
    private void sixHours(double exportPerHour, int waitingFrom, int waitingTo) {
        sixHours(exportPerHour, 1, waitingFrom, waitingTo);
    }

    private void sixHours(double exportPerHour, double usualImports, int waitingFrom, int waitingTo) {
        double exports = 0;
        double imports = 0;
        for (int minute = 0; minute < 360; minute++) {
            Instant at = FROM.plus(Duration.ofMinutes(minute));
            int hour = at.atZone(TAN_THANH.zone()).getHour();
            exports += exportPerHour / 60;
            imports += usualImports * profile.dailyVehicles(TAN_THANH, Direction.IMPORT) * TrafficProfile.hourShare(hour) / 60;
            clear(Direction.EXPORT, (int) exports, at);
            clear(Direction.IMPORT, (int) imports, at);
            exports -= (int) exports;
            imports -= (int) imports;
            if (minute % 5 == 0) {
                int waiting = waitingFrom + (waitingTo - waitingFrom) * minute / 355;
                model.apply(++position, new QueueObserved("q" + position, TAN_THANH.id(), waiting, null, at));
            }
        }
    }

    private void clear(Direction d, int vehicles, Instant at) {
        if (vehicles > 0) {
            model.apply(++position, new VehiclesCleared("v" + position, TAN_THANH.id(), d, vehicles, at));
        }
    }

    private Forecaster.GateForecast forecast() {
        return Forecaster.run(model, NOW, Map.of()).get(TAN_THANH.id());
    }

    @Test
    void aQueueGrowingWhileTheExportLaneRunsFullIsASurgeOfExports() {
        // The export lane clears all it can while 120 more trucks pile up: arrivals are clearances plus growth.
        sixHours(TAN_THANH.exportPerHour(), 0, 120);
        Forecaster.GateForecast f = forecast();
        assertThat(f.exportArrivals()).isGreaterThan(1.3);
        assertThat(f.importArrivals()).isBetween(0.8, 1.2);
        assertThat(f.capacityFactor()).isEqualTo(1.0);
        // The surge goes on: the queue keeps growing for the next hours.
        assertThat(f.points().get(7).waiting()).isGreaterThan(120);
    }

    @Test
    void aBacklogGoingOutIsNotTakenForArrivals() {
        // After a stoppage the gate clears a backlog of 150 exports at its full export pace.
        sixHours(TAN_THANH.exportPerHour(), 150, 100);
        Forecaster.GateForecast f = forecast();
        double usualExports = usual(Direction.EXPORT);
        double cleared = TAN_THANH.exportPerHour() * 6.0;
        // Taken at face value the exports cleared would read as a surge; less the backlog they are below it.
        assertThat(cleared / usualExports).isGreaterThan(f.exportArrivals());
        assertThat(f.importArrivals()).isBetween(0.8, 1.2);
    }

    @Test
    void aGateThatStoppedIsClosedUntilItIsAssumedToReopen() {
        // Nothing cleared for six hours while the queue grew to 160.
        sixHours(0, 0, 40, 160);
        Forecaster.GateForecast f = forecast();
        assertThat(f.capacityFactor()).isZero();
        List<Forecaster.Point> points = f.points();
        int closed = (int) (Forecaster.REOPEN_AFTER.toMinutes() / Forecaster.STEP.toMinutes());
        assertThat(points.get(closed - 2).expectedWaitMinutes()).isEqualTo(ExpectedWait.CAP_MINUTES);
        assertThat(points.get(closed - 1).expectedWaitMinutes()).isLessThan(ExpectedWait.CAP_MINUTES);
    }

    @Test
    void aMissingQueueReportIsCarriedForwardAndSaidToBeAnEstimate() {
        // The last queue report came three hours ago; nothing has been cleared since.
        model.apply(++position, new QueueObserved("q-old", TAN_THANH.id(), 100, null, NOW.minus(Duration.ofHours(3))));
        Forecaster.GateForecast f = forecast();
        assertThat(f.fromQueueReport()).isFalse();
        assertThat(f.queueEstimated()).isTrue();
        double usual = 0;
        for (int quarter = 0; quarter < 12; quarter++) {
            Instant t = NOW.minus(Duration.ofMinutes(15L * (quarter + 1)));
            int hour = t.atZone(TAN_THANH.zone()).getHour();
            usual += (profile.dailyVehicles(TAN_THANH, Direction.EXPORT) + profile.dailyVehicles(TAN_THANH, Direction.IMPORT))
                    * TrafficProfile.hourShare(hour) / 4;
        }
        // The first quarter-hour ahead starts from 100 plus the usual arrivals of three hours.
        assertThat(f.points().get(0).waiting()).isGreaterThanOrEqualTo((int) (100 + usual) - TAN_THANH.clearancePerHour());
    }

    @Test
    void aQueueReportOlderThanTwelveHoursIsNotCarriedForward() {
        model.apply(++position, new QueueObserved("q-old", TAN_THANH.id(), 300, null, NOW.minus(Duration.ofHours(13))));
        Forecaster.GateForecast f = forecast();
        assertThat(f.queueEstimated()).isFalse();
        assertThat(f.points().get(0).waiting()).isLessThan(50);
    }

    @Test
    void aHarvestThatBeganThisWeekLastYearIsExpectedAgain() {
        // Last year: four weeks of 60 exports a day at Tân Thanh, then a week around this day of 120.
        java.time.LocalDate lastYear = NOW.atZone(TAN_THANH.zone()).toLocalDate().minusWeeks(52);
        for (int back = 31; back >= -3; back--) {
            java.time.LocalDate day = lastYear.minusDays(back);
            int exports = back <= 3 ? 120 : 60;
            Instant noon = day.atTime(12, 0).atZone(TAN_THANH.zone()).toInstant();
            clear(Direction.EXPORT, exports, noon);
            clear(Direction.IMPORT, 40, noon);
        }
        Forecaster.GateForecast f = forecast();
        assertThat(f.exportArrivals()).as("twice the usual exports, as last year").isEqualTo(2.0);
        assertThat(f.importArrivals()).as("imports as usual").isEqualTo(1.0);
    }

    @Test
    void withoutAnyReportTheUsualDayIsExpected() {
        Forecaster.GateForecast f = forecast();
        assertThat(f.exportArrivals()).isEqualTo(1.0);
        assertThat(f.importArrivals()).isEqualTo(1.0);
        assertThat(f.fromQueueReport()).isFalse();
        assertThat(f.warning()).isNull();
    }

    @Test
    void aLevelFurtherAheadThanTheWarningHorizonIsDrawnButNotWarned() {
        // A slow build-up: the export lane full, the queue growing by a few trucks an hour.
        sixHours(TAN_THANH.exportPerHour(), 60, 90);
        Forecaster.GateForecast f = forecast();
        if (f.warning() != null) {
            assertThat(f.warning().expectedAt()).isBeforeOrEqualTo(NOW.plus(Forecaster.WARNING_HORIZON));
        }
        var firstAbove = f.points().stream().filter(p -> p.level() > f.levelNow()).findFirst();
        assertThat(firstAbove).as("the build-up reaches a level within 12 h").isPresent();
        if (firstAbove.get().at().isAfter(NOW.plus(Forecaster.WARNING_HORIZON))) {
            assertThat(f.warning()).isNull();
        } else {
            assertThat(f.warning()).isNotNull();
        }
    }

    private double usual(Direction d) {
        double sum = 0;
        for (int minute = 0; minute < 360; minute++) {
            int hour = FROM.plus(Duration.ofMinutes(minute)).atZone(TAN_THANH.zone()).getHour();
            sum += profile.dailyVehicles(TAN_THANH, d) * TrafficProfile.hourShare(hour) / 60;
        }
        return sum;
    }
}
