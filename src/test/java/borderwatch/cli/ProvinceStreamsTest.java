package borderwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.auth.Role;
import borderwatch.auth.Tokens;
import borderwatch.core.Core;
import borderwatch.province.Province;
import borderwatch.service.ApiClient;
import borderwatch.service.ReadModels;
import borderwatch.store.StoreLocation;
import borderwatch.store.kurrent.KurrentProtocolDoubles;
import borderwatch.store.kurrent.ProvinceStreams;
import borderwatch.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Nodes serving overlapping province sets on one KurrentDB cluster (the protocol double standing in):
 * each province has its own streams, the cluster says which one keeps BorderWatch's own prefix, and
 * every node agrees whatever its provinces and their order.
 */
class ProvinceStreamsTest {

    @TempDir
    Path dir;
    private AutoCloseable cluster;
    private String connection;

    @BeforeEach
    void startCluster() throws Exception {
        cluster = KurrentProtocolDoubles.start();
        connection = KurrentProtocolDoubles.connectionString(cluster);
    }

    @AfterEach
    void stopCluster() throws Exception {
        cluster.close();
    }

    private Service node(String name, String gates) {
        return Service.start(CommandLine.populateCommand(new CommonOptions(), "--data", dir.resolve(name).toString(),
                "--port", "0", "--gates", gates, "--host", "127.0.0.1", "--store", connection, "--rate-limit", "1000",
                "--tokens", dir.resolve("tokens.json").toString()), TestClock.clock(), null);
    }

    private static String queue(String id, String gate, int waiting) {
        return "{\"events\":[{\"id\":\"" + id + "\",\"type\":\"QueueObserved\",\"gate\":\"" + gate + "\",\"at\":\""
                + TestClock.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"waiting\":" + waiting + "}]}";
    }

    private static int waiting(ApiClient api, String path, String gate) throws Exception {
        for (JsonNode g : api.get(path).json().path("gates")) {
            if (g.path("gate").asText().equals(gate)) {
                return g.path("waiting").asInt();
            }
        }
        return -1;
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("condition not met within 10 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static boolean quietly(java.util.concurrent.Callable<Boolean> check) {
        try {
            return check.call();
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void nodesOfOverlappingProvincesShareEachProvincesStreamsAndNoOther() throws Exception {
        String token = Tokens.open(dir.resolve("tokens.json"), null).create(Role.COORDINATOR, Set.of(), "national").token();
        try (Service both = node("both", "lang-son,lai-chau");
             Service laiChau = node("lai-chau", "lai-chau");
             Service reversed = node("reversed", "lai-chau,lang-son")) {
            // The first node to start named Lạng Sơn the keeper of BorderWatch's own streams; all agree.
            assertThat(ProvinceStreams.prefixOf(connection, List.of("lai-chau"), "lai-chau")).isEqualTo("bwlaichau-");
            assertThat(ProvinceStreams.prefixOf(connection, List.of("lai-chau", "lang-son"), "lang-son")).isEqualTo("bw-");
            ApiClient a = new ApiClient(both.port(), token);
            ApiClient b = new ApiClient(laiChau.port(), token);
            ApiClient c = new ApiClient(reversed.port(), token);
            assertThat(a.post("/api/v1/events?province=lai-chau", queue("q1", "ma-lu-thang", 70)).status()).isEqualTo(200);
            assertThat(c.post("/api/v1/events?province=lang-son", queue("q2", "tan-thanh", 120)).status()).isEqualTo(200);
            // Lai Châu's report reaches every node serving Lai Châu; Lạng Sơn's every node serving Lạng Sơn.
            eventually(() -> quietly(() -> waiting(b, "/api/v1/board", "ma-lu-thang") == 70));
            eventually(() -> quietly(() -> waiting(c, "/api/v1/board", "ma-lu-thang") == 70));
            eventually(() -> quietly(() -> waiting(a, "/api/v1/board", "tan-thanh") == 120));
            // And no other province's board: the Lai Châu node serves no Lạng Sơn gate.
            assertThat(b.get("/api/v1/board?province=lang-son").status()).isEqualTo(400);
            assertThat(waiting(a, "/api/v1/board?province=lai-chau", "tan-thanh")).isEqualTo(-1);
        }
        // A node of Lạng Sơn alone, as before provinces, reads the same streams: nothing moved.
        try (Core alone = Core.open(new StoreLocation.Kurrent(connection), Province.defaults(), ReadModels.ALL)) {
            eventually(() -> alone.live().query(m -> borderwatch.board.Board.of(m, TestClock.now()).gates().stream()
                    .anyMatch(t -> t.gate().equals("tan-thanh") && t.waiting() == 120)));
        }
    }
}
