package borderwatch.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Opening hours, seasonal and dated extensions, holidays of either side, and the file's refusals. */
class GateHoursTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Province withHours(String hours, String holidays) throws Exception {
        ObjectNode root;
        try (InputStream in = Province.class.getResourceAsStream("/gates/lang-son.json")) {
            root = (ObjectNode) JSON.readTree(in);
        }
        if (hours != null) {
            ((ObjectNode) root.get("gates").get(1)).set("hours", JSON.readTree(hours));
        }
        if (holidays != null) {
            root.set("holidays", JSON.readTree(holidays));
        }
        return Province.parse(root, "test.json");
    }

    private static double at(Province p, String local) {
        return p.hours("tan-thanh").capacityShare(java.time.LocalDateTime.parse(local).atZone(ZONE).toInstant(), ZONE);
    }

    @Test
    void aGateWithoutHoursIsOpenRoundTheClock() throws Exception {
        Province p = Province.defaults();
        assertThat(p.hours("tan-thanh").known()).isFalse();
        assertThat(p.hours("tan-thanh").capacityShare(Instant.parse("2026-07-01T20:00:00Z"), ZONE)).isEqualTo(1.0);
    }

    @Test
    void dailyHoursWithASeasonThatRunsPastMidnightAndADatedExtension() throws Exception {
        Province p = withHours("""
                {"open": "07:00", "close": "19:00",
                 "extended": [{"from": "12-15", "to": "01-20", "open": "06:00", "close": "01:00"},
                              {"from": "2026-07-10", "to": "2026-07-12", "open": "07:00", "close": "22:00"}]}""", null);
        assertThat(at(p, "2026-07-01T06:59")).isZero();
        assertThat(at(p, "2026-07-01T07:00")).isEqualTo(1.0);
        assertThat(at(p, "2026-07-01T18:59")).isEqualTo(1.0);
        assertThat(at(p, "2026-07-01T19:00")).isZero();
        assertThat(at(p, "2026-07-11T21:30")).as("a dated extension").isEqualTo(1.0);
        assertThat(at(p, "2026-07-13T21:30")).isZero();
        // The winter season runs over New Year and its hours past midnight.
        assertThat(at(p, "2026-12-31T23:30")).isEqualTo(1.0);
        assertThat(at(p, "2027-01-01T00:30")).as("the previous day's hours, past midnight").isEqualTo(1.0);
        assertThat(at(p, "2027-01-01T01:30")).isZero();
        assertThat(at(p, "2027-01-01T06:00")).isEqualTo(1.0);
        assertThat(at(p, "2027-01-25T06:30")).as("after the season").isZero();
    }

    @Test
    void holidaysCloseTheGatesOrLeaveThemAShare() throws Exception {
        Province p = withHours(null, """
                [{"from": "2027-02-05", "to": "2027-02-10", "side": "both", "nameVi": "Tết Nguyên đán"},
                 {"from": "2026-10-01", "to": "2026-10-07", "side": "cn", "capacityPercent": 30}]""");
        assertThat(at(p, "2027-02-05T10:00")).isZero();
        assertThat(at(p, "2027-02-11T10:00")).isEqualTo(1.0);
        assertThat(at(p, "2026-10-03T10:00")).isEqualTo(0.3);
        assertThat(p.hours("chi-ma").capacityShare(Instant.parse("2027-02-07T03:00:00Z"), ZONE)).as("every gate").isZero();
    }

    @Test
    void mistakesStopTheStartNamingTheField() {
        assertThatThrownBy(() -> withHours("{\"open\": \"7h\", \"close\": \"19:00\"}", null))
                .hasMessageContaining("gates[1].hours.open must be a time like 07:00");
        assertThatThrownBy(() -> withHours("{\"open\": \"07:00\"}", null)).hasMessageContaining("gates[1].hours.close is required");
        assertThatThrownBy(() -> withHours("{\"open\": \"07:00\", \"close\": \"19:00\", \"extended\": "
                + "[{\"from\": \"05-15\", \"to\": \"2026-08-31\", \"open\": \"06:00\", \"close\": \"22:00\"}]}", null))
                .hasMessageContaining("gates[1].hours.extended[0]: from and to must both be");
        assertThatThrownBy(() -> withHours(null, "[{\"from\": \"2027-02-10\", \"to\": \"2027-02-05\"}]"))
                .hasMessageContaining("holidays[0].to must not be before from");
        assertThatThrownBy(() -> withHours(null, "[{\"from\": \"2027-02-10\", \"capacityPercent\": 120}]"))
                .hasMessageContaining("holidays[0].capacityPercent must be 0 to 100");
        assertThatThrownBy(() -> withHours(null, "[{\"from\": \"2027-02-10\", \"side\": \"us\"}]"))
                .hasMessageContaining("holidays[0].side must be vn, cn or both");
    }
}
