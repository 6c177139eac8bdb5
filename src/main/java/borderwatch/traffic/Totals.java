package borderwatch.traffic;

import borderwatch.readmodel.ReadModel;
import borderwatch.shared.UsdCents;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Daily totals per gate and direction, optionally rolled up by month. */
public final class Totals {

    public enum By { DAY, MONTH }

    /** {@code period} is {@code 2025-05-14} by day or {@code 2025-05} by month. */
    public record Row(String period, String gate, long exportVehicles, long importVehicles, BigDecimal exportUsd,
                      BigDecimal importUsd) {
    }

    private Totals() {
    }

    public static List<Row> of(ReadModel model, Collection<String> gates, LocalDate from, LocalDate to, By by) {
        List<Row> rows = new ArrayList<>();
        for (String gate : gates) {
            Map<String, GateDay> periods = new TreeMap<>();
            Traffic.of(model).daysOf(gate, from, to).forEach((date, day) -> periods.merge(
                    by == By.DAY ? date.toString() : YearMonth.from(date).toString(), day, GateDay::plus));
            periods.forEach((period, d) -> rows.add(new Row(period, gate, d.exportVehicles(), d.importVehicles(),
                    UsdCents.toUsd(d.exportUsdCents()), UsdCents.toUsd(d.importUsdCents()))));
        }
        rows.sort((a, b) -> a.period().equals(b.period()) ? 0 : a.period().compareTo(b.period()));
        return rows;
    }
}
