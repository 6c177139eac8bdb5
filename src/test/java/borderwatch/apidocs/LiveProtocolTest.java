package borderwatch.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.board.LiveProtocol;
import borderwatch.forecast.ForecastFeature;
import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import borderwatch.history.HistoryFeedRoute;
import borderwatch.http.Json;
import borderwatch.province.Direction;
import borderwatch.service.FeedInbox;
import borderwatch.service.TestServer;
import borderwatch.sim.DemoFeature;
import borderwatch.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WebSocket messages are records, one per message of the AsyncAPI document: each record's fields
 * are the fields its schema names, and the messages a running node sends validate against it.
 */
class LiveProtocolTest {

    private static final String IRI = "https://borderwatch.invalid/api/asyncapi.yaml";
    /** Each message of the document and the record the server writes (or, for controls, reads) it as. */
    private static final Map<String, Class<?>> RECORDS = new LinkedHashMap<>();

    static {
        RECORDS.put("snapshot", LiveProtocol.Snapshot.class);
        RECORDS.put("gate", LiveProtocol.GateMessage.class);
        RECORDS.put("plan", LiveProtocol.PlanMessage.class);
        RECORDS.put("feed", LiveProtocol.FeedMessage.class);
        RECORDS.put("heartbeat", LiveProtocol.Heartbeat.class);
        RECORDS.put("forecast", ForecastFeature.ForecastMessage.class);
        RECORDS.put("demo", DemoFeature.DemoMessage.class);
        RECORDS.put("history", HistoryFeedRoute.HistoryStatus.class);
        RECORDS.put("refused", HistoryFeedRoute.Refused.class);
        RECORDS.put("pause", HistoryFeedRoute.PlaybackControl.class);
        RECORDS.put("resume", HistoryFeedRoute.PlaybackControl.class);
        RECORDS.put("speed", HistoryFeedRoute.PlaybackControl.class);
        RECORDS.put("national", borderwatch.service.NationalMessage.class);
    }

    /** What other features add to a snapshot (its any-getter parts), by the keys they include it under. */
    private static final Set<String> SNAPSHOT_PARTS = Set.of("forecast", "demoScenarios");

    @TempDir
    Path data;

    private static String text() throws Exception {
        try (InputStream in = LiveProtocolTest.class.getClassLoader().getResourceAsStream(ApiDocsRoutes.ASYNCAPI)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode document() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(text());
    }

    /** The payload schema's fields, through $refs and allOf, and which of them are required. */
    private static void fields(JsonNode root, JsonNode schema, Set<String> all, Set<String> required) {
        if (schema.has("$ref")) {
            fields(root, root.at(schema.get("$ref").asText().substring(1)), all, required);
            return;
        }
        schema.path("properties").fieldNames().forEachRemaining(all::add);
        schema.path("required").forEach(r -> required.add(r.asText()));
        schema.path("allOf").forEach(part -> fields(root, part, all, required));
    }

    private static Set<String> recordFields(Class<?> type) {
        var mapper = Json.mapper();
        var description = mapper.getSerializationConfig().introspect(mapper.constructType(type));
        Set<String> names = new TreeSet<>();
        for (BeanPropertyDefinition p : description.findProperties()) {
            if (description.findAnyGetter() == null || !p.getName().equals(description.findAnyGetter().getName())) {
                names.add(p.getName());
            }
        }
        return names;
    }

    @Test
    void everyMessageOfTheDocumentIsARecordWithExactlyItsFields() throws Exception {
        JsonNode root = document();
        Set<String> messages = new TreeSet<>();
        root.path("components").path("messages").fieldNames().forEachRemaining(messages::add);
        messages.remove("batch");
        assertThat(RECORDS.keySet()).as("messages with a record").containsExactlyInAnyOrderElementsOf(messages);
        for (var entry : RECORDS.entrySet()) {
            JsonNode payload = root.path("components").path("messages").path(entry.getKey()).path("payload");
            Set<String> documented = new TreeSet<>();
            Set<String> required = new TreeSet<>();
            fields(root, payload, documented, required);
            Set<String> recorded = recordFields(entry.getValue());
            if (entry.getKey().equals("snapshot")) {
                recorded.addAll(SNAPSHOT_PARTS);
            }
            if (entry.getValue() == HistoryFeedRoute.PlaybackControl.class) {
                // One record reads the three controls: each control's fields are some of its own.
                assertThat(recorded).as(entry.getKey() + ": the control's fields are read").containsAll(documented);
                continue;
            }
            assertThat(recorded).as(entry.getKey() + ": the record's fields against the document's")
                    .isEqualTo(documented);
            assertThat(recorded).as(entry.getKey() + ": required fields").containsAll(required);
        }
    }

    @Test
    void theControlsTogetherAreExactlyTheControlRecord() throws Exception {
        JsonNode root = document();
        Set<String> documented = new TreeSet<>();
        for (String control : List.of("pause", "resume", "speed")) {
            fields(root, root.path("components").path("messages").path(control).path("payload"), documented, new TreeSet<>());
        }
        assertThat(recordFields(HistoryFeedRoute.PlaybackControl.class)).isEqualTo(documented);
    }

    @Test
    void theMessagesANodeSendsValidateAgainstTheDocument() throws Exception {
        String text = text();
        var factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(IRI, text))));
        var config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (TestServer server = TestServer.withDemoScenarios(data, TestClock.clock())) {
            WebSocketClient ws = server.vertx.createWebSocketClient(new WebSocketClientOptions()
                    .setMaxMessageSize(1 << 22).setMaxFrameSize(1 << 20));
            BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
            FeedInbox.connect(ws, server.port(), "/ws/live", inbox);
            List<JsonNode> seen = new java.util.ArrayList<>();
            seen.add(FeedInbox.next(inbox, "snapshot", 10));
            server.core.commands().sendAndWait(new RecordGateEvents(List.<GateReport>of(
                    new GateReport.VehiclesCleared("lp-1", "huu-nghi", Direction.EXPORT, 12, TestClock.now()),
                    new GateReport.QueueObserved("lp-2", "huu-nghi", 140, null, TestClock.now()))));
            seen.add(FeedInbox.next(inbox, "gate", 10));
            seen.add(FeedInbox.next(inbox, "plan", 10));
            seen.add(FeedInbox.next(inbox, "feed", 10));
            seen.add(FeedInbox.next(inbox, "forecast", 15));
            seen.add(FeedInbox.next(inbox, "heartbeat", 15));
            for (JsonNode message : seen) {
                String type = message.get("type").asText();
                String schema = document().path("components").path("messages").path(type).path("payload")
                        .path("$ref").asText();
                var errors = factory.getSchema(SchemaLocation.of(IRI + schema), config).validate(message);
                assertThat(errors).as(type + " against " + schema).isEmpty();
            }
        }
    }
}
