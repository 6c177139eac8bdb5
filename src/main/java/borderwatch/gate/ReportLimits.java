package borderwatch.gate;

/**
 * The bounds a gate report must keep, written once: the batch parser refuses with them and the gate
 * checks them again, so nothing that reaches the gate another way (an import, the simulator) escapes
 * them. A live report counts minutes of traffic; a daily total a whole day, hence its wider bound.
 */
public record ReportLimits(int maxVehicles, int maxWaiting, long maxUsdCents) {

    /** 100 billion USD in one report is not a report. */
    private static final long MAX_USD_CENTS = 100_000_000_000_00L;

    /** A report sent as traffic happens (the events API, the simulator). */
    public static final ReportLimits LIVE = new ReportLimits(10_000, 100_000, MAX_USD_CENTS);

    /** One gate-day's totals from a history file. */
    public static final ReportLimits DAILY_TOTALS = new ReportLimits(100_000, 100_000, MAX_USD_CENTS);
}
