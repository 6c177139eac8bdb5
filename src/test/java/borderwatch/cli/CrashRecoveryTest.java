package borderwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.congestion.Congestion;
import borderwatch.core.Core;
import borderwatch.province.GateConfig;
import borderwatch.province.Province;
import borderwatch.readmodel.ReadModel;
import borderwatch.service.ReadModels;
import borderwatch.traffic.Totals;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real service in a child JVM, ingests over HTTP from two senders while recording every
 * acknowledged event id, kills the service with SIGKILL at random moments and starts it again, then
 * checks what the store holds: every acknowledged event exactly once, and read models equal to a
 * fresh replay. {@code -Dborderwatch.crash.kills=N} runs more rounds than CI's 20.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class CrashRecoveryTest {

    private static final int KILLS = Integer.getInteger("borderwatch.crash.kills", 20);
    private static final int BATCH = 50;

    @TempDir
    Path dir;

    private static String batch(long first, Instant base) {
        List<String> events = new ArrayList<>();
        for (long n = first; n < first + BATCH; n++) {
            String gate = Province.defaults().all().get((int) (n % 5)).id();
            String common = "\"id\":\"crash-" + n + "\",\"gate\":\"" + gate + "\",\"at\":\"" + base.plusSeconds(n) + "\"";
            events.add(switch ((int) (n % 3)) {
                case 0 -> "{" + common + ",\"type\":\"VehiclesCleared\",\"direction\":\"EXPORT\",\"vehicles\":" + (1 + n % 7) + "}";
                case 1 -> "{" + common + ",\"type\":\"TurnoverRecorded\",\"direction\":\"IMPORT\",\"usd\":\"" + (100 + n) + ".25\"}";
                default -> "{" + common + ",\"type\":\"QueueObserved\",\"waiting\":" + (n % 90) + "}";
            });
        }
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    @Test
    void acknowledgedEventsSurviveSigkillOfTheServiceAndReadModelsMatchAFreshReplay() throws Exception {
        Random random = new Random(20250514);
        Path data = dir.resolve("node");
        int port = ServiceProcess.freePort();
        Instant base = Instant.now().minus(Duration.ofHours(14)).truncatedTo(ChronoUnit.SECONDS);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicLong next = new AtomicLong();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int inFlightAtKills = 0;

        for (int round = 0; round < KILLS; round++) {
            ServiceProcess service = ServiceProcess.start(data, port, 0);
            int killAfter = 3 + random.nextInt(30);
            AtomicInteger acks = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            ExecutorService senders = Executors.newFixedThreadPool(2);
            for (int s = 0; s < 2; s++) {
                senders.submit(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        long first = next.getAndAdd(BATCH);
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                                    .header("content-type", "application/json")
                                    .header("Authorization", "Bearer " + ServiceProcess.TOKEN)
                                    .timeout(Duration.ofSeconds(30))
                                    .POST(HttpRequest.BodyPublishers.ofString(batch(first, base))).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200) {
                                for (long n = first; n < first + BATCH; n++) {
                                    acknowledged.add("crash-" + n);
                                }
                                acks.incrementAndGet();
                            } else {
                                throw new AssertionError("a good batch was refused: " + r.statusCode() + " " + r.body());
                            }
                        } catch (IOException killed) {
                            failed.incrementAndGet();
                            return null;
                        }
                    }
                    return null;
                });
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (acks.get() < killAfter) {
                assertThat(System.currentTimeMillis()).as("round %d acknowledged %d batches", round, acks.get())
                        .isLessThan(deadline);
                Thread.sleep(2);
            }
            service.kill();
            senders.shutdownNow();
            assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            inFlightAtKills += failed.get();
        }
        assertThat(inFlightAtKills).as("some kills caught batches in flight").isPositive();

        try (Core core = Core.open(data, Province.defaults(), ReadModels.ALL)) {
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILLS * 3 * BATCH);
            Set<String> present = core.storage().existingIds(acknowledged);
            assertThat(acknowledged.stream().filter(id -> !present.contains(id)).toList())
                    .as("acknowledged but missing").isEmpty();
            Set<String> seen = new HashSet<>();
            core.storage().scan(0, core.storage().headPosition(),
                    e -> assertThat(seen.add(((borderwatch.store.IdentifiedEvent) e.payload()).eventId()))
                            .as("stored once").isTrue());

            assertThat(core.awaitProjected(core.storage().headPosition(), 30_000)).isTrue();
            ReadModel fresh = new ReadModel(Province.defaults(), ReadModels.ALL);
            core.storage().scan(0, core.storage().headPosition(), e -> fresh.apply(e.position(), e.payload()));
            assertThat(fresh.appliedCount()).isEqualTo(core.storage().headPosition());

            List<String> gates = Province.defaults().all().stream().map(GateConfig::id).toList();
            LocalDate from = LocalDate.now().minusDays(2);
            LocalDate to = LocalDate.now().plusDays(1);
            var live = core.live().query(m -> Totals.of(m, gates, from, to, Totals.By.DAY));
            assertThat(live).isEqualTo(Totals.of(fresh, gates, from, to, Totals.By.DAY));
            for (String gate : gates) {
                borderwatch.congestion.QueueState liveQueue = core.live().query(m -> Congestion.of(m).queue(gate));
                assertThat(liveQueue).isEqualTo(Congestion.of(fresh).queue(gate));
            }
        }
    }
}
