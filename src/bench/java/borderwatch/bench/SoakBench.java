package borderwatch.bench;

import borderwatch.auth.Role;
import borderwatch.auth.Tokens;
import borderwatch.core.Core;
import borderwatch.drill.Drills;
import borderwatch.metrics.ServiceMetrics;
import borderwatch.province.GateConfig;
import borderwatch.province.Province;
import borderwatch.service.HttpApi;
import borderwatch.service.ReadModels;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest over HTTP for a long stretch, as fast as the node acknowledges, with every batch durable
 * before its answer: events per second minute by minute, and heap after a full GC. The first
 * minute is warm-up (JIT, heap sizing); the second is the baseline the later minutes and the final
 * heap are compared with. The clients run in the
 * same JVM and share its two cores; the per-token rate limit is lifted, since the point is the
 * node's own ceiling.
 */
final class SoakBench {

    private final Path dir;

    SoakBench(Path dir) {
        this.dir = dir;
    }

    Map<String, Object> run(int seconds, int clients, int batch) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        try (Core core = Core.open(dir, Province.defaults(), ReadModels.ALL)) {
            Tokens tokens = Tokens.open(dir.resolve("tokens.json"), null);
            String token = tokens.create(Role.COORDINATOR, Set.of(), "soak").token();
            Vertx vertx = Vertx.vertx();
            HttpApi http = new HttpApi(core, new Drills(dir, Core::open, core.gates(), ReadModels.ALL, Clock.systemUTC()), new ServiceMetrics(), tokens,
                    1_000_000, Clock.systemUTC(), "127.0.0.1", 0);
            vertx.deployVerticle(http).await();
            AtomicLong acknowledged = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            AtomicLong sequence = new AtomicLong();
            ExecutorService senders = Executors.newFixedThreadPool(clients);
            long heapBefore = 0;
            try {
                HttpClient client = HttpClient.newHttpClient();
                URI uri = URI.create("http://127.0.0.1:" + http.actualPort() + "/api/v1/events");
                List<GateConfig> gates = Province.defaults().all();
                long endAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                for (int c = 0; c < clients; c++) {
                    senders.submit(() -> {
                        while (System.nanoTime() < endAt) {
                            long first = sequence.getAndAdd(batch);
                            String body = body(first, batch, gates);
                            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(uri).header("content-type", "application/json")
                                    .header("Authorization", "Bearer " + token)
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                            if (r.statusCode() == 200) {
                                acknowledged.addAndGet(batch);
                            } else {
                                refused.incrementAndGet();
                            }
                        }
                        return null;
                    });
                }
                List<Long> perMinute = new ArrayList<>();
                long last = 0;
                int minutes = Math.max(2, seconds / 60);
                for (int m = 0; m < minutes; m++) {
                    Thread.sleep(60_000);
                    long now = acknowledged.get();
                    perMinute.add((now - last) / 60);
                    last = now;
                    if (m == 1) {
                        heapBefore = LiveBench.usedHeapAfterGc();
                    }
                    System.err.printf("soak: minute %d, %,d events/s%n", m + 1, perMinute.get(m));
                }
                senders.shutdown();
                senders.awaitTermination(2, TimeUnit.MINUTES);
                long heapAfter = LiveBench.usedHeapAfterGc();
                out.put("seconds", seconds);
                out.put("clients", clients);
                out.put("eventsPerBatch", batch);
                out.put("eventsAcknowledged", acknowledged.get());
                out.put("batchesRefused", refused.get());
                out.put("eventsPerSecondByMinute", perMinute);
                long baseline = perMinute.get(1);
                List<Long> measured = perMinute.subList(1, perMinute.size());
                out.put("baselineEventsPerSecond", baseline);
                out.put("lastMinuteToBaseline", Math.round(100.0 * perMinute.get(perMinute.size() - 1) / baseline) / 100.0);
                out.put("slowestMinuteToBaseline", Math.round(100.0 * measured.stream().mapToLong(Long::longValue).min()
                        .orElse(0) / baseline) / 100.0);
                out.put("heapAfterSecondMinuteMiB", heapBefore / (1024 * 1024));
                out.put("heapAtEndMiB", heapAfter / (1024 * 1024));
                out.put("heapEndToStart", Math.round(100.0 * heapAfter / heapBefore) / 100.0);
                out.put("storedEvents", core.storage().headPosition());
            } finally {
                senders.shutdownNow();
                vertx.close().await();
            }
        }
        return out;
    }

    static String body(long first, int batch, List<GateConfig> gates) {
        StringBuilder b = new StringBuilder(batch * 160).append("{\"events\":[");
        Instant at = Instant.now().minus(Duration.ofMinutes(1));
        for (long n = first; n < first + batch; n++) {
            if (n > first) {
                b.append(',');
            }
            b.append("{\"id\":\"soak-").append(n).append("\",\"type\":\"VehiclesCleared\",\"gate\":\"")
             .append(gates.get((int) (n % gates.size())).id()).append("\",\"at\":\"").append(at)
             .append("\",\"direction\":\"").append(n % 2 == 0 ? "EXPORT" : "IMPORT").append("\",\"vehicles\":1}");
        }
        return b.append("]}").toString();
    }
}
