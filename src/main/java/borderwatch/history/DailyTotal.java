package borderwatch.history;

import java.time.LocalDate;

/** One row of a daily-totals file: a gate's day, both directions; money in US cents. */
public record DailyTotal(int line, LocalDate date, String gate, int exportVehicles, int importVehicles,
                         long exportUsdCents, long importUsdCents) {
}
