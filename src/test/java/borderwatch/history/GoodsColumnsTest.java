package borderwatch.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import borderwatch.core.Core;
import borderwatch.gate.RecordedBatch;
import borderwatch.province.Province;
import borderwatch.service.ReadModels;
import borderwatch.traffic.GateDay;
import borderwatch.traffic.Traffic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily-totals file with and without the goods and local-goods columns. */
class GoodsColumnsTest {

    private final Province gates = Province.defaults();
    private final DailyTotalsCsv csv = new DailyTotalsCsv(gates, LocalDate.of(2026, 6, 1));

    @TempDir
    Path data;

    private List<DailyTotal> read(String text) {
        return csv.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFirstShapeStillReadsAsUnclassified() {
        List<DailyTotal> rows = read("""
                date,gate,export_vehicles,import_vehicles,export_usd,import_usd
                2025-03-01,tan-thanh,12,30,860000,579000.00
                """);
        assertThat(rows.get(0).goods()).isNull();
        assertThat(rows.get(0).localExportUsdCents()).isZero();
    }

    @Test
    void goodsRowsPerGateAndDayAndLocalGoodsAsPartOfExports() {
        List<DailyTotal> rows = read("""
                gate,date,goods,export_vehicles,import_vehicles,export_usd,import_usd,local_export_usd
                tan-thanh,2025-03-01,fruit,10,0,500000,0,20000.50
                tan-thanh,2025-03-01,other,2,30,360000,579000,
                """);
        assertThat(rows).extracting(DailyTotal::goods).containsExactly("fruit", "other");
        assertThat(rows.get(0).localExportUsdCents()).isEqualTo(2_000_050);
        assertThat(rows.get(1).localExportUsdCents()).isZero();
    }

    @Test
    void everyGoodsProblemIsNamedWithItsLine() {
        ImportRejected r = catchThrowableOfType(() -> read("""
                date,gate,export_vehicles,import_vehicles,export_usd,import_usd,goods,local_export_usd
                2025-03-01,chi-ma,5,0,1000,0,fruit,0
                2025-03-01,tan-thanh,5,0,1000,0,rice,0
                2025-03-01,huu-nghi,5,0,1000,0,other,2000
                2025-03-01,coc-nam,5,0,1000,0,fruit,0
                2025-03-01,coc-nam,1,0,10,0,fruit,0
                """), ImportRejected.class);
        assertThat(r.errors()).extracting(LineError::line, LineError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "goods"), org.assertj.core.groups.Tuple.tuple(3, "goods"),
                org.assertj.core.groups.Tuple.tuple(4, "local_export_usd"), org.assertj.core.groups.Tuple.tuple(6, "date"));
        assertThat(r.errors().get(0).message()).contains("chi-ma may not export 'fruit'");
        ImportRejected header = catchThrowableOfType(() -> read("""
                date,gate,export_vehicles,import_vehicles,export_usd,import_usd,colour
                2025-03-01,chi-ma,5,0,1000,0,red
                """), ImportRejected.class);
        assertThat(header.errors().get(0).message()).contains("optionally with goods and local_export_usd");
    }

    @Test
    void bothShapesImportIntoTheSameFiguresAndAgainStoreNothing() throws Exception {
        try (Core core = Core.open(data, gates, ReadModels.ALL)) {
            HistoryImport history = new HistoryImport(gates, b -> core.commands().<RecordedBatch>sendAndWait(b));
            List<DailyTotal> old = read("""
                    date,gate,export_vehicles,import_vehicles,export_usd,import_usd
                    2025-03-01,tan-thanh,12,30,860000,579000
                    """);
            List<DailyTotal> grouped = read("""
                    date,gate,goods,export_vehicles,import_vehicles,export_usd,import_usd,local_export_usd
                    2025-03-02,tan-thanh,fruit,10,0,500000,0,20000
                    2025-03-02,tan-thanh,other,2,30,360000,579000,0
                    """);
            history.run(old, n -> { });
            history.run(grouped, n -> { });
            assertThat(history.run(grouped, n -> { }).accepted()).isZero();
            assertThat(core.awaitProjected(core.storage().headPosition(), 10_000)).isTrue();
            GateDay first = core.live().query(m -> Traffic.of(m).day("tan-thanh", LocalDate.of(2025, 3, 1)));
            GateDay second = core.live().query(m -> Traffic.of(m).day("tan-thanh", LocalDate.of(2025, 3, 2)));
            // The same totals either way; only the second day knows its goods and its local part.
            assertThat(second.exportVehicles()).isEqualTo(first.exportVehicles());
            assertThat(second.exportUsdCents()).isEqualTo(first.exportUsdCents());
            assertThat(second.importUsdCents()).isEqualTo(first.importUsdCents());
            assertThat(first.goods()).isEmpty();
            assertThat(second.goodsLine("fruit").exportUsdCents()).isEqualTo(50_000_000);
            assertThat(second.goodsLine("other").importVehicles()).isEqualTo(30);
            assertThat(second.localExportUsdCents()).isEqualTo(2_000_000);
        }
    }
}
