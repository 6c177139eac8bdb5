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
        assertThat(docx.headers().firstValue("content-disposition")).hasValue("attachment; filename=\"bao-cao-lang-son-2026-q3-vi.docx\"");
        assertThat(new String(docx.body(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK");
        var pdf = get("/api/v1/reports/2026?period=ytd&format=pdf&lang=en");
        assertThat(pdf.headers().firstValue("content-disposition")).hasValue("attachment; filename=\"report-lang-son-2026-ytd-en.pdf\"");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        var html = get("/api/v1/reports/2026?period=m11&format=html");
        assertThat(html.headers().firstValue("content-disposition")).hasValue("inline; filename=\"bao-cao-lang-son-2026-m11-vi.html\"");
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

    @Test
    void aCoordinatorRewordsAStatementBeforeExportAndTheFiguresStay() throws Exception {
        var plain = api.get("/api/v1/reports/2026?period=q3").json().get("report");
        var statement = plain.get("assessment").get(0);
        String id = statement.get("id").asText();
        var reworded = api.post("/api/v1/reports/2026?period=q3", "{\"edits\":[{\"id\":\"" + id
                + "\",\"textVi\":\"Nhận định do Sở viết lại.\"}]}");
        assertThat(reworded.status()).isEqualTo(200);
        var edited = reworded.json().get("report").get("assessment").get(0);
        assertThat(edited.get("textVi").asText()).isEqualTo("Nhận định do Sở viết lại.");
        assertThat(edited.get("edited").asBoolean()).isTrue();
        assertThat(edited.get("figures")).isEqualTo(statement.get("figures"));
        assertThat(edited.get("textEn")).isEqualTo(statement.get("textEn"));
        var html = api.post("/api/v1/reports/2026?period=q3&format=html", "{\"edits\":[{\"id\":\"" + id
                + "\",\"textVi\":\"<b>Sở</b> viết lại\"}]}");
        assertThat(html.text()).contains("&lt;b&gt;Sở&lt;/b&gt; viết lại (đã chỉnh sửa)").doesNotContain("<b>Sở</b>");

        var unknown = api.post("/api/v1/reports/2026?period=q3", "{\"edits\":[{\"id\":\"congestion:nowhere\",\"textVi\":\"x\"}]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("edits[0].id");
        var control = api.post("/api/v1/reports/2026?period=q3", "{\"edits\":[{\"id\":\"" + id + "\",\"textVi\":\"a\\u0000b\"}]}");
        assertThat(control.json().get("errors").get(0).get("field").asText()).isEqualTo("edits[0].textVi");
        var empty = api.post("/api/v1/reports/2026?period=q3", "{\"edits\":[{\"id\":\"" + id + "\"}]}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(api.post("/api/v1/reports/2026?period=q3", "{\"edit\":[]}").status()).isEqualTo(400);
        String viewer = server.tokens.create(borderwatch.auth.Role.VIEWER, java.util.Set.of(), "a viewer").token();
        assertThat(new ApiClient(server.port(), viewer).post("/api/v1/reports/2026?period=q3", "{\"edits\":[]}").status())
                .isEqualTo(403);
    }
}
