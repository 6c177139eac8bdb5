package borderwatch.bench;

import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateReport;
import borderwatch.province.Direction;
import borderwatch.province.GateConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic per-vehicle events spread over one year: mostly one cleared vehicle each, with the
 * turnover and queue reports that accompany them, so every projection has work to do.
 */
final class BenchEvents {

    private static final Instant YEAR_START = Instant.parse("2024-12-31T17:00:00Z"); // 1 Jan 2025, 00:00 local

    private final List<GateConfig> gates;
    private final long total;
    private final String prefix;
    private final Instant start;
    private final long spanMillis;

    BenchEvents(List<GateConfig> gates, long total, String prefix) {
        this(gates, total, prefix, YEAR_START, 365L * 86_400_000L);
    }

    /** {@code total} events spread evenly from {@code start} over {@code spanMillis}. */
    BenchEvents(List<GateConfig> gates, long total, String prefix, Instant start, long spanMillis) {
        this.gates = gates;
        this.total = total;
        this.prefix = prefix;
        this.start = start;
        this.spanMillis = spanMillis;
    }

    GateReport event(long i) {
        GateConfig gate = gates.get((int) (i % gates.size()));
        Instant at = start.plusMillis((long) (i * ((double) spanMillis / Math.max(total, 1))));
        Direction direction = (i / gates.size()) % 3 == 0 ? Direction.EXPORT : Direction.IMPORT;
        String id = prefix + i;
        long kind = i % 20;
        if (kind < 14) {
            return new VehiclesCleared(id, gate.id(), direction, 1, at);
        }
        if (kind < 19) {
            return new TurnoverRecorded(id, gate.id(), direction, 5_000_00 + (i % 1_000) * 1_37, at);
        }
        return new QueueObserved(id, gate.id(), (int) (i % 300), (i % 300) / 300.0, at);
    }

    List<GateReport> slice(long from, long to) {
        List<GateReport> out = new ArrayList<>((int) (to - from));
        for (long i = from; i < to; i++) {
            out.add(event(i));
        }
        return out;
    }

    /** A batch for one gate, as a gate system would send it. */
    List<GateReport> gateBatch(int gateIndex, long batchNo, int size) {
        List<GateReport> out = new ArrayList<>(size);
        long base = batchNo * size * gates.size();
        for (int k = 0; k < size; k++) {
            out.add(event(base + (long) k * gates.size() + gateIndex));
        }
        return out;
    }
}
