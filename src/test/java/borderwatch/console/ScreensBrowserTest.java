package borderwatch.console;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console and the public wait board as their people see them: laptop, tablet and phone widths,
 * each language, with screenshots under target/screenshots, and no serious accessibility violation
 * (axe-core) on any of them.
 */
@Timeout(value = 180, unit = java.util.concurrent.TimeUnit.SECONDS)
class ScreensBrowserTest {

    private static final Duration LIVE = Duration.ofSeconds(5);
    private static final Dimension LAPTOP = new Dimension(1366, 900);
    private static final Dimension TABLET = new Dimension(820, 1180);
    private static final Dimension PHONE = new Dimension(390, 844);

    @TempDir
    Path data;
    @TempDir
    Path profile;
    private TestServer server;
    private ChromeDriver browser;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Browser.requireInstalled();
        // What the screens show of today must not change day while they are taken.
        Clock clock = TestClock.sameDayFor(Duration.ofMinutes(10));
        server = TestServer.withPublicBoard(data, clock);
        browser = Browser.start(profile, clock);
        // A congested gate, a quiet one and one with no queue report at all.
        String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/api/v1/events")).header("content-type", "application/json")
                .header("Authorization", "Bearer " + TestServer.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"events\":["
                        + "{\"id\":\"c1\",\"type\":\"VehiclesCleared\",\"gate\":\"tan-thanh\",\"at\":\"" + now
                        + "\",\"direction\":\"EXPORT\",\"vehicles\":40},"
                        + "{\"id\":\"c2\",\"type\":\"VehiclesCleared\",\"gate\":\"huu-nghi\",\"at\":\"" + now
                        + "\",\"direction\":\"IMPORT\",\"vehicles\":60},"
                        + "{\"id\":\"q1\",\"type\":\"QueueObserved\",\"gate\":\"tan-thanh\",\"at\":\"" + now + "\",\"waiting\":260},"
                        + "{\"id\":\"q2\",\"type\":\"QueueObserved\",\"gate\":\"huu-nghi\",\"at\":\"" + now + "\",\"waiting\":12},"
                        + "{\"id\":\"q3\",\"type\":\"QueueObserved\",\"gate\":\"coc-nam\",\"at\":\""
                        + clock.instant().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS) + "\",\"waiting\":5}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
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

    private void noSeriousViolations(String where) throws Exception {
        assertThat(Browser.seriousAccessibilityViolations(browser)).as("accessibility of " + where).isEmpty();
    }

    private boolean fitsTheWidth() {
        return (Boolean) browser.executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1");
    }

    @Test
    @DisplayName("the public wait board, in Vietnamese, English and Chinese, on a phone, a tablet and a laptop")
    void publicWaitBoard() throws Exception {
        browser.manage().window().setSize(PHONE);
        browser.get("http://127.0.0.1:" + server.port() + "/public");
        new WebDriverWait(browser, LIVE).until(d -> d.findElements(By.cssSelector("#gates li")).size() == 5);
        // Road gates shortest wait first, those without a current report after; the station apart, in wagons.
        assertThat(browser.findElements(By.cssSelector("[data-kind=road] li")).stream().map(e -> e.getAttribute("data-gate")))
                .containsExactly("huu-nghi", "tan-thanh", "coc-nam", "chi-ma");
        assertThat(text("[data-kind=road] h2")).isEqualTo("Cửa khẩu đường bộ (xe tải)");
        assertThat(text("[data-kind=rail]")).contains("Ga đường sắt (tính theo toa, chờ riêng)", "Đồng Đăng", "Chờ dự kiến (toa):");
        assertThat(text("li[data-gate=tan-thanh]")).contains("Tân Thanh", "Mức: Cảnh báo", "Chờ dự kiến:",
                "Phía Trung Quốc: 浦寨", "Nhận: Xuất khẩu · Nhập khẩu · Rau quả");
        assertThat(text("li[data-gate=chi-ma]")).contains("Chi Ma", "Chưa có báo cáo hàng chờ trong 1 giờ qua")
                .doesNotContain("Rau quả");
        // A report three hours old says nothing about now: the gate says so, and when it last reported.
        assertThat(text("li[data-gate=coc-nam]")).contains("Chưa có báo cáo hàng chờ trong 1 giờ qua",
                "báo cáo hàng chờ gần nhất:").containsPattern("\\d{2}:\\d{2} ngày \\d{2}/\\d{2}/\\d{4}");
        assertThat(text("#fastest")).contains("Nhanh nhất lúc này", "Xuất khẩu: Hữu Nghị (", "Nhập khẩu: Hữu Nghị (",
                "Rau quả: Hữu Nghị (");
        assertThat(text("#updated")).matches("Cập nhật lúc \\d{2}:\\d{2} ngày \\d{2}/\\d{2}/\\d{4}");
        assertThat(browser.getPageSource()).doesNotContain("xe xuất khẩu", "USD");
        assertThat(fitsTheWidth()).as("nothing scrolls sideways on a phone").isTrue();
        noSeriousViolations("the public board (vi)");
        Browser.screenshot(browser, "public-phone-vi");

        browser.findElement(By.cssSelector("[data-lang=zh]")).click();
        new WebDriverWait(browser, LIVE).until(d -> text("h1").equals("口岸等候时间"));
        // Drivers from across the border know the crossings by their own side's ports.
        assertThat(text("li[data-gate=tan-thanh]")).contains("浦寨（Tân Thanh）", "拥堵级别: 警告", "预计等候:");
        assertThat(text("li[data-gate=dong-dang]")).contains("凭祥（Đồng Đăng）", "预计等候（车皮）");
        assertThat(text("#fastest")).contains("当前最快", "友谊关（Hữu Nghị）");
        assertThat(text("#updated")).matches("更新时间 \\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh");
        noSeriousViolations("the public board (zh)");
        Browser.screenshot(browser, "public-phone-zh");

        // Keyboard only: from the Chinese button, back one stop to English, and Enter.
        browser.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertThat(browser.switchTo().activeElement().getAttribute("data-lang")).isEqualTo("en");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        new WebDriverWait(browser, LIVE).until(d -> text("h1").equals("Border gate waiting times"));
        assertThat(text("li[data-gate=tan-thanh]")).contains("Tan Thanh", "Level: Alert", "Expected wait:", "Chinese side: 浦寨");
        assertThat(text("#updated")).matches("Updated at \\d{2}:\\d{2}, \\d{1,2} [A-Z][a-z]+ \\d{4}");
        Browser.screenshot(browser, "public-phone-en");
        for (var size : new Dimension[] {TABLET, LAPTOP}) {
            browser.manage().window().setSize(size);
            assertThat(fitsTheWidth()).isTrue();
            Browser.screenshot(browser, "public-" + (size == TABLET ? "tablet" : "laptop") + "-en");
        }
        // The check itself can fail: a nameless button and faint text are caught.
        browser.executeScript("document.querySelector('main').insertAdjacentHTML('beforeend',"
                + " '<button></button><p style=\"color:#ccc;background:#fff\">faint</p>')");
        assertThat(Browser.seriousAccessibilityViolations(browser)).anyMatch(v -> v.startsWith("button-name"))
                .anyMatch(v -> v.startsWith("color-contrast"));
    }

    @Test
    @DisplayName("the console in both languages on a laptop, a tablet and a phone, without serious accessibility violations")
    void consoleAtEveryWidth() throws Exception {
        browser.manage().window().setSize(LAPTOP);
        browser.get("http://127.0.0.1:" + server.port() + "/#token=" + TestServer.TOKEN);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> text("#connection").equals("Trực tiếp"));
        new WebDriverWait(browser, LIVE).until(d -> text("#tile-tan-thanh .level").equals("Mức: Cảnh báo"));
        noSeriousViolations("the console (vi)");
        for (String lang : new String[] {"vi", "en"}) {
            if (lang.equals("en")) {
                browser.findElement(By.id("lang")).sendKeys(Keys.ENTER);
                new WebDriverWait(browser, LIVE).until(d -> text("h1").equals("Border gate monitor"));
                noSeriousViolations("the console (en)");
            }
            for (var size : new Dimension[] {LAPTOP, TABLET, PHONE}) {
                browser.manage().window().setSize(size);
                browser.executeScript("window.scrollTo(0, 0)");
                new WebDriverWait(browser, LIVE).until(d -> fitsTheWidth());
                Browser.screenshot(browser, "console-" + (size == LAPTOP ? "laptop" : size == TABLET ? "tablet" : "phone")
                        + "-" + lang);
            }
            browser.manage().window().setSize(LAPTOP);
        }
    }
}
