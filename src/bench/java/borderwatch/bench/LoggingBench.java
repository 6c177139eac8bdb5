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
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * HTTP ingest with and without structured logging, in one process on one node: rounds alternate
 * between the logging of before (no access line, nothing written a request) and JSON lines with an
 * access line a request, written to a file as a collector would read them. Alternating keeps warm-up
 * and the store's growth from favouring either side.
 */
final class LoggingBench {

    private final Path dir;

    LoggingBench(Path dir) {
        this.dir = dir;
    }

    Map<String, Object> run(int roundSeconds, int rounds, int clients, int batch) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger access = context.getLogger("borderwatch.access");
        Path logFile = dir.resolve("log.jsonl");
        Files.createDirectories(dir);
        FileAppender<ILoggingEvent> json = new FileAppender<>();
        json.setContext(context);
        json.setFile(logFile.toString());
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithContext(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.start();
        json.setEncoder(encoder);
        json.start();
        var console = root.getAppender("console");

        Map<String, Object> out = new LinkedHashMap<>();
        try (Core core = Core.open(dir.resolve("store"), Province.defaults(), ReadModels.ALL)) {
            Tokens tokens = Tokens.open(dir.resolve("tokens.json"), null);
            String token = tokens.create(Role.COORDINATOR, Set.of(), "logging bench").token();
            Vertx vertx = Vertx.vertx();
            HttpApi http = new HttpApi(core, new Drills(dir, Core::open, core.gates(), ReadModels.ALL, Clock.systemUTC()),
                    new ServiceMetrics(), tokens, 1_000_000, Clock.systemUTC(), "127.0.0.1", 0);
            vertx.deployVerticle(http).await();
            try {
                URI uri = URI.create("http://127.0.0.1:" + http.actualPort() + "/api/v1/events");
                AtomicLong sequence = new AtomicLong();
                quiet(access);
                ingest(uri, token, clients, batch, Math.max(30, roundSeconds * 2), sequence); // warm-up
                List<Double> before = new ArrayList<>();
                List<Double> jsonLines = new ArrayList<>();
                List<Double> paired = new ArrayList<>();
                long jsonRequests = 0;
                // Without, with, without, …, without: each JSON round sits between two rounds without, and
                // is compared with their mean, so a drift over the run (warm-up, a growing store) cancels.
                for (int r = 0; r < rounds * 2 + 1; r++) {
                    boolean logging = r % 2 == 1;
                    if (logging) {
                        root.detachAppender(console);
                        root.addAppender(json);
                        access.setLevel(Level.INFO);
                    } else {
                        quiet(access);
                    }
                    long sentBefore = sequence.get();
                    double rate;
                    try {
                        rate = ingest(uri, token, clients, batch, roundSeconds, sequence);
                    } finally {
                        if (logging) {
                            root.detachAppender(json);
                            root.addAppender(console);
                        }
                    }
                    if (logging) {
                        jsonRequests += (sequence.get() - sentBefore) / batch;
                    }
                    (logging ? jsonLines : before).add(rate);
                    if (!logging && r > 0) {
                        paired.add(jsonLines.get(jsonLines.size() - 1) / ((before.get(before.size() - 2) + rate) / 2));
                    }
                    System.err.printf("logging: round %d, %s, %,.0f events/s%n", r + 1,
                            logging ? "JSON lines and access log" : "no access log", rate);
                }
                quiet(access);
                long lines;
                try (var all = Files.lines(logFile)) {
                    lines = all.count();
                }
                // One access line a request: fewer means lines were lost, and the figure would flatter JSON.
                if (lines < jsonRequests) {
                    throw new IllegalStateException("the JSON rounds sent " + jsonRequests + " requests but logged " + lines);
                }
                double meanBefore = before.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                double meanJson = jsonLines.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                out.put("clients", clients);
                out.put("eventsPerBatch", batch);
                out.put("roundSeconds", roundSeconds);
                out.put("eventsPerSecondWithoutAccessLog", round(before));
                out.put("eventsPerSecondWithJsonLogs", round(jsonLines));
                out.put("jsonToWithout", Math.round(100.0 * meanJson / meanBefore) / 100.0);
                out.put("jsonToNeighboursWithout", paired.stream().map(x -> Math.round(100.0 * x) / 100.0).toList());
                out.put("jsonToNeighboursWithoutMean", Math.round(100.0 * paired.stream().mapToDouble(Double::doubleValue)
                        .average().orElseThrow()) / 100.0);
                out.put("jsonLinesWritten", lines);
                out.put("logBytesPerRequest", Files.size(logFile) / Math.max(1, lines));
                out.put("requestsInJsonRounds", jsonRequests);
            } finally {
                vertx.close().await();
            }
        } finally {
            json.stop();
            access.setLevel(null);
        }
        return out;
    }

    private static void quiet(Logger access) {
        access.setLevel(Level.OFF);
    }

    private static List<Long> round(List<Double> rates) {
        return rates.stream().map(Math::round).toList();
    }

    /** Events acknowledged per second over {@code seconds}; fails when a batch is refused. */
    private static double ingest(URI uri, String token, int clients, int batch, int seconds, AtomicLong sequence)
            throws Exception {
        List<GateConfig> gates = Province.defaults().all();
        AtomicLong acknowledged = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(clients);
        HttpClient client = HttpClient.newHttpClient();
        long started = System.nanoTime();
        long endAt = started + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<Object>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(senders.submit(() -> {
                while (System.nanoTime() < endAt) {
                    String body = SoakBench.body(sequence.getAndAdd(batch), batch, gates);
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).header("content-type", "application/json")
                            .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("a batch was refused (" + r.statusCode() + "): " + r.body());
                    }
                    acknowledged.addAndGet(batch);
                }
                return null;
            }));
        }
        for (Future<Object> f : running) {
            f.get();
        }
        senders.shutdown();
        double elapsed = (System.nanoTime() - started) / 1e9;
        return acknowledged.get() / elapsed;
    }
}
