package borderwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.Core;
import borderwatch.gate.Province;
import borderwatch.gate.RecordedBatch;
import borderwatch.history.DailyTotalsCsv;
import borderwatch.history.HistoryImport;
import borderwatch.service.ReadModels;
import borderwatch.tradeplan.SetAnnualPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lạng Sơn's 2019 paragraph, rebuilt from daily totals: total 4.750 million USD, 91% of plan; exports
 * 2.550 (81%, −14%); imports 2.200 (105,7%, +15,8%); the province's own export goods 137,5 (100%, +9,6%).
 * 2018 comes in the first file shape plus the local column, 2019 with goods groups as well.
 */
class LocalGoodsReportTest {

    @TempDir
    Path data;
    private Core core;
    private final Province gates = Province.defaults();

    // 2018: exports 2.965, imports 1.900, local 125,5 million USD.
    private static final String Y2018 = """
            date,gate,export_vehicles,import_vehicles,export_usd,import_usd,local_export_usd
            2018-06-01,huu-nghi,300,200,1500000000,1000000000,60000000
            2018-06-01,tan-thanh,250,100,1465000000,900000000,65500000
            """;
    // 2019: exports 1.200 + 300 + 800 + 100 + 150 = 2.550, imports 2.200, local 80 + 57,5 = 137,5.
    private static final String Y2019 = """
            date;gate;goods;export_vehicles;import_vehicles;export_usd;import_usd;local_export_usd
            2019-06-01;huu-nghi;fruit;400;0;1200000000;0;80000000
            2019-06-01;huu-nghi;other;50;150;300000000;1000000000;0
            2019-06-01;tan-thanh;fruit;300;0;800000000;0;57500000,00
            2019-06-01;tan-thanh;farm-other;20;0;100000000;0;
            2019-06-01;chi-ma;other;30;100;150000000;1200000000;
            """;

    @BeforeEach
    void history() {
        core = Core.open(data, gates, ReadModels.ALL);
        DailyTotalsCsv csv = new DailyTotalsCsv(gates, LocalDate.of(2026, 6, 1));
        HistoryImport history = new HistoryImport(gates, b -> core.commands().<RecordedBatch>sendAndWait(b));
        history.run(csv.read(Y2018.getBytes(StandardCharsets.UTF_8)), n -> { });
        history.run(csv.read(Y2019.getBytes(StandardCharsets.UTF_8)), n -> { });
        // Plan 2019: total 5.220, exports 3.148, imports 2.081, local goods 137,5, fruit 2.000 million USD.
        core.commands().sendAndWait(SetAnnualPlan.of(2019, 314_800_000_000L, 208_100_000_000L, 522_000_000_000L, "",
                "p19", Instant.parse("2019-01-05T02:00:00Z")).withTargets(13_750_000_000L, Map.of("fruit", 200_000_000_000L)));
    }

    @AfterEach
    void close() {
        core.close();
    }

    private YearReport report() {
        return Reports.build(core.storage(), core.live().blank(),
                new ReportRequest(2019, ReportRequest.parseAsOf("2019-12-31", gates.zone()), "vi", "json"), p -> { });
    }

    @Test
    void reproducesEveryPercentageOfTheProvincesParagraph() {
        YearReport r = report();
        assertThat(ReportHtml.sentence(r.summary(), new ReportFormat("vi", gates.zone()))).isEqualTo(
                "Tổng kim ngạch 4.750 triệu USD, đạt 91% kế hoạch, giảm 2,4% so với cùng kỳ; "
                + "xuất khẩu 2.550 triệu USD, đạt 81% kế hoạch, giảm 14% so với cùng kỳ; "
                + "nhập khẩu 2.200 triệu USD, đạt 105,7% kế hoạch, tăng 15,8% so với cùng kỳ. "
                + "Các mặt hàng xuất khẩu chủ yếu của địa phương đạt 137,5 triệu USD, đạt 100% kế hoạch, "
                + "tăng 9,6% so với cùng kỳ.");
        assertThat(ReportHtml.sentence(r.summary(), new ReportFormat("en", gates.zone()))).endsWith(
                "Main local export goods 137.5 million USD, 100% of plan, up 9.6% year on year.");
    }

    @Test
    void aTableByGoodsGroupWithSharesAndTheUnclassifiedRest() {
        YearReport r = report();
        assertThat(r.goods()).extracting(YearReport.GoodsRow::group).containsExactly("fruit", "farm-other", "other");
        YearReport.GoodsRow fruit = r.goods().get(0);
        assertThat(fruit.exportUsd()).isEqualByComparingTo("2000000000");
        assertThat(fruit.exportVehicles()).isEqualTo(700);
        // 2.000 of 2.550 = 78,43 → 78,4%; 2018 named no goods, so there is no change to give.
        assertThat(fruit.exportSharePercent()).isEqualByComparingTo("78.4");
        assertThat(fruit.exportChangePercent()).isNull();
        assertThat(r.goods().get(2).importUsd()).isEqualByComparingTo("2200000000");
        // The fruit target: 2.000 of 2.000 million.
        assertThat(r.summary().goods().get(0).export().percentOfPlan()).isEqualByComparingTo("100");

        String html = ReportHtml.render(r, "vi", gates);
        assertThat(html).contains("Hàng xuất khẩu chủ yếu của địa phương").contains("Theo nhóm hàng")
                .contains("<td>Rau quả</td><td class=\"n\">2.000,00</td><td class=\"n\">78,4%</td><td class=\"n\">—</td>")
                // The fruit target has its own summary row: 2.000 of 2.000 million.
                .contains("<tr><td>Xuất khẩu rau quả</td><td class=\"n\">2.000,00</td><td class=\"n\">2.000,00</td>"
                        + "<td class=\"n\">100%</td>");
        String csv = ReportCsv.render(r);
        assertThat(csv).contains("summary,local_export,percent_of_plan,100")
                .contains("summary,goods_export:fruit,percent_of_plan,100").contains("goods,fruit,export_share_percent,78.4");
    }

    @Test
    void theYear2018HasNoGoodsTableRowsButAnUnclassifiedOne() {
        YearReport r = Reports.build(core.storage(), core.live().blank(),
                new ReportRequest(2018, ReportRequest.parseAsOf("2018-12-31", gates.zone()), "vi", "json"), p -> { });
        assertThat(r.goods()).extracting(YearReport.GoodsRow::group).containsExactly("fruit", "farm-other", "other", null);
        assertThat(r.goods().get(3).exportUsd()).isEqualByComparingTo("2965000000");
        assertThat(r.summary().localExport().yearToDateUsd()).isEqualByComparingTo("125500000");
    }
}
