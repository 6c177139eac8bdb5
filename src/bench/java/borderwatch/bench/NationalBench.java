package borderwatch.bench;

import borderwatch.auth.Role;
import borderwatch.auth.Tokens;
import borderwatch.gate.GateEvent;
import borderwatch.province.GateConfig;
import borderwatch.province.Province;
import borderwatch.store.sqlite.SqliteEventStorageEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * The national load: the seven provinces of the northern border (Lạng Sơn and Lai Châu as shipped,
 * five more written here with six road gates each: 38 gates), years of history in each province's
 * own store, served by one node in a child JVM so its start time and memory are its own. Measures
 * the first start (no checkpoint), one province's year report and the national report of the same
 * year (checked to add up), the start from the checkpoint of a clean stop, and the live fan-out with
 * consoles spread over the provinces and one national board, against one console in the same run.
 */
final class NationalBench {

    /** A province written for the bench: as many road gates as a mid-sized border province has. */
    private record Written(String id, String nameVi, String nameEn, int gates) {
    }

    private static final List<Written> WRITTEN = List.of(
            new Written("quang-ninh", "Quảng Ninh", "Quang Ninh", 6), new Written("cao-bang", "Cao Bằng", "Cao Bang", 6),
            new Written("tuyen-quang", "Tuyên Quang", "Tuyen Quang", 6), new Written("lao-cai", "Lào Cai", "Lao Cai", 6),
            new Written("dien-bien", "Điện Biên", "Dien Bien", 6));
    private static final long BATCH_EVERY_MS = 50;
    private static final Duration READY_WITHIN = Duration.ofMinutes(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong nextId = new AtomicLong();
    private int port;
    private String coordinator;

    NationalBench(Path dir) {
        this.dir = dir;
    }

    Map<String, Object> run(long events, int years, String heap, int consoles, int eventsPerSecond, int seconds)
            throws Exception {
        Files.createDirectories(dir);
        Path data = dir.resolve("data");
        List<String> gatesArgs = new ArrayList<>(List.of("lang-son", "lai-chau"));
        List<Province> provinces = new ArrayList<>(List.of(Province.bundled("lang-son"), Province.bundled("lai-chau")));
        for (Written w : WRITTEN) {
            Path file = dir.resolve(w.id() + ".json");
            Files.writeString(file, provinceFile(w));
            gatesArgs.add(file.toString());
            provinces.add(Province.fileOrBundled(file));
        }
        int allGates = provinces.stream().mapToInt(p -> p.all().size()).sum();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("provinces", provinces.size());
        out.put("gates", allGates);
        out.put("years", years);
        log(String.format("national: %d provinces, %d gates, %,d events over %d years", provinces.size(), allGates, events,
                years));
        out.put("filledEvents", fill(data, provinces, events, years, allGates));
        Tokens tokens = Tokens.open(data.resolve("tokens.json"), null);
        coordinator = tokens.create(Role.COORDINATOR, Set.of(), "bench national").token();
        String viewer = tokens.create(Role.VIEWER, Set.of(), "bench national consoles").token();
        int year = Instant.now().atZone(ZoneId.of("Asia/Ho_Chi_Minh")).getYear() - 1;

        Process node = startNode(data, gatesArgs, heap, consoles);
        Map<String, Object> first = new LinkedHashMap<>(awaitReady(node));
        log(String.format("  first start: ready in %,d ms, peak RSS %,d MiB", first.get("readyMillis"), first.get("peakRssMiB")));
        first.putAll(reports(provinces, year));
        out.put("firstStart", first);
        stop(node);

        node = startNode(data, gatesArgs, heap, consoles);
        try {
            Map<String, Object> restart = awaitReady(node);
            log(String.format("  restart: ready in %,d ms, peak RSS %,d MiB", restart.get("readyMillis"), restart.get("peakRssMiB")));
            out.put("restart", restart);
            Map<String, Object> live = new LinkedHashMap<>();
            live.put("eventsPerSecond", eventsPerSecond);
            live.put("baseline", live(provinces, viewer, 1, eventsPerSecond, seconds));
            live.put("consoles", live(provinces, viewer, consoles, eventsPerSecond, seconds));
            out.put("live", live);
        } finally {
            stop(node);
        }
        return out;
    }

    /**
     * One province's history alone (Lạng Sơn, the shipped file), served by a node in a child JVM: the
     * first start with no checkpoint, then the start from the checkpoint of a clean stop, each timed
     * from launch to /health/ready with its peak resident memory.
     */
    Map<String, Object> startup(long events, int years, String heap, int restarts) throws Exception {
        Files.createDirectories(dir);
        Path data = dir.resolve("data");
        List<Province> provinces = List.of(Province.bundled("lang-son"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("years", years);
        out.put("heap", heap);
        log(String.format("start-up: %,d events of Lạng Sơn over %d years, one node at -Xmx%s", events, years, heap));
        out.put("filledEvents", fill(data, provinces, events, years, provinces.get(0).all().size()));
        // As the ops kit's unit runs the jar: its first run records the classes it loads into an
        // archive at its stop, and later starts map them (class data sharing). A restart without the
        // archive, as a plain "java -jar" does it, is measured too, as the baseline.
        Path archive = dir.resolve("borderwatch.jsa");
        out.put("firstStart", timedStart(data, heap, "first start", "-XX:ArchiveClassesAtExit=" + archive));
        if (!Files.exists(archive)) {
            throw new IllegalStateException("the first start left no class data archive at " + archive);
        }
        // A restart moves from run to run by more than a tenth on two cores: each way is timed
        // several times, alternating, and its median is the figure, with every run shown.
        List<Map<String, Object>> plain = new ArrayList<>();
        List<Map<String, Object>> archived = new ArrayList<>();
        for (int i = 0; i < restarts; i++) {
            plain.add(timedStart(data, heap, "restart without the class archive"));
            archived.add(timedStart(data, heap, "restart", "-XX:SharedArchiveFile=" + archive));
        }
        out.put("restartPlain", median(plain));
        out.put("restart", median(archived));
        // The node may store a few events of its own (an early warning) on top of the history.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "read model at position (\\d+): \\1 from the checkpoint, 0 events folded from the stream")
                .matcher(Files.readString(dir.resolve("node.log")));
        if (!m.find() || Long.parseLong(m.group(1)) < events) {
            throw new IllegalStateException("the restart did not start from a checkpoint of all " + events
                    + " events; see " + dir.resolve("node.log"));
        }
        return out;
    }

    /** The run with the median time to ready, with every run's time and the highest peak memory of all. */
    static Map<String, Object> median(List<Map<String, Object>> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to take a median of");
        }
        List<Map<String, Object>> sorted = new ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparingLong(m -> (Long) m.get("readyMillis")));
        Map<String, Object> out = new LinkedHashMap<>(sorted.get(sorted.size() / 2));
        out.put("peakRssMiB", runs.stream().mapToLong(m -> (Long) m.get("peakRssMiB")).max().orElseThrow());
        out.put("runsMillis", runs.stream().map(m -> m.get("readyMillis")).toList());
        return out;
    }

    /** Lạng Sơn's node started on {@code data}, timed to ready, then stopped cleanly. */
    private Map<String, Object> timedStart(Path data, String heap, String what, String... jvm) throws Exception {
        Process node = startNode(data, List.of("lang-son"), heap, 16, jvm);
        try {
            Map<String, Object> m = awaitReady(node);
            log(String.format("  %s: ready in %,d ms, peak RSS %,d MiB", what, m.get("readyMillis"), m.get("peakRssMiB")));
            return m;
        } finally {
            stop(node);
        }
    }

    private static String provinceFile(Written w) {
        StringBuilder gates = new StringBuilder();
        for (int g = 1; g <= w.gates(); g++) {
            gates.append(g > 1 ? "," : "").append("""
                    {"id": "%s-%d", "nameVi": "Cửa khẩu %s %d", "nameEn": "%s gate %d", "kind": "road",
                     "clearancePerHour": 20, "yardCapacity": 150,
                     "levels": [{"id": "watch", "nameVi": "Theo dõi", "nameEn": "Watch", "raiseAtWaiting": 60, "clearBelowWaiting": 40},
                                {"id": "alert", "nameVi": "Cảnh báo", "nameEn": "Alert", "raiseAtWaiting": 100, "clearBelowWaiting": 80},
                                {"id": "critical", "nameVi": "Nguy cấp", "nameEn": "Critical", "raiseAtWaiting": 140, "clearBelowWaiting": 120}]}
                    """.formatted(w.id(), g, w.nameVi(), g, w.nameEn(), g));
        }
        return """
                {"province": {"id": "%s", "nameVi": "%s", "nameEn": "%s", "zone": "Asia/Ho_Chi_Minh"}, "gates": [%s]}
                """.formatted(w.id(), w.nameVi(), w.nameEn(), gates);
    }

    /** Each province's share of {@code events} (by its gates) into its own store, as the node keeps them. */
    private long fill(Path data, List<Province> provinces, long events, int years, int allGates) throws IOException {
        Instant end = Instant.now().minus(Duration.ofHours(1));
        Instant start = end.minus(Duration.ofDays(365L * years));
        long filled = 0;
        long began = System.nanoTime();
        for (int i = 0; i < provinces.size(); i++) {
            Province p = provinces.get(i);
            Path store = i == 0 ? data : data.resolve("provinces").resolve(p.provinceId());
            Files.createDirectories(store);
            // By its gates; the last takes what rounding left, so exactly the events asked for are stored.
            long own = i == provinces.size() - 1 ? events - filled : events * p.all().size() / allGates;
            List<GateConfig> gates = p.all();
            BenchEvents made = new BenchEvents(gates, own, p.provinceId() + "-", start,
                    Duration.between(start, end).toMillis());
            Map<String, Long> seq = new java.util.HashMap<>();
            try (SqliteEventStorageEngine engine = Engines.ours(store)) {
                for (long from = 0; from < own; from += 10_000) {
                    List<DomainEventMessage<?>> messages = new ArrayList<>(10_000);
                    for (GateEvent e : made.slice(from, Math.min(own, from + 10_000))) {
                        long n = seq.merge(e.gate(), 1L, Long::sum) - 1;
                        messages.add(new GenericDomainEventMessage<>("Gate", e.gate(), n, e));
                    }
                    engine.appendEvents(messages);
                }
                engine.checkpoint();
                if (engine.headPosition() != own) {
                    throw new IllegalStateException(p.provinceId() + ": stored " + engine.headPosition() + " of " + own + " events");
                }
            }
            filled += own;
        }
        if (filled != events) {
            throw new IllegalStateException("stored " + filled + " of " + events + " events; no figures reported");
        }
        Files.writeString(data.resolve("province-id"), provinces.get(0).provinceId() + "\n");
        log(String.format("  filled %,d events in %.1f s", filled, (System.nanoTime() - began) / 1e9));
        return filled;
    }

    private Process startNode(Path data, List<String> gates, String heap, int consoles, String... jvm) throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap));
        command.addAll(List.of(jvm));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "borderwatch.Main", "serve",
                "--data", data.toString(), "--port", Integer.toString(port), "--host", "127.0.0.1",
                "--rate-limit", "100000", "--max-connections-per-address", Integer.toString(consoles + 64),
                "--log-format", "text"));
        for (String g : gates) {
            command.add("--gates");
            command.add(g);
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("node.log").toFile()).start();
    }

    /** Time from launch until /health/ready answers 200, and the node's peak resident memory until then. */
    private Map<String, Object> awaitReady(Process node) throws Exception {
        long launched = node.info().startInstant().map(Instant::toEpochMilli).orElse(System.currentTimeMillis());
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!node.isAlive()) {
                throw new IllegalStateException("the node ended before it was ready; see " + dir.resolve("node.log"));
            }
            try {
                if (get("/health/ready").statusCode() == 200) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("readyMillis", System.currentTimeMillis() - launched);
                    m.put("peakRssMiB", peakRssMiB(node.pid()));
                    return m;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the node was not ready within " + READY_WITHIN + "; no figures reported");
    }

    /** One province's year report and the national report of that year; the national rows must be the provinces'. */
    private Map<String, Object> reports(List<Province> provinces, int year) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        HttpResponse<String> own = get("/api/v1/reports/" + year + "?province=lang-son&format=json");
        m.put("provinceReportMillis", (System.nanoTime() - t0) / 1_000_000);
        long t1 = System.nanoTime();
        HttpResponse<String> national = get("/api/v1/national/reports/" + year + "?format=json");
        m.put("nationalReportMillis", (System.nanoTime() - t1) / 1_000_000);
        if (own.statusCode() != 200 || national.statusCode() != 200) {
            throw new IllegalStateException("reports refused: " + own.statusCode() + " / " + national.statusCode());
        }
        JsonNode rows = JSON.readTree(national.body()).path("report").path("provinces");
        if (rows.size() != provinces.size()) {
            throw new IllegalStateException("the national report has " + rows.size() + " of " + provinces.size() + " provinces");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode row : rows) {
            sum = sum.add(row.path("totalUsd").decimalValue());
        }
        BigDecimal langSon = JSON.readTree(own.body()).path("report").path("summary").path("total").path("yearToDateUsd")
                .decimalValue();
        if (langSon.compareTo(rows.get(0).path("totalUsd").decimalValue()) != 0
                || sum.compareTo(JSON.readTree(national.body()).path("report").path("total").path("totalUsd").decimalValue()) != 0) {
            throw new IllegalStateException("the national report does not add up to the provinces' own reports");
        }
        m.put("nationalTotalUsd", sum);
        log(String.format("  %d reports: Lạng Sơn %,d ms, national %,d ms (%s USD, adds up)", year,
                m.get("provinceReportMillis"), m.get("nationalReportMillis"), sum.toPlainString()));
        return m;
    }

    /** Consoles spread over the provinces' live feeds and one national board, while every province reports. */
    private Map<String, Object> live(List<Province> provinces, String viewer, int consoles, int eventsPerSecond, int seconds)
            throws Exception {
        StringBuilder feeds = new StringBuilder();
        for (Province p : provinces) {
            feeds.append(feeds.length() == 0 ? "" : ",").append("/ws/live?province=").append(p.provinceId());
        }
        ProcessBuilder clients = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), LiveLoadClients.class.getName(), "127.0.0.1",
                Integer.toString(port), Integer.toString(consoles), feeds.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        clients.environment().put(LiveLoadClients.TOKEN_ENV, viewer);
        Process child = clients.start();
        NationalBoards boards = new NationalBoards();
        WebSocket national = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port
                + "/ws/national?access_token=" + viewer), boards).join();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter control = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String connectedLine = in.readLine();
            if (connectedLine == null || !connectedLine.startsWith("CONNECTED ")) {
                throw new IllegalStateException("client process failed to start: " + connectedLine);
            }
            int connected = Integer.parseInt(connectedLine.split(" ", 3)[1]);
            if (connected < consoles) {
                throw new IllegalStateException("asked for " + consoles + " consoles, only " + connected
                        + " connected; no live figures reported");
            }
            drive(provinces, eventsPerSecond, 2);
            control.println("START");
            long boardsBefore = boards.count.get();
            long batches = drive(provinces, eventsPerSecond, seconds);
            Thread.sleep(500);
            control.println("STOP");
            String[] r = in.readLine().split(" ");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("consoles", connected);
            m.put("nationalBoards", 1);
            m.put("batches", batches);
            m.put("samples", Long.parseLong(r[2]));
            m.put("p50Ms", Long.parseLong(r[4]) / 1000.0);
            m.put("p99Ms", Long.parseLong(r[5]) / 1000.0);
            m.put("maxMs", Long.parseLong(r[6]) / 1000.0);
            m.put("nationalBoardsReceived", boards.count.get() - boardsBefore);
            if (Long.parseLong(r[2]) == 0 || boards.count.get() == boardsBefore) {
                throw new IllegalStateException("the consoles or the national board received nothing: " + m);
            }
            log(String.format("  %,6d consoles over %d provinces + 1 national board: p50 %.1f ms, p99 %.1f ms; %d national boards",
                    connected, provinces.size(), (Double) m.get("p50Ms"), (Double) m.get("p99Ms"), m.get("nationalBoardsReceived")));
            return m;
        } finally {
            national.abort();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    /** Counts the boards the national socket sends. */
    private static final class NationalBoards implements WebSocket.Listener {
        final AtomicLong count = new AtomicLong();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            if (last) {
                count.incrementAndGet();
            }
            socket.request(1);
            return null;
        }
    }

    /** Every 50 ms a batch per province, over HTTP as its gates would send: cleared trucks and a queue report per gate. */
    private long drive(List<Province> provinces, int eventsPerSecond, int seconds) throws Exception {
        int allGates = provinces.stream().mapToInt(p -> p.all().size()).sum();
        int perGate = Math.max(2, (int) (eventsPerSecond * BATCH_EVERY_MS / 1000 / allGates));
        long batches = 0;
        long next = System.nanoTime();
        long end = next + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            String now = Instant.now().toString();
            for (Province p : provinces) {
                StringBuilder body = new StringBuilder("{\"events\":[");
                boolean first = true;
                for (GateConfig g : p.all()) {
                    for (int k = 0; k < perGate - 1; k++) {
                        body.append(first ? "" : ",").append("{\"type\":\"VehiclesCleared\",\"id\":\"nl-")
                                .append(nextId.incrementAndGet()).append("\",\"gate\":\"").append(g.id())
                                .append("\",\"direction\":\"IMPORT\",\"vehicles\":1,\"at\":\"").append(now).append("\"}");
                        first = false;
                    }
                    body.append(",{\"type\":\"QueueObserved\",\"id\":\"nl-").append(nextId.incrementAndGet())
                            .append("\",\"gate\":\"").append(g.id()).append("\",\"waiting\":").append(batches % 50)
                            .append(",\"at\":\"").append(now).append("\"}");
                }
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/v1/events?province=" + p.provinceId()))
                        .header("Authorization", "Bearer " + coordinator).header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).build();
                HttpResponse<String> r;
                try {
                    r = http.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (IOException closedWhileIdle) {
                    // A kept-alive connection the node closed while the consoles connected: the client does
                    // not resend a POST by itself. The batch's ids make a resend harmless.
                    r = http.send(request, HttpResponse.BodyHandlers.ofString());
                }
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(p.provinceId() + " refused a batch: " + r.statusCode() + " " + r.body());
                }
            }
            batches++;
            next += TimeUnit.MILLISECONDS.toNanos(BATCH_EVERY_MS);
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
        return batches;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + coordinator).timeout(Duration.ofMinutes(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A clean stop, as a service manager asks: the node writes its checkpoint and exits. */
    private static void stop(Process node) throws InterruptedException {
        node.destroy();
        if (!node.waitFor(60, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new IllegalStateException("the node did not stop within 60 s of SIGTERM");
        }
    }

    private static long peakRssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static void log(String line) {
        System.err.println(line);
    }
}
