package borderwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.Core;
import borderwatch.gate.ActivateResponsePlan;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import borderwatch.gate.RecordedBatch;
import borderwatch.gate.StandDownResponsePlan;
import borderwatch.history.DailyTotalsCsv;
import borderwatch.history.HistoryImport;
import borderwatch.http.Json;
import borderwatch.province.Direction;
import borderwatch.province.Province;
import borderwatch.service.ReadModels;
import borderwatch.testing.TestClock;
import borderwatch.tradeplan.SetAnnualPlan;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The year-end report on a small history whose figures are worked out by hand in the comments. */
class PeriodReportTest {

    @TempDir
    Path data;
    private Core core;
    private final Province gates = Province.defaults();

    private static Instant at(String local) {
        return OffsetDateTime.parse(local + "+07:00").toInstant();
    }

    private void record(GateReport... events) {
        core.commands().sendAndWait(new RecordGateEvents(List.of(events)));
    }

    @BeforeEach
    void history() {
        core = Core.open(data, gates, ReadModels.ALL);
        // 2024 exports 3.000.000 USD, imports 500.000 USD; 2025 exports 2.550.000, imports 1.579.000.
        String csv = """
                date,gate,export_vehicles,import_vehicles,export_usd,import_usd
                2024-03-01,tan-thanh,10,20,3000000.00,500000
                2025-03-01,tan-thanh,12,30,860000,579000.00
                2025-07-15,huu-nghi,40,5,1690000,1000000
                """;
        var rows = new DailyTotalsCsv(gates, LocalDate.of(2026, 6, 1)).read(csv.getBytes(StandardCharsets.UTF_8));
        new HistoryImport(gates, b -> core.commands().<RecordedBatch>sendAndWait(b)).run(rows, n -> { });
        core.commands().sendAndWait(SetAnnualPlan.of(2025, 300_000_000L, 150_000_000L, 450_000_000L, null, "p25",
                at("2026-01-05T09:00:00")));
        // One incident at Tân Thanh on 1 May: watch 08:00–10:00, alert 10:00–14:00; a plan 10:30–12:30.
        record(new QueueObserved("q1", "tan-thanh", 150, null, at("2025-05-01T08:00:00")));
        record(new QueueObserved("q2", "tan-thanh", 250, null, at("2025-05-01T10:00:00")));
        core.commands().sendAndWait(new ActivateResponsePlan("tan-thanh", 2, "Lan", "ùn", "a1", at("2025-05-01T10:30:00")));
        core.commands().sendAndWait(new StandDownResponsePlan("tan-thanh", "Lan", "hết ùn", "a2", at("2025-05-01T12:30:00")));
        record(new QueueObserved("q3", "tan-thanh", 50, null, at("2025-05-01T14:00:00")));
        // A second one from 22:00 on New Year's Eve to 02:00 on 1 January: 2 h in each year.
        record(new QueueObserved("q4", "tan-thanh", 150, null, at("2025-12-31T22:00:00")));
        record(new QueueObserved("q5", "tan-thanh", 10, null, at("2026-01-01T02:00:00")));
        // Vehicles either side of midnight in the gate's zone (both on 31 December in UTC).
        record(new VehiclesCleared("late", "huu-nghi", Direction.IMPORT, 7, at("2025-12-31T23:30:00")),
               new VehiclesCleared("new-year", "huu-nghi", Direction.IMPORT, 9, at("2026-01-01T03:00:00")));
    }

    @AfterEach
    void close() {
        core.close();
    }

    private PeriodReport report(int year, String asOf) {
        return Reports.build(core.storage(), core.live().blank(), new ReportRequest(year, ReportRequest.parseAsOf(asOf, gates.zone()),
                "vi", "json"), p -> { });
    }

    @Test
    void turnoverAgainstPlanAndLastYear() {
        PeriodReport r = report(2025, "2025-12-31");
        // Exports 2.550.000 of 3.000.000 = 85,0%; 15,0% below 3.000.000 a year earlier.
        assertThat(r.summary().export().yearToDateUsd()).isEqualByComparingTo("2550000");
        assertThat(r.summary().export().percentOfPlan()).isEqualByComparingTo("85.0");
        assertThat(r.summary().export().changePercent()).isEqualByComparingTo("-15.0");
        // Imports 1.579.000 of 1.500.000 = 105,27 → 105,3%; vs 500.000: +215,8%.
        assertThat(r.summary().imports().percentOfPlan()).isEqualByComparingTo("105.3");
        assertThat(r.summary().imports().changePercent()).isEqualByComparingTo("215.8");
        // Total 4.129.000 of 4.500.000 = 91,76 → 91,8%; vs 3.500.000: +17,97 → 18%.
        assertThat(r.summary().total().percentOfPlan()).isEqualByComparingTo("91.8");
        assertThat(r.summary().total().changePercent()).isEqualByComparingTo("18.0");
        assertThat(Headline.sentence(r.summary(), new ReportFormat("vi", gates.zone()))).isEqualTo(
                "Tổng kim ngạch 4,1 triệu USD, đạt 91,8% kế hoạch, tăng 18,0% so với cùng kỳ; "
                + "xuất khẩu 2,6 triệu USD, đạt 85,0% kế hoạch, giảm 15,0% so với cùng kỳ; "
                + "nhập khẩu 1,6 triệu USD, đạt 105,3% kế hoạch, tăng 215,8% so với cùng kỳ.");
        assertThat(Headline.sentence(r.summary(), new ReportFormat("en", gates.zone()))).startsWith(
                "Total turnover 4.1 million USD, 91.8% of plan, up 18.0% year on year; exports 2.6 million USD");
        assertThat(r.months()).hasSize(12);
        assertThat(r.months().get(6).exportUsd()).isEqualByComparingTo("1690000");
        assertThat(r.gates().get(0).gate()).isEqualTo("huu-nghi");
        assertThat(r.gates().get(0).importVehicles()).isEqualTo(5 + 7);
    }

    @Test
    void vehiclesPerDayWithThePeakDay() {
        PeriodReport r = report(2025, "2025-12-31");
        PeriodReport.VehiclesPerDay exports = r.vehiclesPerDay().stream()
                .filter(v -> v.gate() == null && v.direction() == Direction.EXPORT).findFirst().orElseThrow();
        // 12 + 40 export vehicles over 365 days: 0,14 → 0,1 a day; the peak is 40 on 15 July.
        assertThat(exports.total()).isEqualTo(52);
        assertThat(exports.average()).isEqualByComparingTo("0.1");
        assertThat(exports.peak()).isEqualTo(40);
        assertThat(exports.peakDate()).isEqualTo(LocalDate.of(2025, 7, 15));
        PeriodReport.VehiclesPerDay tanThanhImports = r.vehiclesPerDay().stream()
                .filter(v -> "tan-thanh".equals(v.gate()) && v.direction() == Direction.IMPORT).findFirst().orElseThrow();
        assertThat(tanThanhImports.peakDate()).isEqualTo(LocalDate.of(2025, 3, 1));
    }

    @Test
    void congestionIncidentsAndPlansAreCountedInsideTheYear() {
        PeriodReport.GateCongestion y2025 = report(2025, "2026-03-01").congestion().get(1);
        assertThat(y2025.gate()).isEqualTo("tan-thanh");
        assertThat(y2025.incidents()).isEqualTo(2);
        // Watch: 2 h on 1 May and 2 h before midnight; alert: 4 h.
        assertThat(y2025.hoursAtLevel().get("watch")).isEqualByComparingTo("4.0");
        assertThat(y2025.hoursAtLevel().get("alert")).isEqualByComparingTo("4.0");
        assertThat(y2025.plansActivated()).isEqualTo(1);
        assertThat(y2025.planHours()).isEqualByComparingTo("2.0");
        PeriodReport.GateCongestion y2026 = report(2026, "2026-03-01").congestion().get(1);
        assertThat(y2026.incidents()).as("it began in 2025").isZero();
        assertThat(y2026.hoursAtLevel().get("watch")).isEqualByComparingTo("2.0");
        // As of 23:00 on New Year's Eve the open incident counts 1 h so far.
        assertThat(report(2025, "2025-12-31T23:00:00+07:00").congestion().get(1).hoursAtLevel().get("watch"))
                .isEqualByComparingTo("3.0");
    }

    @Test
    void asOfCutsAtDayAndYearBoundariesInTheGatesZone() {
        long imports = report(2025, "2025-12-31").gates().get(0).importVehicles();
        assertThat(imports).as("23:30 on 31 December counts, 03:00 on 1 January does not").isEqualTo(12);
        assertThat(report(2025, "2025-12-31T23:00:00+07:00").gates().get(0).importVehicles()).isEqualTo(5);
        assertThat(report(2026, "2026-01-01").gates().get(0).importVehicles()).isEqualTo(9);
        assertThat(report(2025, "2025-07-14").summary().export().yearToDateUsd()).isEqualByComparingTo("860000");
        assertThat(report(2025, "2025-07-15").summary().export().yearToDateUsd()).isEqualByComparingTo("2550000");
        PeriodReport r = report(2025, "2025-07-15");
        assertThat(r.lastDay()).isEqualTo(LocalDate.of(2025, 7, 15));
        assertThat(r.days()).isEqualTo(196);
        assertThat(r.position()).isEqualTo(core.storage().headPosition());
    }

    @Test
    void rendersCsvAndJson() throws Exception {
        PeriodReport r = report(2025, "2025-12-31");
        String csv = ReportCsv.render(r);
        assertThat(csv).startsWith("section,subject,metric,value\n")
                .contains("summary,export,percent_of_plan,85.0\n", "vehicles_per_day,province/export,peak_date,2025-07-15\n",
                        "congestion,tan-thanh,incidents,2\n", "report,stream,position," + r.position() + "\n");
        var json = Json.mapper().readTree(Reports.render(r, new ReportRequest(2025, r.asOf(), "vi", "json"), gates,
                Json.mapper()).body());
        assertThat(json.get("headline").asText()).startsWith("Tổng kim ngạch 4,1 triệu USD");
        assertThat(new BigDecimal(json.get("report").get("summary").get("imports").get("percentOfPlan").asText()))
                .isEqualByComparingTo("105.3");
    }

    @Test
    void theReportAsOfNowFromTheLiveModelIsTheReplayedOne() throws Exception {
        assertThat(core.awaitProjected(core.storage().headPosition(), 10_000)).isTrue();
        for (int year : new int[] {2024, 2025, 2026}) {
            ReportRequest now = new ReportRequest(year, TestClock.now(), "vi", "json");
            String replayed = borderwatch.json.ApiJson.mapper().writeValueAsString(
                    Reports.build(core.storage(), core.live().blank(), now, p -> { }));
            String current = borderwatch.json.ApiJson.mapper().writeValueAsString(Reports.current(core.live(), now));
            assertThat(current).as(Integer.toString(year)).isEqualTo(replayed);
        }
    }
}
