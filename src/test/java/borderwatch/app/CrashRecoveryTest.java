package borderwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.gate.GateConfig;
import borderwatch.gate.Gates;
import borderwatch.projection.ReadModel;
import borderwatch.projection.Totals;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real ingesting process with SIGKILL at random moments and checks what the next start
 * finds: every acknowledged event exactly once, and read models equal to a fresh replay.
 */
@org.junit.jupiter.api.Timeout(value = 180, unit = TimeUnit.SECONDS)
class CrashRecoveryTest {

    private static final int KILLS = 5;

    @TempDir
    Path data;

    @Test
    void acknowledgedEventsSurviveSigkillAndReadModelsMatchAFreshReplay() throws Exception {
        Random random = new Random(20250514);
        List<long[]> acknowledged = new ArrayList<>();
        long acknowledgedUpTo = -1;
        long nextBatch = 0;
        for (int round = 0; round < KILLS; round++) {
            Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    IngestUntilKilled.class.getName(), data.toString(), Long.toString(nextBatch))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            int acksBeforeKill = 5 + random.nextInt(40);
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                int acks = 0;
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        String[] range = line.split(" ");
                        acknowledged.add(new long[] {Long.parseLong(range[1]), Long.parseLong(range[2])});
                        acknowledgedUpTo = Long.parseLong(range[2]);
                        if (++acks == acksBeforeKill) {
                            child.destroyForcibly(); // SIGKILL: no shutdown hook, no checkpoint
                            break;
                        }
                    }
                }
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child ended").isTrue();
            assertThat(acknowledgedUpTo).as("round %d acknowledged something", round).isGreaterThan(-1);
            // Batches after the last acknowledged one may or may not have landed; the next round
            // starts after whatever did, so ids stay unique.
            nextBatch = (acknowledgedUpTo + 1) / 50 + 2;
        }

        try (Core core = Core.open(data, Gates.defaults())) {
            // Batches in flight at a kill may or may not have landed; acknowledged ones must have.
            List<String> acked = new ArrayList<>();
            for (long[] range : acknowledged) {
                LongStream.rangeClosed(range[0], range[1]).mapToObj(n -> "crash-" + n).forEach(acked::add);
            }
            var present = core.storage().existingIds(acked);
            assertThat(acked).hasSizeGreaterThan(KILLS * 5 * 50);
            assertThat(acked.stream().filter(id -> !present.contains(id)).toList())
                    .as("acknowledged but missing").isEmpty();
            java.util.Set<String> seen = new java.util.HashSet<>();
            core.storage().scan(0, core.storage().headPosition(),
                    e -> assertThat(seen.add(((borderwatch.gate.GateEvent) e.payload()).eventId()))
                            .as("stored once").isTrue());

            assertThat(core.awaitProjected(core.storage().headPosition(), 30_000)).isTrue();
            ReadModel fresh = new ReadModel(Gates.defaults());
            core.storage().scan(0, core.storage().headPosition(), e -> fresh.apply(e.position(), e.payload()));
            assertThat(fresh.appliedCount()).isEqualTo(core.storage().headPosition());

            List<String> gates = Gates.defaults().all().stream().map(GateConfig::id).toList();
            LocalDate from = LocalDate.of(2025, 5, 1);
            LocalDate to = LocalDate.of(2025, 6, 30);
            var live = core.live().query(m -> Totals.of(m, gates, from, to, Totals.By.DAY));
            assertThat(live).isEqualTo(Totals.of(fresh, gates, from, to, Totals.By.DAY));
            for (String gate : gates) {
                borderwatch.projection.QueueState liveQueue = core.live().query(m -> m.queue(gate));
                assertThat(liveQueue).isEqualTo(fresh.queue(gate));
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
