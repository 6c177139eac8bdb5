package borderwatch.report;

import borderwatch.core.Core;
import borderwatch.gate.RecordedBatch;
import borderwatch.history.DailyTotalsCsv;
import borderwatch.history.HistoryImport;
import borderwatch.province.Province;
import borderwatch.service.ReadModels;
import borderwatch.tradeplan.SetAnnualPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Lạng Sơn's 2019 report, as daily totals that sum to its figures: total 4.750 million USD, 91% of
 * plan; exports 2.550 (81%, −14%); imports 2.200 (105,7%, +15,8%); the province's own export goods
 * 137,5 (100%, +9,6%). 2018 comes in the first file shape plus the local column, 2019 with goods
 * groups as well. Everything falls on 1 June, so the second quarter and June hold the whole year.
 */
final class LangSon2019 {

    // 2018: exports 2.965, imports 1.900, local 125,5 million USD.
    static final String Y2018 = """
            date,gate,export_vehicles,import_vehicles,export_usd,import_usd,local_export_usd
            2018-06-01,huu-nghi,300,200,1500000000,1000000000,60000000
            2018-06-01,tan-thanh,250,100,1465000000,900000000,65500000
            """;
    // 2019: exports 1.200 + 300 + 800 + 100 + 150 = 2.550, imports 2.200, local 80 + 57,5 = 137,5;
    // and 12 export and 40 import wagons at Đồng Đăng station, which carry no turnover here.
    static final String Y2019 = """
            date;gate;goods;export_vehicles;import_vehicles;export_usd;import_usd;local_export_usd
            2019-06-01;huu-nghi;fruit;400;0;1200000000;0;80000000
            2019-06-01;huu-nghi;other;50;150;300000000;1000000000;0
            2019-06-01;tan-thanh;fruit;300;0;800000000;0;57500000,00
            2019-06-01;tan-thanh;other-produce;20;0;100000000;0;
            2019-06-01;chi-ma;other;30;100;150000000;1200000000;
            2019-06-01;dong-dang;other;12;40;0;0;
            """;

    private LangSon2019() {
    }

    static Core open(Path data, Province gates) {
        Core core = Core.open(data, gates, ReadModels.ALL);
        DailyTotalsCsv csv = new DailyTotalsCsv(gates, LocalDate.of(2026, 6, 1));
        HistoryImport history = new HistoryImport(gates, b -> core.commands().<RecordedBatch>sendAndWait(b));
        history.run(csv.read(Y2018.getBytes(StandardCharsets.UTF_8)), n -> { });
        history.run(csv.read(Y2019.getBytes(StandardCharsets.UTF_8)), n -> { });
        // Plan 2019: total 5.220, exports 3.148, imports 2.081, local goods 137,5, fruit 2.000 million USD.
        core.commands().sendAndWait(SetAnnualPlan.of(2019, 314_800_000_000L, 208_100_000_000L, 522_000_000_000L, "",
                "p19", Instant.parse("2019-01-05T02:00:00Z")).withTargets(13_750_000_000L, Map.of("fruit", 200_000_000_000L)));
        return core;
    }
}
