package borderwatch.bench;

import borderwatch.core.CommandSide;
import borderwatch.gate.GateEvent;
import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import borderwatch.province.GateConfig;
import borderwatch.province.Province;
import borderwatch.readmodel.ReadModel;
import borderwatch.readmodel.Replay;
import borderwatch.service.ReadModels;
import borderwatch.store.sqlite.SqliteEventStorageEngine;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures durable ingest through the command path and replay through all projections, for the
 * embedded SQLite engine and, in the same run with the same events, Axon's stock JDBC engine on H2.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure ingest and replay against Axon's stock JDBC engine on H2 (same run, same events).")
public final class Bench implements Callable<Integer> {

    @Option(names = "--events", defaultValue = "2000000", description = "events to replay (default ${DEFAULT-VALUE})")
    long replayEvents;

    @Option(names = "--ingest-events", defaultValue = "1000000",
            description = "events to ingest through the command path (default ${DEFAULT-VALUE})")
    long ingestEvents;

    @Option(names = "--batch", defaultValue = "1000", description = "events per command, one gate each (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--clients", defaultValue = "16", description = "concurrent senders (default ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--dir", description = "working directory (default: a temporary one, removed afterwards)")
    Path dir;

    @Option(names = "--phase", defaultValue = "all",
            description = "what to measure: all (ingest, live, replay, forecast, startup, national), ingest, live, replay, "
                    + "forecast, startup, national, logging or soak "
                    + "(default ${DEFAULT-VALUE})")
    String phase;

    @Option(names = "--live-clients", defaultValue = "1000",
            description = "WebSocket clients for the latency figure (default ${DEFAULT-VALUE})")
    int liveClients;

    @Option(names = "--capacity-clients", defaultValue = "10000",
            description = "WebSocket clients for the capacity figure (default ${DEFAULT-VALUE})")
    int capacityClients;

    @Option(names = "--live-rate", defaultValue = "2000", description = "events/s during live figures (default ${DEFAULT-VALUE})")
    int liveRate;

    @Option(names = "--live-seconds", defaultValue = "15", description = "seconds measured per live figure (default ${DEFAULT-VALUE})")
    int liveSeconds;

    @Option(names = "--no-peer", description = "measure only BorderWatch's engine (for profiling; no ratios)")
    boolean noPeer;

    @Option(names = "--soak-seconds", defaultValue = "600",
            description = "length of the soak phase, which only runs when asked for (--phase soak; default ${DEFAULT-VALUE})")
    int soakSeconds;

    @Option(names = "--logging-seconds", defaultValue = "20",
            description = "length of each round of the logging phase, which only runs when asked for (--phase logging; "
                    + "default ${DEFAULT-VALUE})")
    int loggingSeconds;

    @Option(names = "--forecast-days", defaultValue = "365",
            description = "simulated days the forecaster is scored on (default ${DEFAULT-VALUE})")
    int forecastDays;

    @Option(names = "--forecast-seeds", defaultValue = "2025,2026,31337", split = ",",
            description = "seeds of the hidden worlds, each scored and printed (default ${DEFAULT-VALUE})")
    List<Long> forecastSeeds;

    @Option(names = "--national-events", defaultValue = "5000000",
            description = "events of history across the seven provinces of the national load (default ${DEFAULT-VALUE}; "
                    + "50000000 is the full ten years of the northern border)")
    long nationalEvents;

    @Option(names = "--startup-events", defaultValue = "7000000",
            description = "events of one province's history for the start-up figures (default ${DEFAULT-VALUE})")
    long startupEvents;

    @Option(names = "--startup-restarts", defaultValue = "5",
            description = "restarts timed each way, alternating; the median is the figure (default ${DEFAULT-VALUE})")
    int startupRestarts;

    @Option(names = "--national-years", defaultValue = "10", description = "years the national history spans (default ${DEFAULT-VALUE})")
    int nationalYears;

    @Option(names = "--national-heap", defaultValue = "512m", description = "the national node's -Xmx (default ${DEFAULT-VALUE})")
    String nationalHeap;

    @Option(names = "--national-consoles", defaultValue = "1000",
            description = "consoles spread over the provinces' live feeds in the national load (default ${DEFAULT-VALUE})")
    int nationalConsoles;

    @Option(names = "--json", description = "print one JSON object instead of a table")
    boolean json;

    private static final int WARM_UP_EVENTS = 50_000;
    /**
     * Whole replays each engine runs before its measured one, so that neither is measured while the
     * JIT is still compiling its path: a first start's cold fold is measured apart (--phase startup).
     */
    private static final int WARM_UP_REPLAYS = 2;

    private final List<GateConfig> gates = Province.defaults().all();

    @Override
    public Integer call() throws Exception {
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("borderwatch-bench");
        try {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("machine", Machine.describe());
            if (phase.equals("all") || phase.equals("ingest")) {
                log("ingest: " + ingestEvents + " events, " + clients + " clients, " + batch + " events per command");
                double ingestOurs = ingestOurs(work.resolve("ingest-ours"));
                double ingestPeer = noPeer ? Double.NaN : ingestPeer(work.resolve("ingest-peer"));
                result.put("ingest", figures(ingestOurs, ingestPeer, ingestEvents));
            }
            if (phase.equals("all") || phase.equals("live")) {
                log("live feed: " + liveClients + " and " + capacityClients + " WebSocket clients at "
                        + liveRate + " events/s for " + liveSeconds + " s each");
                result.put("live", new LiveBench(work.resolve("live")).run(liveClients, capacityClients, liveRate,
                        liveSeconds));
            }
            if (phase.equals("all") || phase.equals("replay")) {
                log("replay: " + replayEvents + " events folded through every projection");
                double replayOurs = replayOurs(work.resolve("replay-ours"));
                double replayPeer = noPeer ? Double.NaN : replayPeer(work.resolve("replay-peer"));
                result.put("replay", figures(replayOurs, replayPeer, replayEvents));
            }
            if (phase.equals("all") || phase.equals("forecast")) {
                List<Map<String, Object>> seeds = new ArrayList<>();
                for (long seed : forecastSeeds) {
                    log("forecast: " + forecastDays + " simulated days with hidden harvest surges and closures, seed "
                            + seed + ", scored");
                    Map<String, Object> scores = new LinkedHashMap<>();
                    scores.put("seed", seed);
                    scores.putAll(new ForecastBench(seed).run(forecastDays));
                    if (((Number) scores.get("forecastRuns")).longValue() < forecastDays * 96L) {
                        throw new IllegalStateException("the forecaster ran fewer times than asked: " + scores);
                    }
                    seeds.add(scores);
                }
                result.put("forecast", seeds);
            }
            if (phase.equals("all") || phase.equals("national")) {
                result.put("national", new NationalBench(work.resolve("national")).run(nationalEvents, nationalYears,
                        nationalHeap, nationalConsoles, liveRate, liveSeconds));
            }
            if (phase.equals("all") || phase.equals("startup")) {
                result.put("startup", new NationalBench(work.resolve("startup")).startup(startupEvents, nationalYears,
                        nationalHeap, startupRestarts));
            }
            if (phase.equals("logging")) {
                log("logging: HTTP ingest with " + clients + " clients, " + batch + " events per batch, rounds of "
                        + loggingSeconds + " s without and with JSON logs");
                result.put("logging", new LoggingBench(work.resolve("logging")).run(loggingSeconds, 3, clients, batch));
            }
            if (phase.equals("soak")) {
                log("soak: HTTP ingest with " + clients + " clients, " + batch + " events per batch, for " + soakSeconds + " s");
                result.put("soak", new SoakBench(work.resolve("soak")).run(soakSeconds, clients, batch));
            }
            print(result);
            return 0;
        } finally {
            if (dir == null) {
                deleteTree(work);
            }
        }
    }

    /** A throughput goal: at least {@code eventsPerSecond}, and at least {@code ratio} times the peer. */
    record Goal(long eventsPerSecond, double ratio) {
        String judge(long ours, Double measuredRatio) {
            boolean fast = ours >= eventsPerSecond;
            String text = String.format("≥ %,d/s and ≥ %.0fx: ", eventsPerSecond, ratio);
            if (measuredRatio == null) {
                return text + (fast ? "rate met, ratio not measured (no peer)" : "rate missed, ratio not measured (no peer)");
            }
            return text + (fast && measuredRatio >= ratio ? "met" : "missed");
        }
    }

    static final Goal INGEST_GOAL = new Goal(100_000, 4);
    /** p99 goals: with the latency figure's clients (1,000) and with the capacity figure's (10,000). */
    static final double LIVE_P99_GOAL_MS = 100;
    static final double CAPACITY_P99_GOAL_MS = 500;
    static final long LIVE_HEAP_GOAL_MIB = 100;
    static final Goal REPLAY_GOAL = new Goal(1_500_000, 10);
    /** Start-up goals at --startup-events: to ready without a checkpoint, its peak memory, and from one. */
    static final long FIRST_START_GOAL_MS = 10_000;
    static final long FIRST_START_RSS_GOAL_MIB = 1_024;
    static final long RESTART_GOAL_MS = 2_000;

    private static Map<String, Object> figures(double ours, double peer, long events) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", events);
        m.put("oursEventsPerSecond", Math.round(ours));
        // Without a peer there is no peer figure and no ratio, not a zero.
        m.put("peerEventsPerSecond", Double.isNaN(peer) ? null : Math.round(peer));
        m.put("ratio", Double.isNaN(peer) ? null : Math.round(ours / peer * 10) / 10.0);
        return m;
    }

    // ---- ingest -------------------------------------------------------------------------------

    private double ingestOurs(Path path) throws Exception {
        Files.createDirectories(path);
        try (SqliteEventStorageEngine engine = Engines.ours(path)) {
            return ingest(engine, engine::existingIds, "ours");
        }
    }

    private double ingestPeer(Path path) throws Exception {
        Files.createDirectories(path);
        // The stock engine has no id look-up; the peer skips that step, which favours the peer.
        return ingest(Engines.peer(path), ids -> java.util.Set.of(), "peer");
    }

    private double ingest(EventStorageEngine engine, java.util.function.Function<java.util.Collection<String>, java.util.Set<String>> ids, String name)
            throws Exception {
        ExecutorService commandThreads = CommandSide.commandThreads();
        Configuration axon = CommandSide.configurer(engine, Engines.serializer(), ids, Province.defaults(), commandThreads)
                                        .buildConfiguration();
        axon.start();
        ExecutorService senders = Executors.newFixedThreadPool(clients);
        try {
            BenchEvents events = new BenchEvents(gates, ingestEvents, "ingest-");
            long batches = ingestEvents / batch;
            AtomicLong next = new AtomicLong();
            // A warm-up on separate ids, so class loading and JIT compilation are billed to neither engine.
            BenchEvents warm = new BenchEvents(gates, WARM_UP_EVENTS, "warm-");
            for (int i = 0; i < WARM_UP_EVENTS / 500; i++) {
                axon.commandGateway().sendAndWait(new RecordGateEvents(warm.gateBatch(i % gates.size(), i / gates.size(), 500)));
            }
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(senders.submit(() -> {
                    long b;
                    while ((b = next.getAndIncrement()) < batches) {
                        int gate = (int) (b % gates.size());
                        List<GateReport> list = events.gateBatch(gate, b / gates.size(), batch);
                        axon.commandGateway().sendAndWait(new RecordGateEvents(list));
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = batches * batch / seconds;
            log(String.format("  %-4s %,12.0f events/s (%.1f s)", name, rate, seconds));
            return rate;
        } finally {
            senders.shutdownNow();
            axon.shutdown();
            commandThreads.shutdownNow();
        }
    }

    // ---- replay -------------------------------------------------------------------------------

    private double replayOurs(Path path) throws IOException {
        Files.createDirectories(path);
        try (SqliteEventStorageEngine engine = Engines.ours(path)) {
            fill(engine, false);
            engine.checkpoint();
            for (int i = 0; i < WARM_UP_REPLAYS; i++) {
                Replay.asOf(engine, new ReadModel(Province.defaults(), ReadModels.ALL), Instant.MAX, p -> { });
            }
            long start = System.nanoTime();
            // The path reports and time travel take: every fold plus the congestion log, cut by business time.
            ReadModel model = Replay.asOf(engine, new ReadModel(Province.defaults(), ReadModels.ALL), Instant.MAX, p -> { }).model();
            return report("ours", model, start);
        }
    }

    private double replayPeer(Path path) throws IOException {
        Files.createDirectories(path);
        JdbcEventStorageEngine engine = Engines.peer(path);
        fill(engine, true);
        for (int i = 0; i < WARM_UP_REPLAYS; i++) {
            ReadModel warm = new ReadModel(Province.defaults(), ReadModels.ALL);
            try (Stream<? extends org.axonframework.eventhandling.TrackedEventMessage<?>> stream =
                         engine.readEvents(null, false)) {
                AtomicLong position = new AtomicLong();
                stream.forEach(m -> warm.apply(position.incrementAndGet(), m.getPayload()));
            }
        }
        ReadModel model = new ReadModel(Province.defaults(), ReadModels.ALL);
        long start = System.nanoTime();
        try (Stream<? extends org.axonframework.eventhandling.TrackedEventMessage<?>> stream =
                     engine.readEvents(null, false)) {
            AtomicLong position = new AtomicLong();
            stream.forEach(m -> model.apply(position.incrementAndGet(), m.getPayload()));
        }
        return report("peer", model, start);
    }

    private double report(String name, ReadModel model, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        if (model.appliedCount() != replayEvents) {
            throw new IllegalStateException(name + " replay folded " + model.appliedCount() + " of " + replayEvents);
        }
        double rate = replayEvents / seconds;
        log(String.format("  %-4s %,12.0f events/s (%.1f s)", name, rate, seconds));
        return rate;
    }

    private void fill(EventStorageEngine engine, boolean inUnitOfWork) {
        BenchEvents events = new BenchEvents(gates, replayEvents, "replay-");
        long[] seq = new long[gates.size()];
        int chunk = 10_000;
        long filled = System.nanoTime();
        for (long from = 0; from < replayEvents; from += chunk) {
            List<DomainEventMessage<?>> messages = new ArrayList<>(chunk);
            for (GateEvent e : events.slice(from, Math.min(replayEvents, from + chunk))) {
                int g = indexOf(e.gate());
                messages.add(new GenericDomainEventMessage<>("Gate", e.gate(), seq[g]++, e));
            }
            if (inUnitOfWork) {
                DefaultUnitOfWork.startAndGet(null).execute(() -> engine.appendEvents(messages));
            } else {
                engine.appendEvents(messages);
            }
        }
        log(String.format("  filled %,d events in %.1f s", replayEvents, (System.nanoTime() - filled) / 1e9));
    }

    private int indexOf(String gate) {
        for (int i = 0; i < gates.size(); i++) {
            if (gates.get(i).id().equals(gate)) {
                return i;
            }
        }
        throw new IllegalArgumentException(gate);
    }

    // ---- output -------------------------------------------------------------------------------

    private void log(String line) {
        System.err.println(line);
    }

    @SuppressWarnings("unchecked")
    private void print(Map<String, Object> result) throws IOException {
        if (json) {
            System.out.println(new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
            return;
        }
        System.out.println("machine: " + result.get("machine"));
        if (result.get("forecast") instanceof List<?> seeds) {
            seeds.forEach(f -> printForecast((Map<?, ?>) f));
        }
        if (result.get("logging") instanceof Map<?, ?> logging) {
            // Its baseline is the same node in the same run, without the access log.
            logging.forEach((k, v) -> System.out.printf("logging %-34s %s%n", k, v));
        }
        if (result.get("soak") instanceof Map<?, ?> soak) {
            // The soak has no peer: its figures are its own minutes against its second minute.
            soak.forEach((k, v) -> System.out.printf("soak %-26s %s%n", k, v));
            return;
        }
        if (result.containsKey("ingest") || result.containsKey("replay")) {
            System.out.printf("%-8s %12s %14s %14s %8s  %s%n", "", "events", "ours (ev/s)", "peer (ev/s)", "ratio", "goal");
        }
        for (String k : List.of("ingest", "replay")) {
            if (!result.containsKey(k)) {
                continue;
            }
            Map<String, Object> m = (Map<String, Object>) result.get(k);
            Long peer = (Long) m.get("peerEventsPerSecond");
            Double ratio = (Double) m.get("ratio");
            long ours = (Long) m.get("oursEventsPerSecond");
            Goal goal = k.equals("ingest") ? INGEST_GOAL : REPLAY_GOAL;
            System.out.printf("%-8s %,12d %,14d %14s %8s  %s%n", k, (Long) m.get("events"), ours,
                    peer == null ? "no peer" : String.format("%,d", peer), ratio == null ? "-" : ratio + "x",
                    goal.judge(ours, ratio));
        }
        if (result.get("live") instanceof Map<?, ?> live) {
            printLive((Map<String, Object>) live);
        }
        if (result.containsKey("ingest") || result.containsKey("replay")) {
            System.out.println("peer = Axon's stock JdbcEventStorageEngine on an H2 file, same events, same command path and folds");
        }
        if (result.get("startup") instanceof Map<?, ?> startup) {
            printStartup((Map<String, Object>) startup);
        }
        if (result.get("national") instanceof Map<?, ?> national) {
            printNational((Map<String, Object>) national);
        }
    }

    @SuppressWarnings("unchecked")
    private static void printStartup(Map<String, Object> s) {
        Map<String, Object> first = (Map<String, Object>) s.get("firstStart");
        Map<String, Object> restart = (Map<String, Object>) s.get("restart");
        long firstMs = (Long) first.get("readyMillis");
        long firstRss = (Long) first.get("peakRssMiB");
        long restartMs = (Long) restart.get("readyMillis");
        System.out.printf("%nstart-up: %,d events of one province over %s years, -Xmx%s%n", (Long) s.get("filledEvents"),
                s.get("years"), s.get("heap"));
        System.out.printf("first start (no checkpoint)      %,8d ms to ready, peak RSS %,d MiB   goal < %,d ms and < %,d MiB: %s%n",
                firstMs, firstRss, FIRST_START_GOAL_MS, FIRST_START_RSS_GOAL_MIB,
                firstMs < FIRST_START_GOAL_MS && firstRss < FIRST_START_RSS_GOAL_MIB ? "met" : "missed");
        Map<String, Object> plain = (Map<String, Object>) s.get("restartPlain");
        System.out.printf("restart (checkpoint, as the ops unit runs it: class data archive of the first run)%n"
                        + "                                 %,8d ms to ready (median of %s), peak RSS %,d MiB   goal < %,d ms: %s%n",
                restartMs, restart.get("runsMillis"), (Long) restart.get("peakRssMiB"), RESTART_GOAL_MS,
                restartMs < RESTART_GOAL_MS ? "met" : "missed");
        System.out.printf("restart (checkpoint, plain java, same run)%n"
                        + "                                 %,8d ms to ready (median of %s), peak RSS %,d MiB%n",
                (Long) plain.get("readyMillis"), plain.get("runsMillis"), (Long) plain.get("peakRssMiB"));
    }

    @SuppressWarnings("unchecked")
    private static void printLive(Map<String, Object> live) {
        System.out.printf("%nlive feed at %,d events/s        clients   p50 (ms)   p99 (ms)   max (ms)%n",
                (Integer) live.get("eventsPerSecond"));
        for (String k : List.of("baseline", "latency", "capacity")) {
            Map<String, Object> m = (Map<String, Object>) live.get(k);
            System.out.printf("%-28s %,10d %10.1f %10.1f %10.1f%n", k, (Integer) m.get("clients"),
                    (Double) m.get("p50Ms"), (Double) m.get("p99Ms"), (Double) m.get("maxMs"));
        }
        Map<String, Object> capacity = (Map<String, Object>) live.get("capacity");
        Map<String, Object> latency = (Map<String, Object>) live.get("latency");
        double p99 = (Double) latency.get("p99Ms");
        long heap = (Long) capacity.get("extraHeapMiB");
        System.out.printf("p99 with %,d clients vs 1 client: %sx; server heap for %,d clients: %d MiB%n",
                (Integer) latency.get("clients"), live.get("p99Ratio"), (Integer) capacity.get("clients"), heap);
        double capacityP99 = (Double) capacity.get("p99Ms");
        System.out.printf("goals: p99 with %,d clients < %.0f ms: %s; p99 with %,d clients < %.0f ms: %s; "
                        + "%,d clients in < %d MiB extra heap: %s%n",
                (Integer) latency.get("clients"), LIVE_P99_GOAL_MS, p99 < LIVE_P99_GOAL_MS ? "met" : "missed",
                (Integer) capacity.get("clients"), CAPACITY_P99_GOAL_MS, capacityP99 < CAPACITY_P99_GOAL_MS ? "met" : "missed",
                (Integer) capacity.get("clients"), LIVE_HEAP_GOAL_MIB, heap < LIVE_HEAP_GOAL_MIB ? "met" : "missed");
    }

    @SuppressWarnings("unchecked")
    private static void printNational(Map<String, Object> n) {
        Map<String, Object> first = (Map<String, Object>) n.get("firstStart");
        Map<String, Object> restart = (Map<String, Object>) n.get("restart");
        Map<String, Object> live = (Map<String, Object>) n.get("live");
        Map<String, Object> one = (Map<String, Object>) live.get("baseline");
        Map<String, Object> many = (Map<String, Object>) live.get("consoles");
        System.out.printf("%nnational load: %s provinces, %s gates, %,d events over %s years, one node%n", n.get("provinces"),
                n.get("gates"), (Long) n.get("filledEvents"), n.get("years"));
        System.out.printf("first start (no checkpoint)      %,8d ms to ready, peak RSS %,d MiB%n", (Long) first.get("readyMillis"),
                (Long) first.get("peakRssMiB"));
        System.out.printf("restart (checkpoint)             %,8d ms to ready, peak RSS %,d MiB%n", (Long) restart.get("readyMillis"),
                (Long) restart.get("peakRssMiB"));
        System.out.printf("year report, one province        %,8d ms%n", (Long) first.get("provinceReportMillis"));
        System.out.printf("national report (adds up)        %,8d ms%n", (Long) first.get("nationalReportMillis"));
        System.out.printf("live at %,d events/s: 1 console p99 %.1f ms; %,d consoles over the provinces + 1 national board "
                        + "p99 %.1f ms (%sx), %s national boards%n", (Integer) live.get("eventsPerSecond"), (Double) one.get("p99Ms"),
                (Integer) many.get("consoles"), (Double) many.get("p99Ms"),
                ((Double) one.get("p99Ms")) <= 0 ? "-" : String.format("%.1f", (Double) many.get("p99Ms") / (Double) one.get("p99Ms")),
                many.get("nationalBoardsReceived"));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The forecaster's scores beside its goals, and the naive forecast of the same run. */
    private static void printForecast(Map<?, ?> f) {
        System.out.printf("%nforecast, seed %s: %s simulated days, %s hidden surges and closures, %s runs in %s s%n",
                f.get("seed"), f.get("days"), f.get("hiddenScenarios"), f.get("forecastRuns"), f.get("seconds"));
        Object warned = f.get("warnedHourAheadPercent");
        Object falses = f.get("falseWarningPercent");
        System.out.printf("alert episodes %s; warned >= 1 h ahead: %s%% (goal >= 80%%: %s); median lead %s min%n",
                f.get("alertEpisodes"), warned, warned instanceof Number n && n.doubleValue() >= 80 ? "met" : "missed",
                f.get("medianLeadMinutes"));
        System.out.printf("warnings %s; false: %s%% (goal <= 25%%: %s)%n", f.get("warnings"), falses,
                falses instanceof Number n && n.doubleValue() <= 25 ? "met" : "missed");
        for (String h : new String[] {"1h", "3h", "6h"}) {
            System.out.printf("mean absolute error of waiting at +%s: forecast %s, naive %s%n", h, f.get("maeWaiting" + h),
                    f.get("maeWaitingNaive" + h));
        }
        for (String h : new String[] {"3h", "6h"}) {
            double at = ((Number) f.get("maeWaiting" + h)).doubleValue();
            double naive = ((Number) f.get("maeWaitingNaive" + h)).doubleValue();
            System.out.printf("at +%s the forecast's error is %.2fx the naive one's (goal <= 0.8x: %s)%n", h, at / naive,
                    at <= 0.8 * naive ? "met" : "missed");
        }
    }
}
