package borderwatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2025-05-14T01:15:00Z", "2024-02-29T23:59:59.5Z", "1999-12-31T00:00:00.123456789Z",
        "2025-01-01T00:00:00.120Z", "1970-01-01T00:00:00Z"})
    void agreesWithInstantParse(String iso) {
        assertThat(IsoInstants.parse(iso)).isEqualTo(Instant.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-05-14T01:15:00+07:00", "2025-02-30T00:00:00Z", "2025-13-01T00:00:00Z",
        "2025-05-14 01:15:00Z", "2025-05-14T01:15:00.Z", "2025-05-14T01:15:00.1234567890Z", "garbage-garbage-xyzZ"})
    void leavesOtherShapesToTheStandardParser(String text) {
        assertThat(IsoInstants.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, 999L, 1_000L, 1_747_185_300_000L, 1_747_185_300_123L, -86_400_001L,
        253_402_300_799_999L})
    void writesWhatInstantToStringWrites(long epochMillis) {
        Instant at = Instant.ofEpochMilli(epochMillis);
        assertThat(IsoInstants.format(at)).isEqualTo(at.toString());
        assertThat(IsoInstants.format(at.plusNanos(7))).isEqualTo(at.plusNanos(7).toString());
        assertThat(IsoInstants.format(at.plusNanos(5_000))).isEqualTo(at.plusNanos(5_000).toString());
        assertThat(IsoInstants.parse(IsoInstants.format(at))).isEqualTo(at);
    }

    @org.junit.jupiter.api.Test
    void yearsBeyondFourDigitsAreLeftToTheStandardWriter() {
        assertThat(IsoInstants.format(Instant.parse("+10000-01-01T00:00:00Z"))).isNull();
    }

    @org.junit.jupiter.api.Test
    void theCodecReadsOffsetTimesThroughTheFallback() {
        var codec = new EventCodec(new EventTypeRegistry().register("test.at.v1", At.class));
        At at = (At) codec.decode("test.at.v1", "{\"at\":\"2025-05-14T08:15:00+07:00\"}".getBytes());
        assertThat(at.at()).isEqualTo(Instant.parse("2025-05-14T01:15:00Z"));
    }

    record At(Instant at) {
    }
}
