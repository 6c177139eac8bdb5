package borderwatch.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A separate process of live-feed clients for {@code bench}, so the server's heap is measured alone.
 * Latency is receive time minus the {@code queueObservedAt} of the updated gate, which the bench
 * stamps with the wall clock when it sends the report: one machine, one clock.
 *
 * <p>Arguments: host, port, clients and, optionally, the feeds to spread them over (comma-separated;
 * default {@code /ws/live}). Protocol on stdin/stdout: prints {@code CONNECTED n}; reads {@code START}, {@code STOP}; then
 * prints {@code RESULT clients samples messages p50Micros p99Micros maxMicros}.
 */
public final class LiveLoadClients {

    /** The viewer token, passed in the environment rather than on the command line. */
    static final String TOKEN_ENV = "BORDERWATCH_BENCH_TOKEN";

    private LiveLoadClients() {
    }

    /** Event loops the clients are spread over. */
    static final int LOOPS = 2;

    /** Tries per console before it counts as refused. */
    static final int CONNECT_ATTEMPTS = 5;

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        // Optionally the feeds to spread the consoles over, comma-separated (default the live board).
        String[] feeds = args.length > 3 ? args[3].split(",") : new String[] {"/ws/live"};
        checkStampReading();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(LOOPS));
        // Sockets opened from the main thread would all land on one event loop: each loop gets
        // its share, so the clients' side is not one saturated thread queueing what it measures.
        List<Context> loops = new ArrayList<>();
        for (int i = 0; i < LOOPS; i++) {
            vertx.deployVerticle(new VerticleBase() {
                @Override
                public Future<?> start() {
                    synchronized (loops) {
                        loops.add(context);
                    }
                    return Future.succeededFuture();
                }
            }).await();
        }
        WebSocketClient ws = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(clients + 16).setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 23)
                .setConnectTimeout(60_000));
        AtomicBoolean recording = new AtomicBoolean();
        AtomicLong messages = new AtomicLong();
        List<Recorder> recorders = new ArrayList<>();
        int connected = 0;
        String lastRefusal = null;
        for (int from = 0; from < clients; from += 250) {
            int waveSize = Math.min(clients, from + 250) - from;
            // A console refused (429: too many feeds opened at once) tries again after a pause, as
            // the real one does; what is still refused after that is reported, not hidden.
            for (int attempt = 0; attempt < CONNECT_ATTEMPTS && waveSize > 0; attempt++) {
                if (attempt > 0) {
                    Thread.sleep(1_000);
                }
                List<Future<?>> wave = new ArrayList<>();
                for (int i = 0; i < waveSize; i++) {
                    String feed = feeds[(connected + i) % feeds.length];
                    Recorder recorder = new Recorder();
                    Promise<Void> opened = Promise.promise();
                    loops.get((connected + i) % loops.size()).runOnContext(v -> {
                        ClientWebSocket socket = ws.webSocket();
                        // Raw frames read as Latin-1 (one char per byte, no UTF-8 decoding), so the
                        // markers are found by the JDK's intrinsic String search: the clients share
                        // the machine with the server and must not become what is being measured.
                        socket.frameHandler(frame -> {
                            if (recording.get() && (frame.isText() || frame.isContinuation())) {
                                String text = frame.binaryData().toString(StandardCharsets.ISO_8859_1);
                                for (int at = text.indexOf(GATE); at >= 0; at = text.indexOf(GATE, at + 1)) {
                                    messages.incrementAndGet();
                                    recorder.add(latencyMicros(text, at));
                                }
                            }
                        });
                        socket.connect(new WebSocketConnectOptions().setHost(host).setPort(port)
                                .setURI(feed).addHeader("Authorization", "Bearer " + System.getenv(TOKEN_ENV)))
                                .onSuccess(open -> {
                                    synchronized (recorders) {
                                        recorders.add(recorder);
                                    }
                                })
                                .<Void>mapEmpty().onComplete(opened);
                    });
                    wave.add(opened.future());
                }
                int refused = 0;
                for (Future<?> f : wave) {
                    try {
                        f.await();
                        connected++;
                    } catch (Exception e) {
                        refused++;
                        lastRefusal = String.valueOf(e.getMessage());
                    }
                }
                waveSize = refused;
            }
        }
        System.out.println("CONNECTED " + connected + (connected < clients ? " " + lastRefusal : ""));
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("START")) {
                recording.set(true);
            } else if (line.equals("STOP")) {
                recording.set(false);
                long[] all;
                synchronized (recorders) {
                    all = Recorder.merge(recorders);
                }
                Arrays.sort(all);
                System.out.println("RESULT " + connected + " " + all.length + " " + messages.get() + " "
                        + percentile(all, 0.50) + " " + percentile(all, 0.99) + " "
                        + (all.length == 0 ? -1 : all[all.length - 1]));
                System.out.flush();
                break;
            }
        }
        vertx.close().await();
        System.exit(0);
    }

    /** Latencies seen by one client; written on its event loop, read once at the end. */
    private static final class Recorder {
        private long[] samples = new long[64];
        private int count;

        synchronized void add(long micros) {
            if (micros < 0) {
                return;
            }
            if (count == samples.length) {
                samples = Arrays.copyOf(samples, count * 2);
            }
            samples[count++] = micros;
        }

        synchronized long[] snapshot() {
            return Arrays.copyOf(samples, count);
        }

        static long[] merge(List<Recorder> recorders) {
            return recorders.stream().map(Recorder::snapshot).flatMapToLong(Arrays::stream).toArray();
        }
    }

    private static final String GATE = "{\"type\":\"gate\"";
    private static final String OBSERVED = "\"queueObservedAt\":\"";

    /** Receive time minus the stamp after the gate message at {@code from}; -1 without a stamp. */
    static long latencyMicros(String frame, int from) {
        int i = frame.indexOf(OBSERVED, from);
        if (i < 0 || frame.indexOf('"', i + OBSERVED.length()) < 0) {
            return -1;
        }
        long sent = epochMicros(frame, i + OBSERVED.length());
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000 - sent;
    }

    /**
     * An ISO instant as the server writes it ({@code 2026-12-07T12:45:00.123456Z}, the fraction
     * optional) in microseconds since the epoch: read by hand, as {@code Instant.parse} took a
     * fifth of the clients' time.
     */
    static long epochMicros(String s, int at) {
        long day = java.time.LocalDate.of(digits(s, at, 4), digits(s, at + 5, 2), digits(s, at + 8, 2)).toEpochDay();
        long seconds = day * 86_400 + digits(s, at + 11, 2) * 3_600L + digits(s, at + 14, 2) * 60L + digits(s, at + 17, 2);
        long micros = 0;
        int i = at + 19;
        if (s.charAt(i) == '.') {
            int places = 0;
            for (i++; Character.isDigit(s.charAt(i)); i++, places++) {
                if (places < 6) {
                    micros = micros * 10 + (s.charAt(i) - '0');
                }
            }
            for (; places < 6; places++) {
                micros *= 10;
            }
        }
        return seconds * 1_000_000L + micros;
    }

    /** The hand-read stamps must agree with the JDK's reading, or no figure is printed. */
    static void checkStampReading() {
        for (String stamp : List.of("2026-12-07T12:45:00Z", "2026-12-07T12:45:00.1Z", "2024-02-29T23:59:59.123456789Z",
                "1999-12-31T00:00:07.000042Z")) {
            Instant parsed = Instant.parse(stamp);
            long expected = parsed.getEpochSecond() * 1_000_000L + parsed.getNano() / 1_000;
            if (epochMicros("\"" + stamp + "\"", 1) != expected) {
                throw new IllegalStateException("stamp " + stamp + " read as " + epochMicros("\"" + stamp + "\"", 1));
            }
        }
    }

    private static int digits(String s, int at, int count) {
        int n = 0;
        for (int i = at; i < at + count; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
