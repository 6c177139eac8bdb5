package borderwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import borderwatch.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Text for a terminal, one JSON object a line for a collector, switched at start. */
class LogFormatTest {

    @Test
    void jsonLinesCarryTheReadableMessageAndTheKeyValuesAndTextComesBack() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LogFormat.JSON.apply();
            LoggerFactory.getLogger("borderwatch.access").atInfo().addKeyValue("requestId", "r-1")
                    .addKeyValue("status", 200).log("GET {} {}", "/api/v1/board", 200);
            LogFormat.TEXT.apply();
            LoggerFactory.getLogger("borderwatch.access").info("back to text");
        } finally {
            System.setErr(err);
            LogFormat.TEXT.apply();
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
        JsonNode json = Json.mapper().readTree(lines[0]);
        assertThat(json.path("formattedMessage").asText()).isEqualTo("GET /api/v1/board 200");
        assertThat(json.path("level").asText()).isEqualTo("INFO");
        assertThat(json.path("loggerName").asText()).isEqualTo("borderwatch.access");
        assertThat(json.path("kvpList").toString()).contains("\"requestId\":\"r-1\"", "\"status\":\"200\"");
        assertThat(lines[1]).contains("INFO", "borderwatch.access - back to text").doesNotStartWith("{");
    }

    @Test
    void serveWritesJsonAndEverythingElseTextUnlessTold() {
        assertThat(LogFormat.parse(null, LogFormat.JSON)).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.parse(" Text ", LogFormat.JSON)).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.parse("json", LogFormat.TEXT)).isEqualTo(LogFormat.JSON);
        assertThatThrownBy(() -> LogFormat.parse("xml", LogFormat.TEXT)).hasMessageContaining("--log-format");
    }
}
