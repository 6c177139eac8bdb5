package borderwatch.gate;

import borderwatch.province.Direction;
import borderwatch.province.GateConfig;
import borderwatch.province.GoodsCheck;
import borderwatch.province.LevelPolicy;
import borderwatch.province.Province;
import borderwatch.shared.Rejection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Handles a batch that spans gates in one unit of work, so its events are appended in one
 * transaction. Province are locked in id order so two batches never wait on each other in a cycle;
 * the duplicate check runs under those locks, so a concurrent repeat of the same id is seen.
 */
public class GateEventRecorder {

    /** Tells which event ids are already stored. */
    @FunctionalInterface
    public interface StoredIds {
        Set<String> existing(java.util.Collection<String> eventIds);
    }

    private final Repository<Gate> gates;
    private final StoredIds storedIds;
    private final Province config;

    public GateEventRecorder(Repository<Gate> gates, StoredIds storedIds, Province config) {
        this.gates = gates;
        this.storedIds = storedIds;
        this.config = config;
    }

    @CommandHandler
    public RecordedBatch handle(RecordGateEvents command) throws Exception {
        Map<String, List<GateReport>> byGate = new TreeMap<>();
        for (GateReport e : command.events()) {
            checkGoods(e);
            byGate.computeIfAbsent(e.gate(), g -> new ArrayList<>()).add(e);
        }
        Map<String, Aggregate<Gate>> loaded = new LinkedHashMap<>();
        Map<String, LevelPolicy> policies = new HashMap<>();
        Map<String, GateRules> rules = new HashMap<>();
        for (String gateId : byGate.keySet()) {
            loaded.put(gateId, gates.loadOrCreate(gateId, () -> new Gate(gateId)));
            policies.put(gateId, config.find(gateId).map(GateConfig::levels).orElse(LevelPolicy.NONE));
            rules.put(gateId, rules(gateId));
        }
        List<String> ids = command.events().stream().map(GateEvent::eventId).toList();
        Set<String> seen = new HashSet<>(storedIds.existing(ids));
        int accepted = 0;
        int duplicates = 0;
        for (GateReport e : command.events()) {
            if (!seen.add(e.eventId())) {
                duplicates++;
                continue;
            }
            LevelPolicy levels = policies.get(e.gate());
            loaded.get(e.gate()).execute(gate -> gate.record(e, command.limits(), levels, rules.get(e.gate())));
            accepted++;
        }
        return new RecordedBatch(accepted, duplicates);
    }

    /**
     * The gate's hours and wait limit from the province file. Only a gate whose hours the file gives can
     * be found stopped: without them, a gate that closes at night would be "stopped" every night.
     */
    private GateRules rules(String gateId) {
        return config.find(gateId).map(g -> new GateRules(config.hours(g.id()).known()
                ? (java.util.function.Predicate<java.time.Instant>) t -> config.hours(g.id()).capacityShare(t, g.zone()) > 0
                : null, config.alertWaitMinutes(g.id()))).orElse(GateRules.NONE);
    }

    /** Goods are configuration the gate aggregate does not hold, so they are checked here, before anything is applied. */
    private void checkGoods(GateReport e) {
        if (e instanceof GateReport.Classified c) {
            String refusal = GoodsCheck.refusal(config, e.gate(), c.direction(), c.goods());
            if (refusal != null) {
                throw new Rejection("goods", refusal);
            }
            if (c.localOrigin() && c.direction() == Direction.IMPORT) {
                throw new Rejection("localOrigin", "applies to exports only: goods produced in the province");
            }
        }
    }
}
