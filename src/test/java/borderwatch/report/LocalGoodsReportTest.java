package borderwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.Core;
import borderwatch.province.Province;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lạng Sơn's 2019 paragraph, rebuilt from daily totals ({@link LangSon2019}). */
class LocalGoodsReportTest {

    @TempDir
    Path data;
    private Core core;
    private final Province gates = Province.defaults();

    @BeforeEach
    void history() {
        core = LangSon2019.open(data, gates);
    }

    @AfterEach
    void close() {
        core.close();
    }

    private PeriodReport report() {
        return Reports.build(core.storage(), core.live().blank(),
                new ReportRequest(2019, ReportRequest.parseAsOf("2019-12-31", gates.zone()), "vi", "json"), p -> { });
    }

    @Test
    void reproducesEveryPercentageOfTheProvincesParagraph() {
        PeriodReport r = report();
        assertThat(Headline.sentence(r.summary(), new ReportFormat("vi", gates.zone()))).isEqualTo(
                "Tổng kim ngạch 4.750 triệu USD, đạt 91,0% kế hoạch, giảm 2,4% so với cùng kỳ; "
                + "xuất khẩu 2.550 triệu USD, đạt 81,0% kế hoạch, giảm 14,0% so với cùng kỳ; "
                + "nhập khẩu 2.200 triệu USD, đạt 105,7% kế hoạch, tăng 15,8% so với cùng kỳ. "
                + "Các mặt hàng xuất khẩu chủ yếu của địa phương đạt 137,5 triệu USD, đạt 100,0% kế hoạch, "
                + "tăng 9,6% so với cùng kỳ.");
        assertThat(Headline.sentence(r.summary(), new ReportFormat("en", gates.zone()))).endsWith(
                "Main local export goods 137.5 million USD, 100.0% of plan, up 9.6% year on year.");
    }

    @Test
    void aTableByGoodsGroupWithSharesAndTheUnclassifiedRest() {
        PeriodReport r = report();
        assertThat(r.goods()).extracting(PeriodReport.GoodsRow::group).containsExactly("fruit", "other-produce", "other");
        PeriodReport.GoodsRow fruit = r.goods().get(0);
        assertThat(fruit.exportUsd()).isEqualByComparingTo("2000000000");
        assertThat(fruit.exportVehicles()).isEqualTo(700);
        // 2.000 of 2.550 = 78,43 → 78,4%; 2018 named no goods, so there is no change to give.
        assertThat(fruit.exportSharePercent()).isEqualByComparingTo("78.4");
        assertThat(fruit.exportChangePercent()).isNull();
        assertThat(r.goods().get(2).importUsd()).isEqualByComparingTo("2200000000");
        // The fruit target: 2.000 of 2.000 million.
        assertThat(r.summary().goods().get(0).export().percentOfPlan()).isEqualByComparingTo("100");

        String html = ReportHtml.render(r, "vi", gates);
        assertThat(html).contains("Hàng xuất khẩu chủ yếu của địa phương").contains("II. THEO NHÓM HÀNG")
                .contains("<td>Rau quả</td><td class=\"n\">2.000,00</td><td class=\"n\">78,4%</td><td class=\"n\">—</td>")
                // The fruit target has its own summary row: 2.000 of 2.000 million.
                .contains("<tr><td>Xuất khẩu rau quả</td><td class=\"n\">2.000,00</td><td class=\"n\">2.000,00</td>"
                        + "<td class=\"n\">100,0%</td>");
        String csv = ReportCsv.render(r);
        assertThat(csv).contains("summary,local_export,percent_of_plan,100")
                .contains("summary,goods_export:fruit,percent_of_plan,100").contains("goods,fruit,export_share_percent,78.4");
    }

    @Test
    void theYear2018HasNoGoodsTableRowsButAnUnclassifiedOne() {
        PeriodReport r = Reports.build(core.storage(), core.live().blank(),
                new ReportRequest(2018, ReportRequest.parseAsOf("2018-12-31", gates.zone()), "vi", "json"), p -> { });
        assertThat(r.goods()).extracting(PeriodReport.GoodsRow::group).containsExactly("fruit", "other-produce", "other", null);
        assertThat(r.goods().get(3).exportUsd()).isEqualByComparingTo("2965000000");
        assertThat(r.summary().localExport().yearToDateUsd()).isEqualByComparingTo("125500000");
    }
}
