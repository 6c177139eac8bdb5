package borderwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.auth.Role;
import borderwatch.auth.Tokens;
import borderwatch.province.Province;
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
 * Another province is another file, with no code change: the Lai Châu file that ships in the jar,
 * chosen by its id, and a file written here from nothing (Cao Bằng: other gates, other goods groups,
 * two levels instead of three) both serve the board, events, the plan, the forecast and the report.
 */
class ProvinceFilesServeTest {

    @TempDir
    Path data;

    private static final String CAO_BANG = """
            {
              "province": {"id": "cao-bang", "nameVi": "Cao Bằng", "nameEn": "Cao Bang", "zone": "Asia/Ho_Chi_Minh"},
              "goods": [
                {"id": "nong-san", "nameVi": "Nông sản", "nameEn": "Farm produce"},
                {"id": "khoang-san", "nameVi": "Khoáng sản", "nameEn": "Minerals"}
              ],
              "report": {"issuerParentVi": "UBND TỈNH CAO BẰNG", "issuerVi": "SỞ CÔNG THƯƠNG", "placeVi": "Cao Bằng"},
              "reportRules": {"checkQueueReports": {"minDaysWithout": 3}},
              "gates": [
                {"id": "ta-lung", "nameVi": "Tà Lùng", "nameEn": "Ta Lung", "kind": "road", "clearancePerHour": 20,
                 "yardCapacity": 150, "exportGoods": ["nong-san", "khoang-san"],
                 "levels": [
                   {"id": "chu-y", "nameVi": "Chú ý", "nameEn": "Take care", "raiseAtWaiting": 40, "clearBelowWaiting": 25},
                   {"id": "un-tac", "nameVi": "Ùn tắc", "nameEn": "Jammed", "raiseAtWaiting": 80, "clearBelowWaiting": 50}
                 ]},
                {"id": "tra-linh", "nameVi": "Trà Lĩnh", "nameEn": "Tra Linh", "kind": "road", "clearancePerHour": 10,
                 "yardCapacity": 60, "exportGoods": ["nong-san"],
                 "levels": [
                   {"id": "chu-y", "nameVi": "Chú ý", "nameEn": "Take care", "raiseAtWaiting": 20, "clearBelowWaiting": 12},
                   {"id": "un-tac", "nameVi": "Ùn tắc", "nameEn": "Jammed", "raiseAtWaiting": 40, "clearBelowWaiting": 25}
                 ]}
              ]
            }
            """;

    private CommonOptions options(String gates) {
        CommonOptions o = CommandLine.populateCommand(new CommonOptions(), "--data", data.toString(), "--port", "0",
                "--gates", gates, "--host", "127.0.0.1", "--store", "sqlite", "--rate-limit", "1000");
        return o;
    }

    @Test
    void theLaiChauFileShipsAndIsChosenByItsId() throws Exception {
        Province laiChau = options("lai-chau").loadGates();
        assertThat(laiChau.provinceVi()).isEqualTo("Lai Châu");
        assertThat(laiChau.all()).extracting(g -> g.nameVi()).containsExactly("Ma Lù Thàng", "Huổi Luông", "U Ma Tu Khoòng");
        String token = Tokens.open(data.resolve("tokens.json"), null).create(Role.COORDINATOR, Set.of(), "lai-chau").token();
        try (Service service = Service.start(options("lai-chau"), TestClock.clock(), null)) {
            ApiClient api = new ApiClient(service.port(), token);
            assertThat(api.get("/api/v1/gates").json().findValuesAsText("id")).contains("ma-lu-thang", "huoi-luong");
            // A node of one province may be asked for it by name, never for another.
            assertThat(api.get("/api/v1/gates?province=lai-chau").status()).isEqualTo(200);
            var other = api.get("/api/v1/gates?province=lang-son");
            assertThat(other.status()).isEqualTo(400);
            assertThat(other.json().path("errors").get(0).path("field").asText()).isEqualTo("province");
            // The 2024 plan from the province's own report: total 40,6 and local goods 9,27 million USD.
            assertThat(api.put("/api/v1/plans/2024", "{\"totalUsd\":40600000,\"exportUsd\":20000000,\"importUsd\":20600000,"
                    + "\"localExportUsd\":9270000,\"reason\":\"Kế hoạch năm 2024\"}").status()).isEqualTo(200);
            assertThat(api.post("/api/v1/events", "{\"events\":[{\"type\":\"TurnoverRecorded\",\"id\":\"lc-1\","
                    + "\"gate\":\"ma-lu-thang\",\"direction\":\"EXPORT\",\"usd\":\"4060000\",\"localOrigin\":true,"
                    + "\"at\":\"2024-03-01T10:00:00+07:00\"}]}").status()).isEqualTo(200);
            JsonNode report = api.get("/api/v1/reports/2024?asOf=2024-12-31").json();
            assertThat(report.path("headline").asText()).contains("đạt 10,0% kế hoạch");
            String html = api.get("/api/v1/reports/2024?asOf=2024-12-31&format=html").text();
            assertThat(html).contains("UBND TỈNH LAI CHÂU", "qua các cửa khẩu tỉnh Lai Châu năm 2024", "Ma Lù Thàng");
        }
    }

    @Test
    void aFileNobodyHereWroteServesWithNoCodeChange() throws Exception {
        Path file = data.resolveSibling(data.getFileName() + "-cao-bang.json");
        Files.writeString(file, CAO_BANG);
        String token = Tokens.open(data.resolve("tokens.json"), null).create(Role.COORDINATOR, Set.of(), "cao-bang").token();
        try (Service service = Service.start(options(file.toString()), TestClock.clock(), null)) {
            ApiClient api = new ApiClient(service.port(), token);
            assertThat(api.get("/api/v1/gates").json().findValuesAsText("id")).contains("cao-bang", "ta-lung", "tra-linh");
            String now = TestClock.clock().instant().toString();
            var stored = api.post("/api/v1/events", "{\"events\":[{\"type\":\"QueueObserved\",\"id\":\"cb-1\","
                    + "\"gate\":\"tra-linh\",\"waiting\":45,\"at\":\"" + now + "\"},{\"type\":\"VehiclesCleared\",\"id\":\"cb-2\","
                    + "\"gate\":\"ta-lung\",\"direction\":\"EXPORT\",\"vehicles\":12,\"goods\":\"khoang-san\",\"at\":\"" + now + "\"}]}");
            assertThat(stored.status()).as(stored.text()).isEqualTo(200);
            // A goods group this province does not have is refused with the field and the reason.
            var refused = api.post("/api/v1/events", "{\"events\":[{\"type\":\"VehiclesCleared\",\"id\":\"cb-3\","
                    + "\"gate\":\"ta-lung\",\"direction\":\"EXPORT\",\"vehicles\":1,\"goods\":\"fruit\",\"at\":\"" + now + "\"}]}");
            assertThat(refused.status()).isEqualTo(400);
            JsonNode board = api.get("/api/v1/board").json();
            JsonNode traLinh = null;
            for (JsonNode tile : board.path("gates")) {
                if (tile.path("gate").asText().equals("tra-linh")) {
                    traLinh = tile;
                }
            }
            assertThat(traLinh).isNotNull();
            assertThat(traLinh.path("level").asText()).isEqualTo("un-tac");
            assertThat(api.get("/api/v1/forecast?gate=tra-linh").status()).isEqualTo(200);
            int year = TestClock.clock().instant().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
            JsonNode report = api.get("/api/v1/reports/" + year + "?period=ytd").json().path("report");
            assertThat(report.path("provinceVi").asText()).isEqualTo("Cao Bằng");
            assertThat(report.path("goods").findValuesAsText("group")).contains("nong-san", "khoang-san");
            assertThat(report.path("assessment").findValuesAsText("topic")).contains("congestion", "data-coverage");
            String html = api.get("/api/v1/reports/" + year + "?period=ytd&format=html").text();
            assertThat(html).contains("UBND TỈNH CAO BẰNG", "tỉnh Cao Bằng", "Tà Lùng", "Ùn tắc");
        }
    }

    @Test
    void aStoreOfOneProvinceGoesOnUnchangedWhenASecondIsAdded() throws Exception {
        String token = Tokens.open(data.resolve("tokens.json"), null).create(Role.COORDINATOR, Set.of(), "both").token();
        String now = TestClock.clock().instant().toString();
        try (Service one = Service.start(options("lang-son"), TestClock.clock(), null)) {
            assertThat(new ApiClient(one.port(), token).post("/api/v1/events", "{\"events\":[{\"type\":\"QueueObserved\","
                    + "\"id\":\"ls-1\",\"gate\":\"tan-thanh\",\"waiting\":260,\"at\":\"" + now + "\"}]}").status())
                    .isEqualTo(200);
        }
        CommonOptions both = CommandLine.populateCommand(new CommonOptions(), "--data", data.toString(), "--port", "0",
                "--gates", "lang-son,lai-chau", "--host", "127.0.0.1", "--store", "sqlite", "--rate-limit", "1000");
        try (Service two = Service.start(both, TestClock.clock(), null)) {
            ApiClient api = new ApiClient(two.port(), token);
            JsonNode tanThanh = null;
            for (JsonNode tile : api.get("/api/v1/board").json().path("gates")) {
                if (tile.path("gate").asText().equals("tan-thanh")) {
                    tanThanh = tile;
                }
            }
            assertThat(tanThanh).isNotNull();
            assertThat(tanThanh.path("waiting").asInt()).isEqualTo(260);
            assertThat(api.get("/api/v1/gates?province=lai-chau").json().findValuesAsText("id")).contains("ma-lu-thang");
            assertThat(Files.exists(data.resolve("provinces/lai-chau/borderwatch.db"))).isTrue();
        }
    }
}
