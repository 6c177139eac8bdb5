package borderwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.service.ApiClient;
import borderwatch.service.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/reports/{year}} with periods and document formats, and what it refuses. */
class ReportsRouteTest {

    /** 10:00 on 28 November 2026 in Lạng Sơn. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;
    private TestServer server;
    private ApiClient api;

    @BeforeEach
    void start() {
        server = new TestServer(data, CLOCK);
        api = new ApiClient(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private java.net.http.HttpResponse<byte[]> get(String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + TestServer.TOKEN).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void documentsAreServedAsFilesAndPagesInline() throws Exception {
        var docx = get("/api/v1/reports/2026?period=q3&format=docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("content-type")).hasValue(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.headers().firstValue("content-disposition")).hasValue("attachment; filename=\"bao-cao-2026-q3-vi.docx\"");
        assertThat(new String(docx.body(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK");
        var pdf = get("/api/v1/reports/2026?period=ytd&format=pdf&lang=en");
        assertThat(pdf.headers().firstValue("content-disposition")).hasValue("attachment; filename=\"report-2026-ytd-en.pdf\"");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        var html = get("/api/v1/reports/2026?period=m11&format=html");
        assertThat(html.headers().firstValue("content-disposition")).hasValue("inline; filename=\"bao-cao-2026-m11-vi.html\"");
        // The CSV starts with a byte-order mark, so a Vietnamese Excel opens it into columns.
        var csv = get("/api/v1/reports/2026?format=csv");
        assertThat(csv.body()[0] & 0xff).isEqualTo(0xEF);
    }

    @Test
    void periodsNotBegunAndAsOfsBeforeThePeriodAreRefused() throws Exception {
        assertThat(api.get("/api/v1/reports/2026?period=m12").json().get("errors").get(0).get("field").asText())
                .isEqualTo("period");
        assertThat(api.get("/api/v1/reports/2026?period=q4&asOf=2026-09-01").json().get("errors").get(0).get("field").asText())
                .isEqualTo("asOf");
        assertThat(api.get("/api/v1/reports/2026?period=week").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/reports/2027").json().get("errors").get(0).get("field").asText()).isEqualTo("year");
        assertThat(api.get("/api/v1/reports/2026?format=odt").json().get("errors").get(0).get("field").asText())
                .isEqualTo("format");
    }
}
