package borderwatch.bench;

import borderwatch.auth.Role;
import borderwatch.auth.Tokens;
import borderwatch.core.Core;
import borderwatch.drill.Drills;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import borderwatch.metrics.ServiceMetrics;
import borderwatch.province.Direction;
import borderwatch.province.GateConfig;
import borderwatch.province.Province;
import borderwatch.service.HttpApi;
import borderwatch.service.ReadModels;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live-feed figures: ingest→WebSocket latency under a steady event rate, for 1 client (the baseline)
 * and for many, and the server heap a crowd of connected clients costs. Clients run in a child JVM.
 */
final class LiveBench {

    private static final long BATCH_EVERY_MS = 50;

    private final Path dir;
    private final List<GateConfig> gates = Province.defaults().all();
    private final AtomicLong nextId = new AtomicLong();

    private String viewerToken;

    LiveBench(Path dir) {
        this.dir = dir;
    }

    Map<String, Object> run(int latencyClients, int capacityClients, int eventsPerSecond, int seconds) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        try (Core core = Core.open(dir, Province.defaults(), ReadModels.ALL)) {
            Vertx vertx = Vertx.vertx();
            Tokens tokens = Tokens.open(dir.resolve("tokens.json"), null);
            viewerToken = tokens.create(Role.VIEWER, java.util.Set.of(), "bench").token();
            HttpApi http = new HttpApi(core, new Drills(dir, Core::open, core.gates(), ReadModels.ALL, Clock.systemUTC()), new ServiceMetrics(), tokens,
                    Clock.systemUTC(), "127.0.0.1", 0);
            // Every simulated console connects from this one address.
            http.withLimits(http.limits().withConnectionsPerAddress(Math.max(latencyClients, capacityClients) + 64));
            vertx.deployVerticle(http).await();
            try {
                Map<String, Object> baseline = latency(core, http.actualPort(), 1, eventsPerSecond, seconds);
                Map<String, Object> many = latency(core, http.actualPort(), latencyClients, eventsPerSecond, seconds);
                out.put("eventsPerSecond", eventsPerSecond);
                out.put("baseline", baseline);
                out.put("latency", many);
                out.put("p99Ratio", ratio(many.get("p99Ms"), baseline.get("p99Ms")));
                long before = usedHeapAfterGc();
                Map<String, Object> crowd = latency(core, http.actualPort(), capacityClients, eventsPerSecond, seconds);
                crowd.put("extraHeapMiB", (crowd.containsKey("heapWithClients")
                        ? ((Long) crowd.remove("heapWithClients") - before) : 0) / (1024 * 1024));
                out.put("capacity", crowd);
            } finally {
                vertx.close().await();
            }
        }
        return out;
    }

    private static Object ratio(Object a, Object b) {
        double x = ((Number) a).doubleValue();
        double y = ((Number) b).doubleValue();
        return y <= 0 ? null : Math.round(x / y * 10) / 10.0;
    }

    private Map<String, Object> latency(Core core, int port, int clients, int eventsPerSecond, int seconds)
            throws Exception {
        ProcessBuilder clientsProcess = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), LiveLoadClients.class.getName(),
                "127.0.0.1", Integer.toString(port), Integer.toString(clients))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        clientsProcess.environment().put(LiveLoadClients.TOKEN_ENV, viewerToken);
        Process child = clientsProcess.start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter control = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String connectedLine = in.readLine();
            if (connectedLine == null || !connectedLine.startsWith("CONNECTED ")) {
                throw new IllegalStateException("client process failed to start: " + connectedLine);
            }
            String[] connectedParts = connectedLine.split(" ", 3);
            int connected = Integer.parseInt(connectedParts[1]);
            if (connected < clients) {
                // Figures for fewer clients than asked would answer another question: stop here.
                throw new IllegalStateException("asked for " + String.format("%,d", clients) + " live clients, only "
                        + String.format("%,d", connected) + " connected (last refusal: "
                        + (connectedParts.length > 2 ? connectedParts[2] : "none") + "); no live figures reported");
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("clients", connected);
            if (clients > 1) {
                result.put("heapWithClients", usedHeapAfterGc());
            }
            drive(core, eventsPerSecond, 2); // warm-up, not recorded
            control.println("START");
            long batches = drive(core, eventsPerSecond, seconds);
            Thread.sleep(500); // let the last pushes arrive
            control.println("STOP");
            String[] r = in.readLine().split(" ");
            result.put("batches", batches);
            result.put("samples", Long.parseLong(r[2]));
            result.put("p50Ms", Long.parseLong(r[4]) / 1000.0);
            result.put("p99Ms", Long.parseLong(r[5]) / 1000.0);
            result.put("maxMs", Long.parseLong(r[6]) / 1000.0);
            System.err.printf("  %,6d clients: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%,d samples)%n", connected,
                    (Double) result.get("p50Ms"), (Double) result.get("p99Ms"), (Double) result.get("maxMs"),
                    (Long) result.get("samples"));
            return result;
        } finally {
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    /**
     * Sends {@code eventsPerSecond} for {@code seconds}: every 50 ms a batch with, per gate, cleared
     * vehicles and a queue report stamped with the wall-clock time of sending.
     */
    private long drive(Core core, int eventsPerSecond, int seconds) throws InterruptedException {
        int perBatch = (int) (eventsPerSecond * BATCH_EVERY_MS / 1000);
        int perGate = Math.max(2, perBatch / gates.size());
        long batches = 0;
        long next = System.nanoTime();
        long end = next + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            Instant now = Instant.now();
            List<GateReport> batch = new ArrayList<>(perGate * gates.size());
            for (GateConfig g : gates) {
                for (int k = 0; k < perGate - 1; k++) {
                    batch.add(new VehiclesCleared("live-" + nextId.incrementAndGet(), g.id(), Direction.IMPORT, 1, now));
                }
                batch.add(new QueueObserved("live-" + nextId.incrementAndGet(), g.id(), (int) (batches % 100), 0.1, now));
            }
            core.commands().sendAndWait(new RecordGateEvents(batch));
            batches++;
            next += TimeUnit.MILLISECONDS.toNanos(BATCH_EVERY_MS);
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
        return batches;
    }

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

}
