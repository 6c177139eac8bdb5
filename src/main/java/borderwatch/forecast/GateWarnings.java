package borderwatch.forecast;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import borderwatch.forecast.WarningEvent.WarningIssued;
import borderwatch.forecast.WarningEvent.WarningWithdrawn;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A gate's early warning in force, if any: at most one at a time, issued and withdrawn once each. */
public class GateWarnings {

    public static final String PREFIX = "warnings-";

    /** Issue a warning of {@code level}, superseding one of another level; nothing if that level is already warned. */
    public record Issue(@TargetAggregateIdentifier String warningsId, String gate, int level, String levelId,
                        Instant expectedAt, String requestId, Instant at) {
    }

    /** End the warning in force, if there is one. */
    public record Withdraw(@TargetAggregateIdentifier String warningsId, String gate, String reason, String requestId,
                           Instant at) {
    }

    /** Record what a backtest of a period that arrived late would have warned; the warning in force is untouched. */
    public record RecordBacktest(@TargetAggregateIdentifier String warningsId, String gate, Instant from, Instant to,
                                 java.util.List<WarningEvent.Backtested> warnings, String requestId, Instant at) {
    }

    @AggregateIdentifier
    private String warningsId;
    private int level;

    public GateWarnings() {
        // for Axon
    }

    public static String idOf(String gate) {
        return PREFIX + gate;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(Issue command) {
        if (command.level() == level) {
            return false;
        }
        if (level > 0) {
            apply(new WarningWithdrawn(command.requestId() + "-w", command.gate(), level, "superseded", command.at()));
        }
        apply(new WarningIssued(command.requestId(), command.gate(), command.level(), command.levelId(),
                command.expectedAt(), command.at()));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(Withdraw command) {
        if (level == 0) {
            return false;
        }
        apply(new WarningWithdrawn(command.requestId(), command.gate(), level, command.reason(), command.at()));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordBacktest command) {
        apply(new WarningEvent.HistoryBacktested(command.requestId(), command.gate(), command.from(), command.to(),
                command.warnings(), command.at()));
    }

    @EventSourcingHandler
    void on(WarningEvent.HistoryBacktested e) {
        warningsId = idOf(e.gate());
    }

    @EventSourcingHandler
    void on(WarningIssued e) {
        warningsId = idOf(e.gate());
        level = e.level();
    }

    @EventSourcingHandler
    void on(WarningWithdrawn e) {
        warningsId = idOf(e.gate());
        level = 0;
    }
}
