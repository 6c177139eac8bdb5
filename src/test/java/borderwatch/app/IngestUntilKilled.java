package borderwatch.app;

import borderwatch.gate.Direction;
import borderwatch.gate.GateEvent;
import borderwatch.gate.GateEvent.QueueObserved;
import borderwatch.gate.GateEvent.TurnoverRecorded;
import borderwatch.gate.GateEvent.VehiclesCleared;
import borderwatch.gate.Gates;
import borderwatch.gate.RecordGateEvents;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process for the crash test: ingests batches through the command path forever and prints
 * {@code ACK <first> <last>} once each batch is acknowledged, until it is killed.
 */
public final class IngestUntilKilled {

    private IngestUntilKilled() {
    }

    public static void main(String[] args) {
        Core core = Core.open(Path.of(args[0]), Gates.defaults());
        long start = Long.parseLong(args[1]);
        Instant base = Instant.parse("2025-05-14T01:00:00Z");
        System.out.println("READY");
        System.out.flush();
        for (long batch = start; ; batch++) {
            List<GateEvent> events = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                long n = batch * 50 + i;
                String gate = Gates.defaults().all().get((int) (n % 5)).id();
                Instant at = base.plusSeconds(n);
                String id = "crash-" + n;
                events.add(switch ((int) (n % 3)) {
                    case 0 -> new VehiclesCleared(id, gate, Direction.EXPORT, 1 + (int) (n % 7), at);
                    case 1 -> new TurnoverRecorded(id, gate, Direction.IMPORT, 100 + n, at);
                    default -> new QueueObserved(id, gate, (int) (n % 90), null, at);
                });
            }
            core.commands().sendAndWait(new RecordGateEvents(events));
            System.out.println("ACK " + batch * 50 + " " + (batch * 50 + 49));
            System.out.flush();
        }
    }
}
