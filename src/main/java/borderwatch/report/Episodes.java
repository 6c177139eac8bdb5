package borderwatch.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A gate's congestion episodes read off its level changes ({@code CongestionLog.levelChanges}): an
 * episode runs from a rise above normal to the return to normal, whatever the levels between.
 */
final class Episodes {

    /**
     * {@code end} null while still running at the report's instant; {@code alertFrom} when it first
     * reached the alert level (null if it never did); {@code peakWaiting} -1 without a queue report in it.
     */
    record Episode(String gate, Instant start, Instant end, int highest, Instant alertFrom, int peakWaiting) {

        Duration length(Instant asOf) {
            return Duration.between(start, end == null ? asOf : end);
        }
    }

    private Episodes() {
    }

    /** The episodes that began in {@code [from, to)}, as far as the changes up to {@code to} tell. */
    static List<Episode> of(String gate, List<long[]> changes, Instant from, Instant to, int alertLevel,
                            ReportEvidence evidence) {
        List<Episode> out = new ArrayList<>();
        Instant start = null;
        Instant alertFrom = null;
        int highest = 0;
        for (long[] change : changes) {
            Instant at = Instant.ofEpochSecond(change[0]);
            int level = (int) change[1];
            if (!at.isBefore(to)) {
                break;
            }
            if (level > 0 && start == null) {
                start = at;
                highest = 0;
                alertFrom = null;
            }
            if (level > 0) {
                highest = Math.max(highest, level);
                if (level >= alertLevel && alertFrom == null) {
                    alertFrom = at;
                }
            } else if (start != null) {
                add(out, gate, start, at, highest, alertFrom, from, evidence);
                start = null;
            }
        }
        if (start != null) {
            add(out, gate, start, null, highest, alertFrom, from, evidence);
        }
        return out;
    }

    private static void add(List<Episode> out, String gate, Instant start, Instant end, int highest, Instant alertFrom,
                            Instant from, ReportEvidence evidence) {
        if (start.isBefore(from)) {
            return;
        }
        // Peaks are kept by the hour: the hours the episode began and ended count whole.
        Instant until = end == null ? start.plus(Duration.ofDays(3650)) : end;
        out.add(new Episode(gate, start, end, highest, alertFrom, evidence.peak(gate, start, until.plusSeconds(1))));
    }

    /** Hours the gate stood at {@code level} or higher within {@code [from, to)}. */
    static double hoursAtOrAbove(List<long[]> changes, int level, Instant from, Instant to) {
        double seconds = 0;
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i)[1] < level) {
                continue;
            }
            long a = Math.max(changes.get(i)[0], from.getEpochSecond());
            long b = Math.min(i + 1 < changes.size() ? changes.get(i + 1)[0] : to.getEpochSecond(), to.getEpochSecond());
            if (b > a) {
                seconds += b - a;
            }
        }
        return seconds / 3600.0;
    }
}
