package borderwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.auth.Role;
import borderwatch.auth.Tokens;
import borderwatch.service.ApiClient;
import borderwatch.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Two provinces merge: the merged province's file names the other as its predecessor, takes in its
 * history once at start (its gates keep their streams, its plans stay behind), and its reports
 * compare with the predecessors' same period.
 */
class ProvinceMergeTest {

    @TempDir
    Path dir;

    private static String province(String id, String name, String gates, String predecessors) {
        return """
                {"province": {"id": "%s", "nameVi": "%s", "nameEn": "%s", "zone": "Asia/Ho_Chi_Minh"},
                 %s
                 "gates": [%s]}
                """.formatted(id, name, name, predecessors, gates);
    }

    private static String gate(String id, String name) {
        return """
                {"id": "%s", "nameVi": "%s", "nameEn": "%s", "kind": "road", "clearancePerHour": 20, "yardCapacity": 100,
                 "levels": [{"id": "watch", "nameVi": "Theo dõi", "nameEn": "Watch", "raiseAtWaiting": 40, "clearBelowWaiting": 25}]}
                """.formatted(id, name, name);
    }

    private Service start(String gates) {
        return Service.start(CommandLine.populateCommand(new CommonOptions(), "--data", dir.resolve("data").toString(),
                "--port", "0", "--gates", gates, "--host", "127.0.0.1", "--store", "sqlite", "--rate-limit", "1000"),
                TestClock.clock(), null);
    }

    private static String turnover(String id, String gate, String usd, String at) {
        return "{\"events\":[{\"type\":\"TurnoverRecorded\",\"id\":\"" + id + "\",\"gate\":\"" + gate
                + "\",\"direction\":\"EXPORT\",\"usd\":\"" + usd + "\",\"at\":\"" + at + "\"}]}";
    }

    @Test
    void theMergedProvinceTakesInItsPredecessorsHistoryOnceAndComparesWithIt() throws Exception {
        Path north = dir.resolve("north.json");
        Path south = dir.resolve("south.json");
        Path merged = dir.resolve("north-merged.json");
        Files.writeString(north, province("north", "Bắc", gate("n1", "Cửa khẩu Một"), ""));
        Files.writeString(south, province("south", "Nam", gate("s1", "Cửa khẩu Hai"), ""));
        Files.writeString(merged, province("north", "Bắc", gate("n1", "Cửa khẩu Một") + "," + gate("s1", "Cửa khẩu Hai"),
                "\"predecessors\": [{\"province\": \"south\", \"nameVi\": \"Nam\", \"nameEn\": \"Nam\", \"from\": \"2026-07-01\"}],"));
        String token = Tokens.open(dir.resolve("data/tokens.json"), null).create(Role.COORDINATOR, Set.of(), "merge").token();
        int year = TestClock.clock().instant().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        String lastYear = (year - 1) + "-03-01T10:00:00+07:00";
        try (Service both = start(north + "," + south)) {
            ApiClient api = new ApiClient(both.port(), token);
            assertThat(api.post("/api/v1/events", turnover("n-1", "n1", "1000", lastYear)).status()).isEqualTo(200);
            assertThat(api.post("/api/v1/events?province=south", turnover("s-1", "s1", "500", lastYear)).status()).isEqualTo(200);
            assertThat(api.put("/api/v1/plans/" + year + "?province=south", "{\"exportUsd\":9000,\"importUsd\":1000}").status())
                    .isEqualTo(200);
        }
        JsonNode first;
        try (Service after = start(merged.toString())) {
            ApiClient api = new ApiClient(after.port(), token);
            assertThat(api.get("/api/v1/gates").json().findValuesAsText("id")).contains("n1", "s1");
            // The predecessor's gate goes on in the merged province, its history with it.
            assertThat(api.post("/api/v1/events", turnover("s-2", "s1", "700", TestClock.clock().instant().toString())).status())
                    .isEqualTo(200);
            first = api.get("/api/v1/reports/" + year + "?period=ytd").json().path("report");
            JsonNode total = first.path("summary").path("total");
            // The same period last year is both provinces': 1.000 + 500 USD.
            assertThat(total.path("samePeriodLastYearUsd").decimalValue()).isEqualByComparingTo("1500");
            assertThat(total.path("yearToDateUsd").decimalValue()).isEqualByComparingTo("700");
            // The predecessor's plan stays behind: the merged province sets its own.
            assertThat(first.path("summary").path("planSet").asBoolean()).isFalse();
            assertThat(api.get("/api/v1/reports/" + year + "?period=ytd&format=html").text())
                    .contains("Tỉnh Nam hợp nhất vào tỉnh từ ngày 01/07/2026");
        }
        assertThat(dir.resolve("data/merged-south")).exists();
        try (Service again = start(merged.toString())) {
            JsonNode second = new ApiClient(again.port(), token).get("/api/v1/reports/" + year + "?period=ytd").json()
                    .path("report");
            assertThat(second.path("summary").path("total").path("samePeriodLastYearUsd").decimalValue())
                    .as("taken in once").isEqualByComparingTo("1500");
        }
    }

    @Test
    void aNewProvinceMadeOfTheFirstTakesInTheDataDirectorysStoreAndLeavesItToItsOwner() throws Exception {
        Path north = dir.resolve("north.json");
        Path south = dir.resolve("south.json");
        Path merged = dir.resolve("north-south.json");
        Files.writeString(north, province("north", "Bắc", gate("n1", "Cửa khẩu Một"), ""));
        Files.writeString(south, province("south", "Nam", gate("s1", "Cửa khẩu Hai"), ""));
        Files.writeString(merged, province("north-south", "Bắc Nam", gate("n1", "Cửa khẩu Một") + "," + gate("s1", "Cửa khẩu Hai"),
                "\"predecessors\": [{\"province\": \"north\", \"nameVi\": \"Bắc\", \"nameEn\": \"North\", \"from\": \"2026-07-01\"},"
                        + "{\"province\": \"south\", \"nameVi\": \"Nam\", \"nameEn\": \"South\", \"from\": \"2026-07-01\"}],"));
        String token = Tokens.open(dir.resolve("data/tokens.json"), null).create(Role.COORDINATOR, Set.of(), "merge").token();
        int year = TestClock.clock().instant().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        String lastYear = (year - 1) + "-03-01T10:00:00+07:00";
        try (Service both = start(north + "," + south)) {
            ApiClient api = new ApiClient(both.port(), token);
            assertThat(api.post("/api/v1/events", turnover("n-1", "n1", "1000", lastYear)).status()).isEqualTo(200);
            assertThat(api.post("/api/v1/events?province=south", turnover("s-1", "s1", "500", lastYear)).status()).isEqualTo(200);
        }
        assertThat(Files.readString(dir.resolve("data/province-id")).strip()).as("the data directory's store is north's")
                .isEqualTo("north");
        // The merged province is served alone, so first; the data directory's store stays north's.
        try (Service after = start(merged.toString())) {
            JsonNode total = new ApiClient(after.port(), token).get("/api/v1/reports/" + year + "?period=ytd").json()
                    .path("report").path("summary").path("total");
            assertThat(total.path("samePeriodLastYearUsd").decimalValue()).isEqualByComparingTo("1500");
        }
        assertThat(dir.resolve("data/provinces/north-south/merged-north")).exists();
        assertThat(dir.resolve("data/provinces/north-south/merged-south")).exists();
        // South served alone reads its own store, not north's, though it is now the only province given.
        try (Service alone = start(south.toString())) {
            JsonNode total = new ApiClient(alone.port(), token).get("/api/v1/reports/" + year + "?period=ytd").json()
                    .path("report").path("summary").path("total");
            assertThat(total.path("samePeriodLastYearUsd").decimalValue()).isEqualByComparingTo("500");
        }
        try (Service northAgain = start(north.toString())) {
            JsonNode total = new ApiClient(northAgain.port(), token).get("/api/v1/reports/" + year + "?period=ytd").json()
                    .path("report").path("summary").path("total");
            assertThat(total.path("samePeriodLastYearUsd").decimalValue()).as("north's store as it was")
                    .isEqualByComparingTo("1000");
        }
    }
}
