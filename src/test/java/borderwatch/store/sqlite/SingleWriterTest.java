package borderwatch.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.StoredEventTypes;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.province.Direction;
import borderwatch.store.EventCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events and processor tokens share one file and must share its one writer. */
class SingleWriterTest {

    @TempDir
    Path dir;

    @Test
    void tokenWritesAndEventAppendsInterleaveWithoutBlocking() {
        SqliteFile file = SqliteFile.open(dir.resolve("events.db"));
        var engine = new SqliteEventStorageEngine(file, new EventCodec(StoredEventTypes.registry()));
        var tokens = new SqliteTokenStore(file, JacksonSerializer.defaultSerializer(), "node-a");
        tokens.initializeTokenSegments("p", 1);
        try {
            Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                CompletableFuture<Void> appends = CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        engine.appendEvents(new GenericDomainEventMessage<>("Gate", "chi-ma", i,
                                new VehiclesCleared("e" + i, "chi-ma", Direction.IMPORT, 1, Instant.EPOCH)));
                    }
                });
                CompletableFuture<Void> tokenWrites = CompletableFuture.runAsync(() -> {
                    for (int i = 1; i <= 2_000; i++) {
                        tokens.fetchToken("p", 0);
                        tokens.storeToken(new GlobalSequenceTrackingToken(i), "p", 0);
                    }
                });
                CompletableFuture.allOf(appends, tokenWrites).join();
            });
            assertThat(engine.headPosition()).isEqualTo(2_000);
            assertThat(tokens.peekToken("p", 0)).contains(new GlobalSequenceTrackingToken(2_000));
        } finally {
            engine.close();
        }
    }
}
