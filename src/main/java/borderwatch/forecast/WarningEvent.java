package borderwatch.forecast;

import borderwatch.readmodel.BusinessTimed;
import borderwatch.store.IdentifiedEvent;
import borderwatch.store.StoredAs;
import java.time.Instant;
import java.util.List;

/**
 * Early warnings, recorded when first issued and when withdrawn, so a year can count the warnings
 * given and how far ahead of the level they came. They belong to the gate's warning stream
 * ({@code warnings-<gate>}), not to the gate's reports. A warning issued or withdrawn happened at
 * its time on the gate's clock, so a replay or a report as of an earlier instant leaves it out until
 * then; a backtest of imported history is the record of when it was made, and is not.
 */
public sealed interface WarningEvent extends IdentifiedEvent {

    String gate();

    Instant at();

    /** The forecast reaches {@code level} at about {@code expectedAt}; issued at {@code at}. */
    @StoredAs("forecast.warning-issued.v1")
    record WarningIssued(String eventId, String gate, int level, String levelId, Instant expectedAt, Instant at)
            implements WarningEvent, BusinessTimed {
    }

    /**
     * The warning of {@code level} ends: {@code reached} when the gate reached it (the warning came
     * true), {@code not-forecast} when the forecast no longer shows it, {@code superseded} by a
     * warning of a higher level.
     */
    @StoredAs("forecast.warning-withdrawn.v1")
    record WarningWithdrawn(String eventId, String gate, int level, String reason, Instant at)
            implements WarningEvent, BusinessTimed {
    }

    /**
     * What the forecaster would have warned at {@code gate} from {@code from} to {@code to}, a period
     * whose reports arrived later (an imported history): the live warning rule run over it as a backtest
     * runs it, recorded at {@code at} so the service's track record covers the imported period too.
     */
    @StoredAs("forecast.history-backtested.v1")
    record HistoryBacktested(String eventId, String gate, Instant from, Instant to, List<Backtested> warnings, Instant at)
            implements WarningEvent {

        public HistoryBacktested {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }
    }

    /** One warning of a backtested period; {@code endedAt} and {@code reason} are null if still in force at its end. */
    record Backtested(int level, String levelId, Instant issuedAt, Instant expectedAt, Instant endedAt, String reason) {
    }
}
