package borderwatch.drill;

import borderwatch.engine.Nodes;
import borderwatch.province.Province;
import borderwatch.readmodel.ReadModel;
import borderwatch.shared.Conflict;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The drills of this node. Each drill's streams live in their own files under
 * {@code <data>/drills/<id>/}, apart from the real store; drills are not resumed after a restart,
 * their files stay for inspection.
 */
public final class Drills implements AutoCloseable {

    public static final String DIRECTORY = "drills";
    static final int MAX_RUNNING = 3;
    static final int KEPT = 20;

    private final Path root;
    private final Nodes nodes;
    private final Province gates;
    private final ReadModel.Shape shape;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Drill> drills = new LinkedHashMap<>();
    private final List<Consumer<Drill>> forgotten = new ArrayList<>();

    public Drills(Path dataDir, Nodes nodes, Province gates, ReadModel.Shape shape, Clock clock) {
        this.root = dataDir.resolve(DIRECTORY);
        this.nodes = nodes;
        this.gates = gates;
        this.shape = shape;
        this.clock = clock;
    }

    public synchronized Drill start(DrillParameters parameters) {
        if (drills.values().stream().filter(Drill::running).count() >= MAX_RUNNING) {
            throw new Conflict("drills", MAX_RUNNING + " drills are running; stop one first");
        }
        String id = clock.instant().toEpochMilli() / 1000 + "-" + sequence.incrementAndGet();
        Drill drill = new Drill(id, parameters, nodes, gates, shape, root.resolve(id), clock.instant());
        drills.put(id, drill);
        forgetOld();
        drill.start();
        return drill;
    }

    private void forgetOld() {
        var ended = drills.values().stream().filter(d -> !d.running()).toList();
        for (int i = 0; i < ended.size() && drills.size() > KEPT; i++) {
            Drill old = ended.get(i);
            drills.remove(old.id());
            forgotten.forEach(f -> f.accept(old));
        }
    }

    /** Called with each drill dropped from memory (its files stay), so watchers can let go of it. */
    public synchronized void onForgotten(Consumer<Drill> listener) {
        forgotten.add(listener);
    }

    public synchronized Optional<Drill> find(String id) {
        return Optional.ofNullable(drills.get(id));
    }

    public synchronized List<Drill> all() {
        return List.copyOf(drills.values());
    }

    public Province gates() {
        return gates;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        for (Drill d : all()) {
            try {
                d.shutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
