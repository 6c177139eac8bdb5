package borderwatch.forecast;

import borderwatch.congestion.CongestionLog;
import borderwatch.province.GateConfig;
import borderwatch.readmodel.ReadModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the service's own early warnings fared over the last days: the warnings it issued (the
 * {@link WarningLog}) against the levels the gates raised (the {@link CongestionLog}), scored as a
 * backtest scores them ({@link BacktestScore}): alert episodes warned at least an hour ahead, the
 * median lead, and the warnings that did not come true. A warning issued too recently to have come
 * true or not is left out until it can be judged. A period whose reports were imported after the fact
 * is judged on the backtest run over it once they arrived ({@link HistoryBackfill}).
 */
public final class TrackRecord {

    /** The windows the service reports on, in days. */
    public static final List<Integer> WINDOWS = List.of(30, 90);

    /** The record of a gate, or of all: as a backtest scores warnings, without the forecast's errors. */
    public record Score(int alertEpisodes, int warnedAnHourAhead, Double warnedShare, Long medianLeadMinutes,
                        int alertWarnings, int falseWarnings, Double falseShare) {

        static Score of(BacktestScore.Gate g) {
            return new Score(g.alertEpisodes(), g.warnedAnHourAhead(), g.warnedShare(), g.medianLeadMinutes(),
                    g.alertWarnings(), g.falseWarnings(), g.falseShare());
        }
    }

    /**
     * One window's record: per gate and overall, and the periods in it whose reports arrived late (an
     * imported history), judged on what the warning rule said when run over them after they arrived.
     */
    public record Window(int days, Instant from, Instant to, Map<String, Score> gates, Score overall,
                         List<Backtested> backtested) {
    }

    /** A period of a gate judged by a backtest, run at {@code at}. */
    public record Backtested(String gate, Instant from, Instant to, Instant at) {
    }

    private TrackRecord() {
    }

    public static List<Window> of(ReadModel model, Instant now) {
        List<Window> out = new ArrayList<>();
        for (int days : WINDOWS) {
            out.add(window(model, now, days));
        }
        return out;
    }

    static Window window(ReadModel model, Instant now, int days) {
        return between(model, now.minus(Duration.ofDays(days)), now, days);
    }

    /** The record of the warnings issued in {@code [from, now)}, judged on what happened up to {@code now}. */
    public static Window between(ReadModel model, Instant from, Instant now) {
        return between(model, from, now, (int) Duration.between(from, now).toDays());
    }

    private static Window between(ReadModel model, Instant from, Instant now, int days) {
        List<GateConfig> gates = model.gates().all();
        CongestionLog congestion = CongestionLog.of(model);
        WarningLog log = WarningLog.of(model);
        BacktestScore.Truth truth = new BacktestScore.Truth();
        truth.seal();
        List<Backtest.WarningRecord> warnings = new ArrayList<>();
        List<Backtested> periods = new ArrayList<>();
        for (GateConfig g : gates) {
            for (long[] change : congestion.levelChanges(g.id())) {
                truth.level(g.id(), Instant.ofEpochSecond(change[0]), (int) change[1]);
            }
            for (WarningLog.BacktestedPeriod p : log.backtested(g.id())) {
                if (p.to().isAfter(from) && p.from().isBefore(now)) {
                    periods.add(new Backtested(g.id(), p.from(), p.to(), p.at()));
                }
            }
            for (WarningLog.Warning w : log.judged(g.id(), now)) {
                warnings.add(new Backtest.WarningRecord(g.id(), w.issuedAt(), w.expectedAt(), w.level(), w.levelId(),
                        w.endedAt(), w.reason()));
            }
        }
        BacktestScore s = BacktestScore.of(new Backtest.Options(from, now, Duration.ofMinutes(15), List.of()), gates,
                truth, new BacktestScore.Forecasts(), warnings);
        Map<String, Score> byGate = new LinkedHashMap<>();
        s.gates().forEach((gate, g) -> byGate.put(gate, Score.of(g)));
        return new Window(days, from, now, byGate, Score.of(s.overall()), periods);
    }
}
