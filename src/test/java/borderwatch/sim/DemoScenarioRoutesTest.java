package borderwatch.sim;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.service.ApiClient;
import borderwatch.service.TestServer;
import borderwatch.testing.TestClock;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's congestion controls: only on a demo node, coordinators only, checked, and never stored. */
class DemoScenarioRoutesTest {

    @TempDir
    Path data;

    @Test
    void aCoordinatorStartsAndEndsASurgeThatNothingStores() throws Exception {
        try (TestServer server = TestServer.withDemoScenarios(data, TestClock.clock())) {
            ApiClient api = new ApiClient(server.port());
            ApiClient.Reply started = api.post("/api/v1/demo/scenarios",
                    "{\"gate\":\"tan-thanh\",\"kind\":\"surge\",\"percent\":150,\"hours\":3}");
            assertThat(started.status()).isEqualTo(200);
            assertThat(started.json().get("percent").asInt()).isEqualTo(150);
            assertThat(api.get("/api/v1/demo/scenarios").json().get("scenarios").get(0).get("gate").asText()).isEqualTo("tan-thanh");
            assertThat(server.demoScenarios.active(TestClock.now())).hasSize(1);
            assertThat(server.core.storage().headPosition()).as("nothing is stored").isZero();
            assertThat(api.delete("/api/v1/demo/scenarios/tan-thanh").json().get("ended").asBoolean()).isTrue();
            assertThat(api.get("/api/v1/demo/scenarios").json().get("scenarios")).isEmpty();
        }
    }

    @Test
    void badRequestsNameTheField() throws Exception {
        try (TestServer server = TestServer.withDemoScenarios(data, TestClock.clock())) {
            ApiClient api = new ApiClient(server.port());
            assertThat(field(api, "{\"gate\":\"atlantis\",\"kind\":\"surge\",\"percent\":50,\"hours\":3}")).isEqualTo("gate");
            assertThat(field(api, "{\"gate\":\"chi-ma\",\"kind\":\"flood\",\"hours\":3}")).isEqualTo("kind");
            assertThat(field(api, "{\"gate\":\"chi-ma\",\"kind\":\"closure\",\"hours\":25}")).isEqualTo("hours");
            assertThat(field(api, "{\"gate\":\"chi-ma\",\"kind\":\"closure\",\"hours\":1.5}")).isEqualTo("hours");
            assertThat(field(api, "{\"gate\":\"chi-ma\",\"kind\":\"surge\",\"percent\":99999999999,\"hours\":2}")).isEqualTo("percent");
            assertThat(field(api, "{\"gate\":\"<b>x</b>\",\"kind\":\"surge\",\"percent\":50,\"hours\":2}")).isEqualTo("gate");
            ApiClient.Reply all = api.post("/api/v1/demo/scenarios",
                    "{\"gate\":\"atlantis\",\"kind\":\"flood\",\"hours\":0,\"speed\":\"fast\"}");
            assertThat(all.status()).isEqualTo(400);
            assertThat(all.json().get("errors")).as("every problem of the body at once, an unknown field among them")
                    .extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder("speed", "gate", "kind", "hours");
            assertThat(server.demoScenarios.active(TestClock.now())).isEmpty();
        }
    }

    @Test
    void notServedOutsideTheDemo() throws Exception {
        try (TestServer server = new TestServer(data, TestClock.clock())) {
            assertThat(new ApiClient(server.port()).post("/api/v1/demo/scenarios",
                    "{\"gate\":\"tan-thanh\",\"kind\":\"closure\",\"hours\":3}").status()).isEqualTo(404);
        }
    }

    private static String field(ApiClient api, String body) throws Exception {
        ApiClient.Reply r = api.post("/api/v1/demo/scenarios", body);
        assertThat(r.status()).isEqualTo(400);
        return r.json().get("errors").get(0).get("field").asText();
    }
}
