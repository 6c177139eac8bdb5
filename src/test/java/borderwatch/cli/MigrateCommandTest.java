package borderwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import borderwatch.board.Board;
import borderwatch.core.Core;
import borderwatch.core.StoredEventTypes;
import borderwatch.gate.ActivateResponsePlan;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import borderwatch.http.Json;
import borderwatch.province.Direction;
import borderwatch.province.Province;
import borderwatch.service.ReadModels;
import borderwatch.store.EventCodec;
import borderwatch.store.Migration;
import borderwatch.store.StoreLocation;
import borderwatch.store.kurrent.KurrentProtocolDoubles;
import borderwatch.store.sqlite.SqliteEventStorageEngine;
import borderwatch.store.sqlite.SqliteFile;
import borderwatch.tradeplan.SetAnnualPlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code migrate}: the same stream, in the same order, with the same ids, resumable. */
class MigrateCommandTest {

    private static final Instant AT = Instant.parse("2025-05-14T02:00:00Z");

    @TempDir
    Path dir;

    private Path source() {
        Path data = dir.resolve("source");
        try (Core core = Core.open(data, Province.defaults(), ReadModels.ALL)) {
            List<GateReport> events = new ArrayList<>();
            for (int i = 0; i < 1_500; i++) {
                events.add(new VehiclesCleared("v" + i, i % 2 == 0 ? "tan-thanh" : "huu-nghi", Direction.EXPORT, 1 + i % 7,
                        AT.plusSeconds(i)));
            }
            core.commands().sendAndWait(new RecordGateEvents(events));
            core.commands().sendAndWait(new RecordGateEvents(List.of(
                    new TurnoverRecorded("t1", "tan-thanh", Direction.EXPORT, 1_250_050, AT),
                    new QueueObserved("q1", "tan-thanh", 260, 0.6, AT.plusSeconds(2_000)))));
            core.commands().sendAndWait(new ActivateResponsePlan("tan-thanh", 2, "Lan", "ùn", "r1", AT.plusSeconds(2_100)));
            core.commands().sendAndWait(SetAnnualPlan.of(2025, 100_000_00L, 50_000_00L, 150_000_00L, null, "p", AT));
        }
        return data;
    }

    private static String board(Path data) throws Exception {
        try (Core core = Core.open(data, Province.defaults(), ReadModels.ALL)) {
            assertThat(core.awaitProjected(core.storage().headPosition(), 30_000)).isTrue();
            return Json.mapper().writeValueAsString(core.live().query(m -> Board.of(m, AT.plusSeconds(3_000))));
        }
    }

    private static int migrate(Path from, Path to, ByteArrayOutputStream out) {
        return migrate("sqlite:" + from, "sqlite:" + to, out);
    }

    @Test
    void copiesTheStreamSoTheTargetShowsTheSameBoard() throws Exception {
        Path source = source();
        Path target = dir.resolve("target");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(migrate(source, target, out)).isZero();
        // 1.500 + 2 reports, the level they raised, the plan activation and the annual plan.
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1,505 events in the source; 0 were already in the "
                + "target, 1,505 copied; target holds 1,505: counts match");
        assertThat(board(target)).isEqualTo(board(source)).contains("\"activePlan\":{\"level\":2");

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertThat(migrate(source, target, again)).isZero();
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("1,505 were already in the target, 0 copied");
    }

    /** Rewrites a store's reports and plans as the first versions stored them: old names, no goods fields. */
    static void downgradeToFirstVersions(Path data) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Core.STORE_FILE));
             Statement st = c.createStatement()) {
            String[][] versions = {
                {"gate.vehicles-cleared", "'$.goods', '$.localOrigin'"},
                {"gate.turnover-recorded", "'$.goods', '$.localOrigin'"},
                {"plan.annual-plan-set", "'$.localExportUsdCents', '$.goodsExportUsdCents'"}};
            for (String[] v : versions) {
                st.execute("INSERT OR IGNORE INTO event_types (name) VALUES ('" + v[0] + ".v1')");
                st.execute("UPDATE events SET payload = CAST(json_remove(CAST(payload AS TEXT), " + v[1] + ") AS BLOB), "
                        + "type_id = (SELECT id FROM event_types WHERE name = '" + v[0] + ".v1') "
                        + "WHERE type_id = (SELECT id FROM event_types WHERE name = '" + v[0] + ".v2')");
            }
        }
        Files.deleteIfExists(data.resolve("readmodel.checkpoint"));
    }

    static Map<String, Integer> eventsByStoredType(Path data) throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Core.STORE_FILE));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT t.name, count(*) FROM events e JOIN event_types t ON t.id = e.type_id "
                     + "GROUP BY t.name")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    @Test
    void aStoreWrittenBeforeGoodsGroupsReadsAndMigratesWithBothVersions() throws Exception {
        Path source = source();
        downgradeToFirstVersions(source);
        String before = board(source);
        try (Core core = Core.open(source, Province.defaults(), ReadModels.ALL)) {
            core.commands().sendAndWait(new RecordGateEvents(List.of(
                    new VehiclesCleared("fruit-1", "tan-thanh", Direction.EXPORT, 9, AT.plusSeconds(2_500), "fruit", false),
                    new TurnoverRecorded("fruit-2", "tan-thanh", Direction.EXPORT, 500_000, AT.plusSeconds(2_500), "fruit",
                            true))));
        }
        // The old rows kept their first-version names; nothing was migrated in place.
        assertThat(eventsByStoredType(source)).containsEntry("gate.vehicles-cleared.v1", 1_500)
                .containsEntry("gate.vehicles-cleared.v2", 1).containsEntry("plan.annual-plan-set.v1", 1);
        assertThat(before).contains("\"exportVehiclesToday\":2");
        Path target = dir.resolve("target");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(migrate(source, target, out)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1,507 copied");
        // Every event arrives, written in the current version; the target shows what the source shows.
        assertThat(eventsByStoredType(target)).doesNotContainKeys("gate.vehicles-cleared.v1", "gate.turnover-recorded.v1",
                "plan.annual-plan-set.v1").containsEntry("gate.vehicles-cleared.v2", 1_501);
        assertThat(board(target)).isEqualTo(board(source)).contains("\"group\":\"fruit\"");
    }

    @Test
    void anInterruptedMigrationResumesWhereItStopped() throws Exception {
        Path source = source();
        Path target = dir.resolve("partial");
        EventCodec codec = new EventCodec(StoredEventTypes.registry());
        try (var in = new SqliteEventStorageEngine(SqliteFile.open(source.resolve(Core.STORE_FILE)), codec);
             var out = new SqliteEventStorageEngine(SqliteFile.open(target.resolve(Core.STORE_FILE)), codec)) {
            assertThat(Migration.run(in, out, 1_200, p -> { }).copied()).isEqualTo(1_200);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(migrate(source, target, out)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1,200 were already in the target, 305 copied");
        assertThat(board(target)).isEqualTo(board(source));
    }

    @Test
    void refusesATargetThatIsNotACopyOfTheSource() {
        Path source = source();
        Path other = dir.resolve("other");
        try (Core core = Core.open(other, Province.defaults(), ReadModels.ALL)) {
            core.commands().sendAndWait(new RecordGateEvents(List.of(
                    new VehiclesCleared("elsewhere", "chi-ma", Direction.IMPORT, 3, AT))));
        }
        EventCodec codec = new EventCodec(StoredEventTypes.registry());
        try (var in = new SqliteEventStorageEngine(SqliteFile.open(source.resolve(Core.STORE_FILE)), codec);
             var out = new SqliteEventStorageEngine(SqliteFile.open(other.resolve(Core.STORE_FILE)), codec)) {
            assertThatThrownBy(() -> Migration.run(in, out, Long.MAX_VALUE, p -> { }))
                    .hasMessageContaining("is not the source's");
            assertThat(out.headPosition()).isEqualTo(1);
        }
        assertThat(new CommandLine(new ServeCommands()).execute("migrate", "--from", "sqlite:" + source,
                "--to", "postgres://localhost/borderwatch")).isNotZero();
    }

    private static String withoutPosition(String board) {
        assertThat(board).containsPattern("\"position\":[1-9]");
        return board.replaceFirst("\"position\":\\d+", "");
    }

    private static int migrate(String from, String to, ByteArrayOutputStream out) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return new CommandLine(new ServeCommands()).execute("migrate", "--from", from, "--to", to);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    @Test
    void movesToKurrentDbAndBackWithTheSameBoard() throws Exception {
        Path source = source();
        try (AutoCloseable server = KurrentProtocolDoubles.start()) {
            String kurrent = KurrentProtocolDoubles.connectionString(server);
            ByteArrayOutputStream there = new ByteArrayOutputStream();
            assertThat(migrate("sqlite:" + source, kurrent, there)).isZero();
            assertThat(there.toString(StandardCharsets.UTF_8)).contains("1,505 copied; target holds 1,505: counts match");
            try (Core node = Core.open(new StoreLocation.Kurrent(kurrent), Province.defaults(), ReadModels.ALL)) {
                // Everything but the stream position, which each store counts its own way.
                assertThat(withoutPosition(Json.mapper().writeValueAsString(
                        node.live().query(m -> Board.of(m, AT.plusSeconds(3_000))))))
                        .isEqualTo(withoutPosition(board(source)));
            }

            Path back = dir.resolve("back");
            ByteArrayOutputStream home = new ByteArrayOutputStream();
            assertThat(migrate(kurrent, "sqlite:" + back, home)).isZero();
            assertThat(home.toString(StandardCharsets.UTF_8)).contains("1,505 copied; target holds 1,505: counts match");
            assertThat(board(back)).isEqualTo(board(source));

            ByteArrayOutputStream again = new ByteArrayOutputStream();
            assertThat(migrate("sqlite:" + source, kurrent, again)).isZero();
            assertThat(again.toString(StandardCharsets.UTF_8)).contains("1,505 were already in the target, 0 copied");
        }
    }
}
