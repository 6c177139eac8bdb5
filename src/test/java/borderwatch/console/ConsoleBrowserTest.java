package borderwatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.Core;
import borderwatch.gate.GateReport;
import borderwatch.service.TestServer;
import borderwatch.testing.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console in a real browser against a server on a random port. */
@Timeout(value = 120, unit = java.util.concurrent.TimeUnit.SECONDS)
class ConsoleBrowserTest {

    /** Live changes must reach the screen within this. */
    private static final Duration LIVE = Duration.ofSeconds(2);

    @TempDir
    Path data;
    @TempDir
    Path profile;
    private TestServer server;
    private Core core;
    private int port;
    private ChromeDriver browser;
    private Clock clock;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        Browser.requireInstalled();
        // Each test counts today's vehicles: none may see the province's day change under it.
        startAt(TestClock.sameDayFor(Duration.ofMinutes(5)));
    }

    /** The server and the browser, both living at {@code clock}'s time. */
    private void startAt(Clock at) {
        clock = at;
        server = new TestServer(data, clock);
        core = server.core;
        port = server.port();
        browser = Browser.start(profile, clock);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private int year() {
        return java.time.LocalDate.now(clock.withZone(TestClock.PROVINCE)).getYear();
    }

    private void post(String path, String method, String body) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("content-type", "application/json")
                .header("Authorization", "Bearer " + TestServer.TOKEN)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private void cleared(String id, String gate, String direction, int vehicles) throws Exception {
        String at = now();
        post("/api/v1/events", "POST", "{\"events\":[{\"id\":\"" + id + "\",\"type\":\"VehiclesCleared\",\"gate\":\""
                + gate + "\",\"at\":\"" + at + "\",\"direction\":\"" + direction + "\",\"vehicles\":" + vehicles + "}]}");
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private void waitForText(String css, String expected, Duration within) {
        new WebDriverWait(browser, within).until(d -> {
            var found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).getText().equals(expected);
        });
    }

    private void waitForTextContaining(String css, String expected, Duration within) {
        new WebDriverWait(browser, within).until(d -> {
            var found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).getText().contains(expected);
        });
    }

    private String chartPixels(String gate) {
        return (String) browser.executeScript(
                "return document.querySelector('#tile-" + gate + " canvas').toDataURL();");
    }

    @Test
    @DisplayName("tiles and charts follow posted events within 2 s, in Vietnamese number format")
    void tilesAndChartsFollowTheFeed() throws Exception {
        browser.get("http://127.0.0.1:" + port + "/#token=" + TestServer.TOKEN);
        waitForText("#connection", "Trực tiếp", Duration.ofSeconds(10));
        waitForText("#tile-tan-thanh .export-today", "0 xe", LIVE);
        assertThat(text("#tile-tan-thanh .name")).isEqualTo("Tân Thanh");
        assertThat(text("#tile-dong-dang .kind")).isEqualTo("Đường sắt");
        String chartBefore = chartPixels("tan-thanh");

        assertThat(browser.findElement(By.id("demo-panel")).isDisplayed()).as("no demo controls outside the demo").isFalse();
        // No queue report yet: not "0 xe" waiting, but no figure.
        assertThat(text("#tile-tan-thanh .waiting")).isEqualTo("—");
        assertThat(text("#feed")).isEqualTo("Chưa có diễn biến nào.");

        cleared("b0", "tan-thanh", "EXPORT", 40);
        waitForText("#tile-tan-thanh .last-hour", "40 xe/giờ", LIVE);
        new WebDriverWait(browser, LIVE).until(d -> !chartPixels("tan-thanh").equals(chartBefore));
        // More than the gate clears in two hours, sent at once: a day's total, not an hour's traffic.
        cleared("b1", "tan-thanh", "EXPORT", 1_194);
        waitForText("#tile-tan-thanh .export-today", "1.234 xe", LIVE);
        waitForText("#tile-tan-thanh .last-hour", "— (số liệu gửi gộp, không theo giờ)", LIVE);
        // Nor is it drawn as a spike: with every other hour empty, the day is a total only, and the tile says so.
        waitForTextContaining("#tile-tan-thanh .chart figcaption",
                "Ngày này chỉ có tổng gửi gộp cả ngày, không có số theo giờ: Xuất khẩu 1.234 xe", LIVE);
        assertThat(browser.findElement(By.cssSelector("#tile-tan-thanh .chart")).getAttribute("data-bulk-hours")).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector("#tile-tan-thanh .chart")).getAttribute("data-daily-total-only"))
                .isEqualTo("true");
        // The province strip above the tiles adds the gates up.
        waitForTextContaining("#summary", "Xuất khẩu / Nhập khẩu\n1.234 / 0", LIVE);
        assertThat(text("#summary")).contains("Đường bộ 1.234 xe", "Cửa khẩu ở mức cao\nKhông có");
        // The chart's legend names each line, so colour is not the only way to tell them apart.
        assertThat(text("#tile-huu-nghi .u-legend")).contains("Xuất khẩu", "Nhập khẩu", "Dự báo xe chờ");
        Browser.screenshot(browser, "console-vi");

        // A tablet in portrait: one column, every tile still on the page.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
        waitForText("#tile-tan-thanh .export-today", "1.234 xe", LIVE);
        assertThat(browser.findElements(By.cssSelector(".tile"))).hasSize(5);
        Browser.screenshot(browser, "console-tablet");
        // Narrower still: the charts shrink with their tiles, and nothing scrolls sideways.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(700, 1000));
        new WebDriverWait(browser, LIVE).until(d -> (Boolean) browser.executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"
                + " && [...document.querySelectorAll('#tiles .tile')].every(t => t.querySelector('canvas').getBoundingClientRect().right"
                + " <= t.getBoundingClientRect().right)"));
    }

    @Test
    @DisplayName("without a token the console asks for one; a viewer sees the board without the coordinators' controls")
    void signsInAndShowsViewersNoControls() throws Exception {
        String viewer = server.tokens.create(borderwatch.auth.Role.VIEWER, java.util.Set.of(), "duty officer").token();
        cleared("v1", "tan-thanh", "EXPORT", 42);
        browser.get("http://127.0.0.1:" + port + "/");
        var dialog = browser.findElement(By.id("login"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> dialog.isDisplayed());
        dialog.findElement(By.name("token")).sendKeys("bw_000000000000_not-a-token");
        dialog.findElement(By.cssSelector(".login-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !dialog.findElement(By.cssSelector(".form-error"))
                .getText().isEmpty());
        assertThat(dialog.isDisplayed()).as("a wrong token keeps the dialog open").isTrue();

        dialog.findElement(By.name("token")).clear();
        dialog.findElement(By.name("token")).sendKeys(viewer);
        dialog.findElement(By.cssSelector(".login-button")).click();
        waitForText("#tile-tan-thanh .export-today", "42 xe", Duration.ofSeconds(10));
        waitForText("#connection", "Trực tiếp", Duration.ofSeconds(10));
        assertThat(dialog.isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("drill-form")).isDisplayed()).as("no drill form for a viewer").isFalse();
        Browser.screenshot(browser, "console-viewer");
    }

    @Test
    @DisplayName("a coordinator reads the audit log: who acted, through which token, in the console's language")
    void readsTheAuditLog() throws Exception {
        // The audit tells when events were recorded, by the machine's clock; the form's default week is
        // the browser's: both on the machine's clock here, whatever the suite's.
        stop();
        startAt(Clock.systemUTC());
        var coordinator = server.tokens.create(borderwatch.auth.Role.COORDINATOR, java.util.Set.of(), "ca trực Tân Thanh");
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/gates/tan-thanh/plans/activate"))
                .header("content-type", "application/json")
                .header("Authorization", "Bearer " + coordinator.token())
                .POST(HttpRequest.BodyPublishers.ofString("{\"level\":2,\"by\":\"<b>Lan</b>\",\"reason\":\"xe chờ tăng\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

        browser.get("http://127.0.0.1:" + port + "/#token=" + coordinator.token());
        waitForText("#connection", "Trực tiếp", Duration.ofSeconds(10));
        var form = browser.findElement(By.id("audit-form"));
        form.findElement(By.cssSelector("button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#audit-table tr")).size() > 1);
        String table = text("#audit-table");
        assertThat(table).contains("Áp dụng phương án", "ca trực Tân Thanh", coordinator.record().id(), "xe chờ tăng")
                .as("markup typed by a person is shown as text").contains("<b>Lan</b>");
        browser.executeScript("document.getElementById('audit-title').scrollIntoView()");
        Browser.screenshot(browser, "console-audit-vi");
        browser.findElement(By.id("lang")).click();
        new WebDriverWait(browser, LIVE).until(d -> d.findElement(By.id("audit-table")).getText().contains("Response plan activated"));
        Browser.screenshot(browser, "console-audit-en");

        // Revoked while watching: the feed closes and the console asks for another token.
        server.tokens.revoke(coordinator.record().id());
        var dialog = browser.findElement(By.id("login"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> dialog.isDisplayed());
    }

    @Test
    @DisplayName("a viewer does not see the audit log")
    void viewersDoNotSeeTheAuditLog() throws Exception {
        String viewer = server.tokens.create(borderwatch.auth.Role.VIEWER, java.util.Set.of(), "wall").token();
        browser.get("http://127.0.0.1:" + port + "/#token=" + viewer);
        waitForText("#connection", "Trực tiếp", Duration.ofSeconds(10));
        assertThat(browser.findElement(By.id("audit-form")).isDisplayed()).isFalse();
    }

    @Test
    @DisplayName("the language switch changes labels and number formats")
    void switchesLanguage() throws Exception {
        post("/api/v1/plans/" + year(), "PUT",
                "{\"exportUsd\":\"3000\",\"importUsd\":\"3000\",\"totalUsd\":\"6000\",\"reason\":\"test\"}");
        post("/api/v1/events", "POST", "{\"events\":[{\"id\":\"t1\",\"type\":\"TurnoverRecorded\",\"gate\":\"chi-ma\",\"at\":\""
                + now() + "\",\"direction\":\"EXPORT\",\"usd\":\"1255.50\"}]}");
        cleared("l1", "huu-nghi", "IMPORT", 2_500);
        browser.get("http://127.0.0.1:" + port + "/#token=" + TestServer.TOKEN);
        waitForText("#tile-huu-nghi .import-today", "2.500 xe", Duration.ofSeconds(10));
        // 1,255.50 of 3,000 = 41.85% -> 41.9
        waitForText("[data-line=export] .plan-pct", "41,9% kế hoạch", LIVE);
        assertThat(text("h1")).isEqualTo("Giám sát cửa khẩu");

        browser.findElement(By.id("lang")).click();
        waitForText("h1", "Border gate monitor", LIVE);
        assertThat(text("#tile-huu-nghi .import-today")).isEqualTo("2,500 vehicles");
        assertThat(text("[data-line=export] .plan-pct")).isEqualTo("41.9% of plan");
        assertThat(text("#tile-dong-dang .kind")).isEqualTo("Rail");
        // Dates are the console's (day/month/year), not the browser's locale.
        assertThat(browser.findElement(By.cssSelector("#history-form input[name=from]")).getAttribute("value"))
                .matches("\\d{2}/\\d{2}/\\d{4}");
        assertThat(text("#summary")).contains("Export / Import", "Gates at a raised level\nNone");
        Browser.screenshot(browser, "console-en");

        browser.findElement(By.id("lang")).sendKeys(org.openqa.selenium.Keys.ENTER);
        waitForText("h1", "Giám sát cửa khẩu", LIVE);
    }

    @Test
    @DisplayName("a tile shows today's exports by goods group; the plan panel the local-goods target and the fruit share")
    void showsGoodsGroupsAndTheLocalTarget() throws Exception {
        post("/api/v1/plans/" + year(), "PUT",
                "{\"exportUsd\":\"3000\",\"importUsd\":\"3000\",\"localExportUsd\":\"1000\",\"reason\":\"test\"}");
        String at = now();
        post("/api/v1/events", "POST", "{\"events\":["
                + "{\"id\":\"g1\",\"type\":\"VehiclesCleared\",\"gate\":\"coc-nam\",\"at\":\"" + at
                + "\",\"direction\":\"EXPORT\",\"vehicles\":3,\"goods\":\"fruit\"},"
                + "{\"id\":\"g2\",\"type\":\"VehiclesCleared\",\"gate\":\"chi-ma\",\"at\":\"" + at
                + "\",\"direction\":\"EXPORT\",\"vehicles\":1,\"goods\":\"other\"},"
                + "{\"id\":\"g3\",\"type\":\"TurnoverRecorded\",\"gate\":\"coc-nam\",\"at\":\"" + at
                + "\",\"direction\":\"EXPORT\",\"usd\":\"250\",\"goods\":\"fruit\",\"localOrigin\":true}]}");
        browser.get("http://127.0.0.1:" + port + "/#token=" + TestServer.TOKEN);
        waitForText("#tile-coc-nam .goods-list", "Rau quả 3", Duration.ofSeconds(10));
        assertThat(browser.findElement(By.cssSelector("#tile-huu-nghi .goods-mix")).isDisplayed()).isFalse();
        // 250 of 1,000 USD of local goods; 3 of 4 export trucks carried fruit.
        waitForText("[data-line=localExport] .plan-pct", "25,0% kế hoạch", LIVE);
        assertThat(text(".goods-share")).isEqualTo("Rau quả: 75,0% số xe xuất khẩu hôm nay");
        browser.findElement(By.id("lang")).click();
        waitForText("#tile-coc-nam .goods-list", "Fruit and vegetables 3", LIVE);
        assertThat(text(".goods-share")).isEqualTo("Fruit and vegetables: 75.0% of export trucks today");
        Browser.screenshot(browser, "console-goods-en");
    }

    @Test
    @DisplayName("a Word report from the reports panel, then one with a statement reworded; the token is in no URL; a refusal is shown")
    void downloadsAReportFromTheConsole() throws Exception {
        browser.get("http://127.0.0.1:" + port + "/#token=" + TestServer.TOKEN);
        waitForText("#connection", "Trực tiếp", Duration.ofSeconds(10));
        var form = browser.findElement(By.id("report-form"));
        assertThat(text("#reports-title")).isEqualToIgnoringCase("Báo cáo");
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("period"))).selectByValue("ytd");
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("format"))).selectByValue("docx");
        form.findElement(By.cssSelector(".download-report")).click();
        int year = year();
        Path file = Browser.downloads(profile).resolve("bao-cao-lang-son-" + year + "-ytd-vi.docx");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> java.nio.file.Files.exists(file));
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(java.nio.file.Files.newInputStream(file))) {
            assertThat(doc.getParagraphs().stream().map(p -> p.getText()).toList())
                    .anyMatch(t -> t.startsWith("Tình hình xuất nhập khẩu hàng hóa qua các cửa khẩu tỉnh Lạng Sơn từ đầu năm"));
        }
        // A coordinator rewords a statement of the assessment; the document marks it and keeps the rest.
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("format"))).selectByValue("html");
        form.findElement(By.cssSelector(".edit-report")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(
                By.cssSelector(".report-edits textarea[data-id='data-coverage']")).isEmpty());
        assertThat(text(".report-edits h3")).isEqualTo("Đánh giá");
        var box = form.findElement(By.cssSelector(".report-edits textarea[data-id='data-coverage']"));
        box.clear();
        box.sendKeys("Số liệu hàng đợi do Sở bổ sung sau.");
        form.findElement(By.cssSelector(".download-report")).click();
        Path page = Browser.downloads(profile).resolve("bao-cao-lang-son-" + year + "-ytd-vi.html");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> java.nio.file.Files.exists(page));
        assertThat(java.nio.file.Files.readString(page)).contains("Số liệu hàng đợi do Sở bổ sung sau. (đã chỉnh sửa)")
                .contains("VIII. ĐỀ XUẤT, KIẾN NGHỊ");
        // Nothing the browser keeps carries the token.
        assertThat(browser.getCurrentUrl()).doesNotContain("token");
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(resources).noneMatch(u -> u.contains(TestServer.TOKEN));
        // A month that has not begun is refused with the field and the reason.
        var period = new org.openqa.selenium.support.ui.Select(form.findElement(By.name("period")));
        var monthAhead = java.time.LocalDate.now(clock.withZone(TestClock.PROVINCE)).plusMonths(1);
        if (monthAhead.getYear() == year) {
            period.selectByValue(String.format("m%02d", monthAhead.getMonthValue()));
            form.findElement(By.cssSelector(".download-report")).click();
            new WebDriverWait(browser, LIVE).until(d -> text("#report-form .form-error").startsWith("period:"));
        }
        Browser.screenshot(browser, "console-reports");
    }

    @Test
    @DisplayName("a stalled gate shows its expected wait, the forecast's warning and a what-if comparison, in both languages")
    void showsExpectedWaitForecastAndWhatIf() throws Exception {
        // The forecast's arrivals follow the day's profile, none to speak of at night: this runs on a
        // morning of the suite's day, whatever the hour the suite runs at.
        stop();
        startAt(TestClock.atLocalTime(java.time.LocalTime.of(9, 0)));
        browser.get("http://127.0.0.1:" + port + "/#token=" + TestServer.TOKEN);
        waitForText("#connection", "Trực tiếp", Duration.ofSeconds(10));
        waitForText("#tile-tan-thanh .expected-wait", "—", LIVE);
        // 220 trucks wait at Tân Thanh (Theo dõi; Cảnh báo from 225) and nothing has cleared: the queue
        // is not moving. Close under the next level, so the morning's arrivals reach it.
        post("/api/v1/events", "POST", "{\"events\":[{\"id\":\"fq\",\"type\":\"QueueObserved\",\"gate\":\"tan-thanh\","
                + "\"at\":\"" + now() + "\",\"waiting\":220}]}");
        waitForText("#tile-tan-thanh .expected-wait", "≥ 24 giờ (ngừng thông quan)", LIVE);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> text("#tile-tan-thanh .forecast-warning")
                .startsWith("Dự báo đạt mức Cảnh báo lúc ~"));
        assertThat(text("#tile-tan-thanh .forecast-warning")).containsPattern("sau \\d+ (giờ|phút)( \\d+ phút)?$");
        long head = core.storage().headPosition();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#tile-tan-thanh .what-if-level")))
                .selectByValue("2");
        browser.findElement(By.cssSelector("#tile-tan-thanh .what-if-run")).click();
        // The result says which forecast it was run on.
        new WebDriverWait(browser, LIVE).until(d -> text("#tile-tan-thanh .what-if-result").contains("Không áp dụng: cao nhất"));
        assertThat(text("#tile-tan-thanh .what-if-result")).matches("(?s)Theo dự báo lúc \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}: Không áp dụng.*");
        assertThat(text("#tile-tan-thanh .what-if-result")).contains("Cốc Nam:", "không ghi vào số liệu");
        assertThat(core.storage().headPosition()).as("a what-if writes nothing").isEqualTo(head);
        Browser.screenshot(browser, "console-forecast-vi");
        browser.findElement(By.id("lang")).click();
        waitForText("#tile-tan-thanh .expected-wait", "≥ 24 h (not moving)", LIVE);
        assertThat(text("#tile-tan-thanh .forecast-warning")).startsWith("Forecast to reach Alert at ~");
        Browser.screenshot(browser, "console-forecast-en");
    }

    @Test
    @DisplayName("a congestion level proposes its response plan, and an activated plan is shown with who and when")
    void showsLevelsAndResponsePlans() throws Exception {
        browser.get("http://127.0.0.1:" + port + "/#token=" + TestServer.TOKEN);
        waitForText("#connection", "Trực tiếp", Duration.ofSeconds(10));
        String at = now();
        post("/api/v1/events", "POST", "{\"events\":[{\"id\":\"jam\",\"type\":\"QueueObserved\",\"gate\":\"tan-thanh\","
                + "\"at\":\"" + at + "\",\"waiting\":260,\"yardOccupancy\":0.6}]}");
        waitForText("#tile-tan-thanh .level", "Mức: Cảnh báo", LIVE);
        assertThat(browser.findElement(By.id("tile-tan-thanh")).getAttribute("class")).contains("level-alert");
        assertThat(text("#tile-tan-thanh .response")).contains("Phương án đề xuất", "Phân luồng xe xuất khẩu sang cửa khẩu Cốc Nam");

        assertThat(browser.findElement(By.cssSelector("#tile-huu-nghi .plan-form")).isDisplayed())
                .as("no form on a gate without a plan to act on").isFalse();
        // The coordinator activates the proposed plan from the tile, saying who and why.
        browser.findElement(By.cssSelector("#tile-tan-thanh .plan-action")).click();
        browser.findElement(By.cssSelector("#tile-tan-thanh input[name=by]")).sendKeys("Nguyễn Văn A");
        browser.findElement(By.cssSelector("#tile-tan-thanh .confirm")).click();
        assertThat((Boolean) browser.executeScript(
                "return document.querySelector('#tile-tan-thanh input[name=reason]').validity.valueMissing"))
                .as("a reason is required before anything is sent").isTrue();
        assertThat(text("#tile-tan-thanh .response")).startsWith("Phương án đề xuất");
        browser.findElement(By.cssSelector("#tile-tan-thanh input[name=reason]")).sendKeys("Ùn tắc xe xuất khẩu");
        browser.findElement(By.cssSelector("#tile-tan-thanh .confirm")).click();
        new WebDriverWait(browser, LIVE).until(d -> text("#tile-tan-thanh .response")
                .startsWith("Đang áp dụng phương án mức Cảnh báo · Nguyễn Văn A"));
        assertThat(browser.findElement(By.cssSelector("#tile-tan-thanh .plan-form")).isDisplayed())
                .as("the form closes once the plan is in effect").isFalse();
        // The plan in effect keeps its reason and actions on the tile.
        assertThat(text("#tile-tan-thanh .response")).contains("Lý do: Ùn tắc xe xuất khẩu",
                "Phân luồng xe xuất khẩu sang cửa khẩu Cốc Nam");
        // The feed names levels, not numbers; routine queue reports only when asked for.
        waitForTextContaining("#feed li.plan", "Tân Thanh: Áp dụng phương án mức Cảnh báo (Nguyễn Văn A — Ùn tắc xe xuất khẩu)",
                LIVE);
        assertThat(text("#feed")).contains("Nâng mức ùn tắc Bình thường → Cảnh báo (260 xe chờ)");
        assertThat(browser.findElements(By.cssSelector("#feed li.queue"))).as("queue reports hidden").isEmpty();
        browser.findElement(By.id("feed-queues")).click();
        waitForTextContaining("#feed li.queue", "260 xe chờ", LIVE);
        Browser.screenshot(browser, "console-level");

        // The queue clears: the level falls back and the tile asks to stand the plan down.
        post("/api/v1/events", "POST", "{\"events\":[{\"id\":\"clear\",\"type\":\"QueueObserved\",\"gate\":\"tan-thanh\","
                + "\"at\":\"" + now() + "\",\"waiting\":5,\"yardOccupancy\":0.01}]}");
        waitForText("#tile-tan-thanh .level", "Mức: Bình thường", LIVE);
        assertThat(text("#tile-tan-thanh .stand-down-prompt")).startsWith("Mức ùn tắc đã hạ xuống dưới mức của phương án");

        browser.findElement(By.cssSelector("#tile-tan-thanh .plan-action")).click();
        assertThat(browser.findElement(By.cssSelector("#tile-tan-thanh input[name=by]")).getAttribute("value"))
                .as("the name is remembered").isEqualTo("Nguyễn Văn A");
        browser.findElement(By.cssSelector("#tile-tan-thanh input[name=reason]")).sendKeys("Đã phân luồng xong");
        browser.findElement(By.cssSelector("#tile-tan-thanh .confirm")).click();
        new WebDriverWait(browser, LIVE).until(d -> text("#tile-tan-thanh .response").isEmpty());
        assertThat(browser.findElement(By.cssSelector("#tile-tan-thanh .plan-form")).isDisplayed()).isFalse();
        assertThat(core.storage().existingIds(java.util.List.of("jam"))).containsExactly("jam");
    }

    @Test
    @DisplayName("a dropped feed is shown as stale, and the console catches up when it returns")
    void showsStaleDataWhenTheFeedDrops() throws Exception {
        browser.get("http://127.0.0.1:" + port + "/#token=" + TestServer.TOKEN);
        waitForText("#connection", "Trực tiếp", Duration.ofSeconds(10));

        server.stopHttp();
        waitForText("#connection", "Mất kết nối — số liệu có thể đã cũ", Duration.ofSeconds(5));
        assertThat(browser.findElement(By.id("board")).getAttribute("class")).contains("stale");
        Browser.screenshot(browser, "console-stale");

        // Events stored while the feed is down must show once it is back (the reconnect snapshot).
        core.commands().sendAndWait(new borderwatch.gate.RecordGateEvents(java.util.List.of(
                new borderwatch.gate.GateReport.VehiclesCleared("while-away", "coc-nam",
                        borderwatch.province.Direction.EXPORT, 77, clock.instant()))));
        server.restartHttp(port);
        waitForText("#connection", "Trực tiếp", Duration.ofSeconds(10));
        waitForText("#tile-coc-nam .export-today", "77 xe", LIVE);
        assertThat(browser.findElement(By.id("board")).getAttribute("class")).doesNotContain("stale");
    }

    @Test
    @DisplayName("a harvest-peak drill started from the console raises levels in the marked sandbox, not on the live board")
    void runsADrillInTheSandbox() throws Exception {
        // A drill plays days from now on, and how a plan changes the peak depends on the season and the
        // hour: this one runs from a December midday in the province, whatever the suite's clock says.
        stop();
        startAt(TestClock.tickingFrom(Instant.parse("2026-12-07T05:00:00Z")));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        browser.get("http://127.0.0.1:" + port + "/#token=" + TestServer.TOKEN);
        waitForText("#connection", "Trực tiếp", Duration.ofSeconds(10));
        String liveTile = text("#tile-tan-thanh");

        // Without a gate the form says so in the console's language, and nothing starts.
        browser.findElement(By.cssSelector("#drills .start-drill")).click();
        waitForText("#drill-form .form-error", "Hãy chọn ít nhất một cửa khẩu.", LIVE);
        assertThat(text("#drill-form select[name=planLevel]")).contains("Theo dõi", "Cảnh báo", "Nghiêm trọng");
        browser.findElement(By.cssSelector("#drills input[name=gate][value=tan-thanh]")).click();
        var secondsPerDay = browser.findElement(By.cssSelector("#drills input[name=secondsPerDay]"));
        secondsPerDay.clear();
        // Slow enough that a loaded machine still activates the plan before the peak it is meant to cut.
        secondsPerDay.sendKeys("10");
        browser.findElement(By.cssSelector("#drills .start-drill")).click();

        waitForText(".sandbox-banner", "DIỄN TẬP — số liệu giả định, không phải số liệu thực", Duration.ofSeconds(5));
        assertThat(text("#sandbox .drill-what")).isEqualTo("Cao điểm thu hoạch · Tân Thanh");
        // 45% more fruit exports at Tân Thanh: watch on the first day, alert on the second (10 s a day here).
        new WebDriverWait(browser, Duration.ofSeconds(35)).until(d -> d.findElement(By.id("drill-tile-tan-thanh"))
                .getAttribute("class").contains("level-alert"));
        assertThat(text("#drill-tile-tan-thanh .response")).contains("Phân luồng xe xuất khẩu sang cửa khẩu Cốc Nam");
        browser.findElement(By.cssSelector("#drill-tile-tan-thanh .plan-action")).click();
        browser.findElement(By.cssSelector("#drill-tile-tan-thanh input[name=by]")).sendKeys("Trần Thị B");
        browser.findElement(By.cssSelector("#drill-tile-tan-thanh input[name=reason]")).sendKeys("Diễn tập phân luồng");
        browser.findElement(By.cssSelector("#drill-tile-tan-thanh .confirm")).click();
        new WebDriverWait(browser, LIVE).until(d -> text("#drill-tile-tan-thanh .response")
                .startsWith("Đang áp dụng phương án mức Cảnh báo · Trần Thị B"));
        Browser.screenshot(browser, "drill-running");

        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> "finished".equals(
                d.findElement(By.id("sandbox")).getAttribute("data-state")));
        String withPlan = "#drill-result tr[data-gate=tan-thanh][data-lane=laneDrill]";
        String without = "#drill-result tr[data-gate=tan-thanh][data-lane=laneBaseline]";
        assertThat(text(withPlan + " td:last-child")).startsWith("Cảnh báo · Trần Thị B");
        // The result opens with its conclusion in one sentence.
        assertThat(text("#drill-result .drill-conclusion")).startsWith("Phương án mức Cảnh báo tại Tân Thanh: xe chờ cao nhất")
                .contains("tổng xe·giờ chờ");
        assertThat(text(without + " .reached-alert")).isNotEqualTo("—");
        assertThat(Integer.parseInt(text(withPlan + " .peak-waiting").replace(".", "")))
                .isLessThan(Integer.parseInt(text(without + " .peak-waiting").replace(".", "")));
        Browser.screenshot(browser, "drill-result");

        // The live board beside it never moved.
        assertThat(text("#tile-tan-thanh")).isEqualTo(liveTile);
        assertThat(browser.findElement(By.id("tile-tan-thanh")).getAttribute("class")).contains("level-normal");
        assertThat(core.storage().headPosition()).isZero();
    }

    @Test
    @DisplayName("time travel replays a past period in a marked history mode, pauses, and returns to live")
    void replaysHistory() throws Exception {
        post("/api/v1/events", "POST", "{\"events\":["
                + "{\"id\":\"h1\",\"type\":\"VehiclesCleared\",\"gate\":\"tan-thanh\",\"at\":\"2025-07-01T10:00:00+07:00\","
                + "\"direction\":\"EXPORT\",\"vehicles\":100},"
                + "{\"id\":\"h2\",\"type\":\"QueueObserved\",\"gate\":\"tan-thanh\",\"at\":\"2025-07-02T09:00:00+07:00\","
                + "\"waiting\":260,\"yardOccupancy\":0.6},"
                + "{\"id\":\"now\",\"type\":\"QueueObserved\",\"gate\":\"tan-thanh\",\"at\":\""
                + now() + "\",\"waiting\":10,\"yardOccupancy\":0.02}]}");
        cleared("live-5", "tan-thanh", "EXPORT", 5);
        browser.get("http://127.0.0.1:" + port + "/#token=" + TestServer.TOKEN);
        waitForText("#tile-tan-thanh .export-today", "5 xe", Duration.ofSeconds(10));

        // The form says its limit, and refuses a period past it or not yet begun without leaving live.
        assertThat(text("#history-form .form-hint")).isEqualTo("Tối đa 14 ngày, đến hết hôm nay.");
        browser.executeScript("const f = document.querySelector('#history-form');"
                + "f.from.value = '01/06/2025'; f.to.value = '30/06/2025';");
        browser.findElement(By.cssSelector("#history-form .start-history")).click();
        waitForText("#history-form .form-error", "Mỗi lần phát lại tối đa 14 ngày; hãy chọn khoảng ngắn hơn.", LIVE);
        browser.executeScript("const f = document.querySelector('#history-form');"
                + "f.from.value = '01/01/2100'; f.to.value = '02/01/2100';");
        browser.findElement(By.cssSelector("#history-form .start-history")).click();
        waitForText("#history-form .form-error", "Ngày bắt đầu chưa tới; hãy chọn một ngày đã qua.", LIVE);
        browser.executeScript("const f = document.querySelector('#history-form');"
                + "f.from.value = '31/02/2025'; f.to.value = '01/03/2025';");
        browser.findElement(By.cssSelector("#history-form .start-history")).click();
        waitForText("#history-form .form-error", "Ngày viết theo dạng ngày/tháng/năm, ví dụ 26/11/2026.", LIVE);
        assertThat(text("#connection")).isEqualTo("Trực tiếp");
        assertThat(browser.findElement(By.id("history-bar")).isDisplayed()).isFalse();

        browser.executeScript("const f = document.querySelector('#history-form');"
                + "f.from.value = '01/07/2025'; f.to.value = '02/07/2025'; f.speed.value = '43200';");
        browser.findElement(By.cssSelector("#history-form .start-history")).click();
        waitForText("#history-bar strong", "LỊCH SỬ — phát lại, không phải số liệu trực tiếp", LIVE);
        waitForText("#connection", "Lịch sử", Duration.ofSeconds(5));
        waitForText("#history-bar .history-period", "01/07/2025 → 02/07/2025", LIVE);
        // 1 July as it was: the 100 export trucks of that day, and none of today's.
        waitForText("#tile-tan-thanh .export-today", "100 xe", Duration.ofSeconds(5));
        Browser.screenshot(browser, "history-replay");

        browser.findElement(By.cssSelector("#history-bar .history-pause")).click();
        new WebDriverWait(browser, LIVE).until(d -> "paused".equals(
                d.findElement(By.id("history-bar")).getAttribute("data-state")));
        String pausedAt = text("#history-bar .history-clock");
        Thread.sleep(1_500);
        assertThat(text("#history-bar .history-clock")).isEqualTo(pausedAt);
        browser.findElement(By.cssSelector("#history-bar .history-pause")).click();
        // 2 July: the queue report raised Tân Thanh to alert that morning.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("tile-tan-thanh"))
                .getAttribute("class").contains("level-alert"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "done".equals(
                d.findElement(By.id("history-bar")).getAttribute("data-state")));
        // The clock ends on the period's last minute, the day the tiles show, not the next midnight.
        assertThat(text("#history-bar .history-clock")).isEqualTo("02/07/2025 23:59");

        browser.findElement(By.cssSelector("#history-bar .history-live")).click();
        waitForText("#connection", "Trực tiếp", Duration.ofSeconds(5));
        assertThat(browser.findElement(By.id("history-bar")).isDisplayed()).isFalse();
        waitForText("#tile-tan-thanh .export-today", "5 xe", LIVE);
        assertThat(browser.findElement(By.id("tile-tan-thanh")).getAttribute("class")).contains("level-normal");
    }

    @Test
    @DisplayName("the year-end report renders in the browser, in Vietnamese number format")
    void rendersTheYearEndReport() throws Exception {
        post("/api/v1/imports", "POST", """
                date,gate,export_vehicles,import_vehicles,export_usd,import_usd
                2024-05-02,tan-thanh,200,300,2000000000,1900000000
                2025-05-02,tan-thanh,180,340,1720000000,2200000000
                """);
        post("/api/v1/plans/2025", "PUT", "{\"exportUsd\":2000000000,\"importUsd\":2000000000}");
        browser.get("http://127.0.0.1:" + port + "/api/v1/reports/2025?asOf=2025-12-31&format=html&access_token="
                + TestServer.TOKEN);
        waitForText("h1", "BÁO CÁO", Duration.ofSeconds(5));
        assertThat(text(".subject")).isEqualTo("Tình hình xuất nhập khẩu hàng hóa qua các cửa khẩu tỉnh Lạng Sơn năm 2025");
        // Exports 1.720 of 2.000 million = 86,0%, 14,0% below 2024; imports 2.200 of 2.000 = 110,0%, up 15,8%.
        assertThat(text("p.body")).isEqualTo("Tổng kim ngạch 3.920 triệu USD, đạt 98,0% kế hoạch, tăng 0,5% so với cùng kỳ; "
                + "xuất khẩu 1.720 triệu USD, đạt 86,0% kế hoạch, giảm 14,0% so với cùng kỳ; "
                + "nhập khẩu 2.200 triệu USD, đạt 110,0% kế hoạch, tăng 15,8% so với cùng kỳ.");
        assertThat(browser.findElements(By.xpath("//td[.='Tân Thanh']/following-sibling::td[1]")).get(0).getText())
                .isEqualTo("1.720,00");
        Browser.screenshot(browser, "report-vi");
    }
}
