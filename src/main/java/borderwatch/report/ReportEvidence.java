package borderwatch.report;

import borderwatch.gate.GateDecision;
import borderwatch.gate.GateReport;
import borderwatch.province.Province;
import borderwatch.readmodel.Fold;
import borderwatch.readmodel.ReadModel;
import borderwatch.shared.EventRoutes;
import borderwatch.shared.LocalDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a report's assessment rests on, per gate: the local days whose clearances were reported
 * through the day (minute data), the days whose clearances came as one daily total (an import, a
 * seeded history: every clearance of the day at a single instant), and the highest queue reported in
 * each hour (so a silent camera shows as hours without a report, and an episode's peak can be read).
 * Hours are kept as one int each from the gate's first report: ten years are 88 thousand ints a gate;
 * days as a set of epoch days.
 */
public final class ReportEvidence implements Fold {

    private static final EventRoutes<ReportEvidence> ROUTES = new EventRoutes<ReportEvidence>()
            .on(GateReport.VehiclesCleared.class, ReportEvidence::cleared)
            .on(GateReport.QueueObserved.class, ReportEvidence::queue)
            .ignore(GateReport.TurnoverRecorded.class, GateDecision.LevelRaised.class, GateDecision.LevelCleared.class,
                    GateDecision.ResponsePlanActivated.class, GateDecision.ResponsePlanStoodDown.class);

    private static final int NONE = -1;

    private static final class GateEvidence {
        /** Days with clearances at more than one instant: reported through the day. */
        final TreeSet<Integer> liveDays = new TreeSet<>();
        /** Days with clearances, and the instant (epoch second) of the first of them. */
        final Map<Integer, Long> firstClearance = new HashMap<>();
        long firstHour = Long.MIN_VALUE;
        int[] peaks = new int[0];
        /** The day the last clearance went to, its first clearance, and whether it is live: derived, not saved. */
        transient int day = NONE;
        transient long dayFirst;
        transient boolean dayLive;

        GateEvidence copy() {
            GateEvidence c = new GateEvidence();
            c.liveDays.addAll(liveDays);
            c.firstClearance.putAll(firstClearance);
            c.firstHour = firstHour;
            c.peaks = peaks.clone();
            return c;
        }
    }

    /** Set by the province, not saved with a checkpoint. */
    private final transient ZoneId zone;
    private transient LocalDays localDays;
    private final Map<String, GateEvidence> gates = new HashMap<>();

    public ReportEvidence(Province province) {
        this.zone = province.zone();
    }

    private ReportEvidence(ZoneId zone) {
        this.zone = zone;
    }

    public static ReportEvidence of(ReadModel model) {
        return model.get(ReportEvidence.class);
    }

    private GateEvidence gate(String id) {
        return gates.computeIfAbsent(id, g -> new GateEvidence());
    }

    private int day(Instant at) {
        if (localDays == null) {
            localDays = new LocalDays(zone);
        }
        long d = localDays.epochDayOf(at);
        // Before 1970 or past the year 5 million: not a day any report covers.
        return d < 0 || d > Integer.MAX_VALUE ? NONE : (int) d;
    }

    private void cleared(GateReport.VehiclesCleared v) {
        int d = day(v.at());
        if (d == NONE) {
            return;
        }
        GateEvidence g = gate(v.gate());
        long second = v.at().getEpochSecond();
        // Reports come in time order: the day's first clearance and whether it is already known to be
        // live are kept at hand, so most reports touch neither map.
        if (d != g.day) {
            Long first = g.firstClearance.putIfAbsent(d, second);
            g.day = d;
            g.dayFirst = first == null ? second : first;
            g.dayLive = g.liveDays.contains(d);
        }
        if (!g.dayLive && g.dayFirst != second) {
            g.liveDays.add(d);
            g.dayLive = true;
        }
    }

    private void queue(GateReport.QueueObserved q) {
        long hour = Math.floorDiv(q.at().getEpochSecond(), 3600);
        if (hour < 0) {
            return;
        }
        GateEvidence g = gate(q.gate());
        if (g.firstHour == Long.MIN_VALUE) {
            g.firstHour = hour;
        }
        if (hour < g.firstHour) {
            // A report older than any before it: the hours grow at the front.
            int[] grown = new int[Math.toIntExact(g.peaks.length + g.firstHour - hour)];
            Arrays.fill(grown, NONE);
            System.arraycopy(g.peaks, 0, grown, (int) (g.firstHour - hour), g.peaks.length);
            g.peaks = grown;
            g.firstHour = hour;
        }
        long index = hour - g.firstHour;
        if (index >= g.peaks.length) {
            int[] grown = Arrays.copyOf(g.peaks, (int) Math.max(index + 1, Math.min(g.peaks.length * 2L, index + 24 * 366)));
            Arrays.fill(grown, g.peaks.length, grown.length, NONE);
            g.peaks = grown;
        }
        g.peaks[(int) index] = Math.max(g.peaks[(int) index], q.waiting());
    }

    /** Whether the gate's clearances on {@code date} were reported through the day. */
    public boolean liveDay(String gate, LocalDate date) {
        GateEvidence g = gates.get(gate);
        return g != null && g.liveDays.contains((int) date.toEpochDay());
    }

    /** Whether the gate's clearances on {@code date} came as one daily total. */
    public boolean importedDay(String gate, LocalDate date) {
        GateEvidence g = gates.get(gate);
        int d = (int) date.toEpochDay();
        return g != null && g.firstClearance.containsKey(d) && !g.liveDays.contains(d);
    }

    /** The highest queue reported in {@code [from, to)}, or -1 without a report. */
    public int peak(String gate, Instant from, Instant to) {
        GateEvidence g = gates.get(gate);
        if (g == null || g.peaks.length == 0) {
            return NONE;
        }
        long a = Math.max(0, Math.floorDiv(from.getEpochSecond(), 3600) - g.firstHour);
        long b = Math.min(g.peaks.length, Math.floorDiv(to.getEpochSecond() - 1, 3600) - g.firstHour + 1);
        int peak = NONE;
        for (long i = a; i < b; i++) {
            peak = Math.max(peak, g.peaks[(int) i]);
        }
        return peak;
    }

    /** Whether any queue report came on the local day {@code date}. */
    public boolean queueDay(String gate, LocalDate date) {
        Instant from = date.atStartOfDay(zone).toInstant();
        return peak(gate, from, date.plusDays(1).atStartOfDay(zone).toInstant()) >= 0;
    }

    @Override
    public EventRoutes<?> routes() {
        return ROUTES;
    }

    @Override
    public ReportEvidence copy() {
        ReportEvidence c = new ReportEvidence(zone);
        gates.forEach((id, g) -> c.gates.put(id, g.copy()));
        return c;
    }
}
