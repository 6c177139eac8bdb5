package borderwatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.forecast.GateWarnings;
import borderwatch.service.ApiClient;
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
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console tells the truth in every mode: a replay shows nothing later than its clock and ends on
 * the day's totals, a day known by its total says so, the railway counts wagons, items say their date,
 * the plan panel judges pace and can be set from the console, and a node that is down is one calm line.
 */
@Timeout(value = 150, unit = java.util.concurrent.TimeUnit.SECONDS)
class ConsoleTruthBrowserTest {

    private static final Duration LIVE = Duration.ofSeconds(5);
    private static final org.openqa.selenium.Dimension PHONE = new org.openqa.selenium.Dimension(390, 844);
    private static final org.openqa.selenium.Dimension LAPTOP = new org.openqa.selenium.Dimension(1366, 900);

    /** The same screen at a laptop's and a phone's width, {@code css} scrolled into view. */
    private void screens(String name, String css) throws Exception {
        for (var size : List.of(LAPTOP, PHONE)) {
            browser.manage().window().setSize(size);
            browser.executeScript("document.querySelector(arguments[0]).scrollIntoView({block: 'start'})", css);
            Thread.sleep(300);
            Browser.screenshot(browser, name + (size == PHONE ? "-phone" : "-laptop"));
        }
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
    }

    @TempDir
    Path data;
    @TempDir
    Path profile;
    private Clock clock;
    private TestServer server;
    private ChromeDriver browser;
    private ApiClient api;

    @BeforeEach
    void start() {
        Browser.requireInstalled();
        clock = TestClock.sameDayFor(Duration.ofMinutes(5));
        server = TestServer.withEarlyWarnings(data, clock);
        api = new ApiClient(server.port());
        browser = Browser.start(profile, clock);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private void waitUntil(Duration within, java.util.function.Function<ChromeDriver, Boolean> condition) {
        // A panel re-drawn between finding an element and reading it is read again.
        new WebDriverWait(browser, within).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.apply((ChromeDriver) d));
    }

    private boolean shown(String css) {
        var found = browser.findElements(By.cssSelector(css));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    private static String event(String id, String type, String gate, String at, String rest) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"gate\":\"" + gate + "\",\"at\":\"" + at + "\"," + rest + "}";
    }

    private void warn(String id, String at, String expectedAt) {
        server.core.commands().sendAndWait(new GateWarnings.Issue(GateWarnings.idOf("tan-thanh"), "tan-thanh", 2, "alert",
                Instant.parse(expectedAt), id, Instant.parse(at)));
    }

    /** Feed items later than the replay's clock, as the page shows them; none may be. */
    @SuppressWarnings("unchecked")
    private List<String> itemsAfterTheClock() {
        return (List<String>) browser.executeScript("""
                const at = Date.parse(document.querySelector('#history-bar').dataset.at);
                return [...document.querySelectorAll('#feed li[data-at]')]
                  .filter((li) => Date.parse(li.dataset.at) > at + 1000).map((li) => li.dataset.at + ' ' + li.textContent);""");
    }

    @Test
    @DisplayName("a one-day replay shows nothing after its clock, ends on the day's totals, says a day has a total only; live items say their date")
    void aReplayShowsWhatWasKnownThenAndEndsOnTheDaysTotals() throws Exception {
        assertThat(api.post("/api/v1/events", "{\"events\":["
                + event("q1", "QueueObserved", "tan-thanh", "2025-07-02T09:00:00+07:00", "\"waiting\":260") + ","
                + event("e1", "VehiclesCleared", "tan-thanh", "2025-07-02T10:00:00+07:00", "\"direction\":\"EXPORT\",\"vehicles\":100") + ","
                + event("i1", "VehiclesCleared", "tan-thanh", "2025-07-02T14:00:00+07:00", "\"direction\":\"IMPORT\",\"vehicles\":30") + ","
                + event("w1", "VehiclesCleared", "dong-dang", "2025-07-02T11:00:00+07:00", "\"direction\":\"EXPORT\",\"vehicles\":12") + ","
                // Hữu Nghị's day came as a total only, at noon, as imported daily figures do.
                + event("import-huu-nghi-2025-07-02", "VehiclesCleared", "huu-nghi", "2025-07-02T12:00:00+07:00",
                        "\"direction\":\"EXPORT\",\"vehicles\":900")
                + "]}").status()).isEqualTo(200);
        // A warning issued that morning, and one issued three days later: the replay of 2 July must not know the second.
        warn("warn-early", "2025-07-02T01:00:00Z", "2025-07-02T02:30:00Z");
        server.core.commands().sendAndWait(new GateWarnings.Withdraw(GateWarnings.idOf("tan-thanh"), "tan-thanh", "reached",
                "warn-early-ended", Instant.parse("2025-07-02T02:00:00Z")));
        warn("warn-later", "2025-07-05T01:00:00Z", "2025-07-05T03:00:00Z");

        browser.get("http://127.0.0.1:" + server.port() + "/#token=" + TestServer.TOKEN);
        waitUntil(Duration.ofSeconds(10), d -> text("#connection").equals("Trực tiếp"));
        // Live, an item of another day says its date: 2 July's level change is not "now".
        waitUntil(LIVE, d -> text("#feed").contains("02/07/2025 09:00 · Tân Thanh"));
        assertThat(text("#feed")).contains("05/07/2025 08:00 · Tân Thanh: ");

        browser.executeScript("const f = document.querySelector('#history-form');"
                + "f.from.value = '02/07/2025'; f.to.value = '02/07/2025'; f.speed.value = '8640';");
        browser.findElement(By.cssSelector("#history-form .start-history")).click();
        waitUntil(LIVE, d -> "Lịch sử".equals(text("#connection")));
        assertThat(shown("#tile-tan-thanh .what-if")).as("no what-if on a replay").isFalse();
        // While it plays, no item is later than the playback clock.
        long deadline = System.currentTimeMillis() + 30_000;
        while (!"done".equals(browser.findElement(By.id("history-bar")).getAttribute("data-state"))) {
            assertThat(itemsAfterTheClock()).as("feed items later than the playback clock").isEmpty();
            assertThat(System.currentTimeMillis()).as("the replay ends within 30 s").isLessThan(deadline);
            Thread.sleep(150);
        }
        assertThat(itemsAfterTheClock()).isEmpty();
        assertThat(text("#feed")).doesNotContain("05/07/2025").contains("Cảnh báo");
        // The last frame is the day's totals, not the next midnight's zeros.
        waitUntil(LIVE, d -> text("#tile-tan-thanh .export-today").equals("100 xe"));
        assertThat(text("#tile-tan-thanh .import-today")).isEqualTo("30 xe");
        assertThat(text("#history-bar .history-clock")).isEqualTo("02/07/2025 23:59");
        // The railway counts wagons.
        assertThat(text("#tile-dong-dang .export-today")).isEqualTo("12 toa");
        // A day known by its total only is said and not drawn as hours of nothing.
        assertThat(text("#tile-huu-nghi .chart figcaption"))
                .startsWith("Ngày này chỉ có tổng gửi gộp cả ngày, không có số theo giờ")
                .contains("900 xe");
        assertThat(text("#summary")).contains("có cửa khẩu chỉ có tổng cả ngày")
                // Trucks and wagons apart: 900 + 100 trucks out and 30 in by road, 12 wagons out by rail.
                .contains("Xuất khẩu / Nhập khẩu\n1.000 / 30 · Đường sắt 12 / 0 toa");
        assertThat(browser.findElement(By.cssSelector("#tile-tan-thanh .chart")).getAttribute("data-daily-total-only"))
                .as("a day of hours is drawn by the hour").isEqualTo("false");
        screens("history-end-vi", "#history-bar");

        browser.findElement(By.id("lang")).click();
        waitUntil(LIVE, d -> text("#tile-dong-dang .export-today").equals("12 wagons"));
        assertThat(text("#tile-huu-nghi .chart figcaption")).startsWith("This day has a whole-day total only");
        assertThat(text("#tile-tan-thanh .export-today")).isEqualTo("100 vehicles");
        assertThat(itemsAfterTheClock()).isEmpty();
        Browser.screenshot(browser, "history-end-en");
    }

    @Test
    @DisplayName("the plan panel judges pace, estimates the year, shows the fruit; a coordinator sets and revises the plan from it")
    void thePlanPanelJudgesPaceAndIsSetFromTheConsole() throws Exception {
        String at = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(api.post("/api/v1/events", "{\"events\":["
                + event("t1", "TurnoverRecorded", "coc-nam", at, "\"direction\":\"EXPORT\",\"usd\":\"250000\",\"goods\":\"fruit\",\"localOrigin\":true")
                + "]}").status()).isEqualTo(200);
        browser.get("http://127.0.0.1:" + server.port() + "/#token=" + TestServer.TOKEN);
        waitUntil(Duration.ofSeconds(10), d -> shown(".plan-edit-open"));
        assertThat(text(".plan-edit-open")).isEqualTo("Đặt kế hoạch năm");
        browser.findElement(By.cssSelector(".plan-edit-open")).click();
        var form = browser.findElement(By.cssSelector(".plan-edit"));
        form.findElement(By.name("exportUsd")).sendKeys("4800000000");
        form.findElement(By.name("importUsd")).sendKeys("1200000000");
        form.findElement(By.name("localExportUsd")).sendKeys("1000000");
        form.findElement(By.name("goods:fruit")).sendKeys("2000000000");
        form.findElement(By.cssSelector(".plan-save")).click();
        // 250.000 of 4.800 million is far behind the year gone; the local goods are well ahead.
        waitUntil(LIVE, d -> shown("[data-line=export]"));
        assertThat(browser.findElement(By.cssSelector("[data-line=export]")).getAttribute("data-pace")).isEqualTo("behind");
        assertThat(text("[data-line=export] .plan-verdict")).isEqualTo("chậm tiến độ");
        assertThat(text("[data-line=export]")).contains("Dự kiến cả năm:");
        assertThat(text("[data-line=localExport] .plan-pct")).isEqualTo("25,0% kế hoạch");
        assertThat(text("[data-line='goods:fruit']")).contains("Rau quả (xuất khẩu)");
        // A revision of the export figure alone keeps the targets set before.
        waitUntil(LIVE, d -> text(".plan-edit-open").equals("Sửa kế hoạch năm"));
        browser.findElement(By.cssSelector(".plan-edit-open")).click();
        form = browser.findElement(By.cssSelector(".plan-edit"));
        form.findElement(By.name("exportUsd")).clear();
        form.findElement(By.name("exportUsd")).sendKeys("5000000000");
        form.findElement(By.name("localExportUsd")).clear();
        form.findElement(By.cssSelector(".plan-save")).click();
        // Without a reason a revision is refused, and the field is named.
        waitUntil(LIVE, d -> text(".plan-edit .form-error").contains("reason"));
        form.findElement(By.name("reason")).sendKeys("Điều chỉnh theo Nghị quyết HĐND");
        form.findElement(By.cssSelector(".plan-save")).click();
        waitUntil(LIVE, d -> text("[data-line=export]").contains("5.000,00 triệu USD"));
        assertThat(text("[data-line=localExport] .plan-pct")).as("the local target kept").isEqualTo("25,0% kế hoạch");
        screens("plan-panel-vi", "#plan");
        browser.findElement(By.id("lang")).click();
        waitUntil(LIVE, d -> text("[data-line=export] .plan-verdict").equals("behind pace"));
        assertThat(text("[data-line=export]")).contains("Projected for the year:");
        Browser.screenshot(browser, "plan-panel-en");
    }

    @Test
    @DisplayName("while the node is down the console says so in one calm line and throws nothing; the icon is served")
    void aNodeThatIsDownIsOneCalmLine() throws Exception {
        browser.get("http://127.0.0.1:" + server.port() + "/#token=" + TestServer.TOKEN);
        waitUntil(Duration.ofSeconds(10), d -> text("#connection").equals("Trực tiếp"));
        assertThat(shown("#offline")).isFalse();
        browser.manage().logs().get(LogType.BROWSER);
        int port = server.port();
        server.stopHttp();
        waitUntil(Duration.ofSeconds(10), d -> shown("#offline"));
        assertThat(text("#offline")).isEqualTo("Mất kết nối với máy chủ — đang thử lại…");
        // Long enough for the drills panel's two-second polling to have failed twice.
        Thread.sleep(5_000);
        var uncaught = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(e -> e.getMessage()).filter(m -> m.contains("Uncaught")).toList();
        assertThat(uncaught).as("uncaught errors while the node is down").isEmpty();
        server.restartHttp(port);
        waitUntil(Duration.ofSeconds(15), d -> !shown("#offline"));
        HttpClient http = HttpClient.newHttpClient();
        for (String icon : List.of("/favicon.svg", "/favicon.ico")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + icon))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(icon).isEqualTo(200);
            assertThat(r.body()).contains("<svg");
        }
    }
}
