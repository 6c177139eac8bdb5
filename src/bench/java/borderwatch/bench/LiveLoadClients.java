package borderwatch.bench;

import io.vertx.core.Future;
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

    /** Tries per console before it counts as refused. */
    static final int CONNECT_ATTEMPTS = 5;

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        // Optionally the feeds to spread the consoles over, comma-separated (default the live board).
        String[] feeds = args.length > 3 ? args[3].split(",") : new String[] {"/ws/live"};
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
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
                    ClientWebSocket socket = ws.webSocket();
                    // Raw frames, scanned as bytes: decoding every frame to a String would make the
                    // clients, which share the machine with the server, the bottleneck being measured.
                    socket.frameHandler(frame -> {
                        if (recording.get() && (frame.isText() || frame.isContinuation())) {
                            byte[] bytes = frame.binaryData().getBytes();
                            for (int at = indexOf(bytes, GATE, 0); at >= 0; at = indexOf(bytes, GATE, at + 1)) {
                                messages.incrementAndGet();
                                recorder.add(latencyMicros(bytes, at));
                            }
                        }
                    });
                    wave.add(socket.connect(new WebSocketConnectOptions().setHost(host).setPort(port)
                            .setURI(feed).addHeader("Authorization", "Bearer " + System.getenv(TOKEN_ENV)))
                            .onSuccess(open -> {
                                synchronized (recorders) {
                                    recorders.add(recorder);
                                }
                            }));
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

    private static final byte[] GATE = "{\"type\":\"gate\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OBSERVED = "\"queueObservedAt\":\"".getBytes(StandardCharsets.US_ASCII);

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static long latencyMicros(byte[] message, int from) {
        int i = indexOf(message, OBSERVED, from);
        if (i < 0) {
            return -1;
        }
        int start = i + OBSERVED.length;
        int end = start;
        while (end < message.length && message[end] != '"') {
            end++;
        }
        Instant sent = Instant.parse(new String(message, start, end - start, StandardCharsets.US_ASCII));
        Instant now = Instant.now();
        return (now.getEpochSecond() - sent.getEpochSecond()) * 1_000_000L + (now.getNano() - sent.getNano()) / 1_000;
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
