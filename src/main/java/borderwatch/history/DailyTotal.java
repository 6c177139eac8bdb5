package borderwatch.history;

import java.time.LocalDate;

/**
 * One row of a daily-totals file: a gate's day, both directions; money in US cents. {@code goods} is
 * the row's goods group (null when the file has no goods column or leaves it empty);
 * {@code localExportUsdCents} is the part of the export turnover that is local goods.
 */
public record DailyTotal(int line, LocalDate date, String gate, int exportVehicles, int importVehicles,
                         long exportUsdCents, long importUsdCents, String goods, long localExportUsdCents) {
}
