package borderwatch.tradeplan;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import borderwatch.shared.PersonText;
import borderwatch.shared.Rejection;
import borderwatch.tradeplan.PlanEvent.AnnualPlanRevised;
import borderwatch.tradeplan.PlanEvent.AnnualPlanSet;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** One year's trade plan: set once, then revised with a stated reason. */
public class TradePlan {

    private static final int MAX_REASON = 500;

    @AggregateIdentifier
    private String planId;
    private boolean set;
    private long exportUsdCents;
    private long importUsdCents;
    private long totalUsdCents;
    private long localExportUsdCents;
    private Map<String, Long> goodsExportUsdCents = Map.of();

    public TradePlan() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PlanOutcome handle(SetAnnualPlan command) {
        if (command.year() < 2000 || command.year() > 2100) {
            throw new Rejection("year", "must be between 2000 and 2100");
        }
        requireNonNegative("exportUsd", command.exportUsdCents());
        requireNonNegative("importUsd", command.importUsdCents());
        requireNonNegative("localExportUsd", command.localExportUsdCents());
        command.goodsExportUsdCents().forEach((group, cents) -> requireNonNegative("goodsExportUsd." + group, cents));
        if (command.totalUsdCents() <= 0) {
            throw new Rejection("totalUsd", "must be greater than zero");
        }
        String reason = PersonText.optional("reason", command.reason(), MAX_REASON);
        if (!set) {
            apply(new AnnualPlanSet(command.requestId(), command.year(), command.exportUsdCents(),
                    command.importUsdCents(), command.totalUsdCents(), reason, command.at(),
                    command.localExportUsdCents(), command.goodsExportUsdCents()));
            return PlanOutcome.SET;
        }
        if (command.exportUsdCents() == exportUsdCents && command.importUsdCents() == importUsdCents
                && command.totalUsdCents() == totalUsdCents && command.localExportUsdCents() == localExportUsdCents
                && command.goodsExportUsdCents().equals(goodsExportUsdCents)) {
            return PlanOutcome.UNCHANGED;
        }
        if (reason.isEmpty()) {
            throw new Rejection("reason", "a revision of an existing plan must give a reason");
        }
        apply(new AnnualPlanRevised(command.requestId(), command.year(), command.exportUsdCents(),
                command.importUsdCents(), command.totalUsdCents(), reason, command.at(),
                command.localExportUsdCents(), command.goodsExportUsdCents()));
        return PlanOutcome.REVISED;
    }

    private static void requireNonNegative(String field, long cents) {
        if (cents < 0) {
            throw new Rejection(field, "must not be negative");
        }
    }

    @EventSourcingHandler
    void on(AnnualPlanSet e) {
        planId = SetAnnualPlan.planIdOf(e.year());
        set = true;
        figures(e);
    }

    @EventSourcingHandler
    void on(AnnualPlanRevised e) {
        figures(e);
    }

    private void figures(PlanEvent e) {
        exportUsdCents = e.exportUsdCents();
        importUsdCents = e.importUsdCents();
        totalUsdCents = e.totalUsdCents();
        localExportUsdCents = e.localExportUsdCents();
        goodsExportUsdCents = e.goodsExportUsdCents();
    }
}
