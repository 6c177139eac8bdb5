package borderwatch.history;

import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import borderwatch.gate.RecordedBatch;
import borderwatch.gate.ReportLimits;
import borderwatch.province.Direction;
import borderwatch.province.Province;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Daily totals become the usual gate events at local noon, with ids made from gate, date and kind.
 * Importing the same day again therefore stores nothing new: each gate-day is taken once, from the
 * first file that brings it.
 */
public final class HistoryImport {

    static final int BATCH_EVENTS = 2_000;

    /** What an import stored: rows read, events new to the store, events already there, days covered. */
    public record Summary(int rows, int accepted, int duplicates, LocalDate from, LocalDate to, List<String> gates) {
    }

    private final Province gates;
    private final Function<RecordGateEvents, RecordedBatch> recorder;

    /** {@code recorder} stores one batch atomically and answers with what it stored. */
    public HistoryImport(Province gates, Function<RecordGateEvents, RecordedBatch> recorder) {
        this.gates = gates;
        this.recorder = recorder;
    }

    public Summary run(List<DailyTotal> rows, IntConsumer rowsDone) {
        int accepted = 0;
        int duplicates = 0;
        List<GateReport> batch = new ArrayList<>();
        int done = 0;
        for (DailyTotal row : rows) {
            events(row, batch);
            done++;
            if (batch.size() >= BATCH_EVENTS || done == rows.size()) {
                RecordedBatch r = recorder.apply(new RecordGateEvents(batch, ReportLimits.DAILY_TOTALS));
                accepted += r.accepted();
                duplicates += r.duplicates();
                batch = new ArrayList<>();
                rowsDone.accept(done);
            }
        }
        LocalDate from = rows.stream().map(DailyTotal::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = rows.stream().map(DailyTotal::date).max(LocalDate::compareTo).orElseThrow();
        List<String> covered = rows.stream().map(DailyTotal::gate).distinct().sorted().toList();
        return new Summary(rows.size(), accepted, duplicates, from, to, covered);
    }

    private void events(DailyTotal row, List<GateReport> out) {
        Instant noon = row.date().atTime(LocalTime.NOON).atZone(gates.get(row.gate()).zone()).toInstant();
        // A row without goods keeps the ids of the first file format, so such a file imports as before.
        String id = "import-" + row.gate() + "-" + row.date() + "-" + (row.goods() == null ? "" : row.goods() + "-");
        String goods = row.goods();
        if (row.exportVehicles() > 0) {
            out.add(new VehiclesCleared(id + "ev", row.gate(), Direction.EXPORT, row.exportVehicles(), noon, goods, false));
        }
        if (row.importVehicles() > 0) {
            out.add(new VehiclesCleared(id + "iv", row.gate(), Direction.IMPORT, row.importVehicles(), noon, goods, false));
        }
        long notLocal = row.exportUsdCents() - row.localExportUsdCents();
        if (notLocal > 0) {
            out.add(new TurnoverRecorded(id + "et", row.gate(), Direction.EXPORT, notLocal, noon, goods, false));
        }
        if (row.localExportUsdCents() > 0) {
            out.add(new TurnoverRecorded(id + "el", row.gate(), Direction.EXPORT, row.localExportUsdCents(), noon, goods,
                    true));
        }
        if (row.importUsdCents() > 0) {
            out.add(new TurnoverRecorded(id + "it", row.gate(), Direction.IMPORT, row.importUsdCents(), noon, goods, false));
        }
    }
}
