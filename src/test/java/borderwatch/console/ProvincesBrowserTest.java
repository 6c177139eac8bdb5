package borderwatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.auth.Role;
import borderwatch.auth.Tokens;
import borderwatch.cli.CommonOptions;
import borderwatch.cli.Service;
import borderwatch.service.ApiClient;
import borderwatch.testing.TestClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;

/**
 * The console on a node of two provinces: the national panel and page follow every province live, a
 * province is chosen from them, and a token confined to one province opens on it.
 */
@Timeout(value = 120, unit = java.util.concurrent.TimeUnit.SECONDS)
class ProvincesBrowserTest {

    private static final Duration LIVE = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    @TempDir
    Path profile;
    private Clock clock;
    private Service node;
    private ChromeDriver browser;
    private String national;
    private String laiChauViewer;

    @BeforeEach
    void start() {
        Browser.requireInstalled();
        clock = TestClock.sameDayFor(Duration.ofMinutes(3));
        Tokens tokens = Tokens.open(dir.resolve("data/tokens.json"), null);
        national = tokens.create(Role.COORDINATOR, Set.of(), "ministry").token();
        laiChauViewer = tokens.create(Role.VIEWER, Set.of(), Set.of("lai-chau"), "Lai Châu screen", Tokens.SERVICE).token();
        node = Service.start(CommandLine.populateCommand(new CommonOptions(), "--data", dir.resolve("data").toString(),
                "--port", "0", "--gates", "lang-son,lai-chau", "--host", "127.0.0.1", "--rate-limit", "1000"), clock, null);
        browser = Browser.start(profile, clock);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (node != null) {
            node.close();
        }
    }

    private void open(String hash) {
        browser.get("http://127.0.0.1:" + node.port() + "/#" + hash);
    }

    private void waitUntil(Duration within, java.util.function.Function<ChromeDriver, Boolean> condition) {
        new WebDriverWait(browser, within).until(d -> condition.apply((ChromeDriver) d));
    }

    private int rows(String css) {
        return browser.findElements(By.cssSelector(css)).size();
    }

    private boolean shown(String css) {
        var found = browser.findElements(By.cssSelector(css));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    @Test
    void theNationalPageFollowsEveryProvinceLiveAndOpensAProvince() throws Exception {
        open("token=" + national);
        waitUntil(LIVE, d -> shown("#national") && rows("#national tbody tr") == 2);
        assertThat(browser.findElements(By.cssSelector("#province-select option"))).hasSize(2);
        assertThat(shown("#tile-tan-thanh")).as("the first province's board").isTrue();
        browser.findElement(By.id("national-open")).click();
        waitUntil(LIVE, d -> shown("#national-page") && rows(".national-full tbody tr") == 2);
        assertThat(shown("#board")).as("the page replaces the province's board").isFalse();
        assertThat(browser.findElement(By.cssSelector(".national-no-alerts")).getText())
                .isEqualTo("Không có cửa khẩu nào ở mức 2 trở lên.");
        // A queue at Ma Lù Thàng reaches the page without a reload.
        String at = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(new ApiClient(node.port(), national).post("/api/v1/events?province=lai-chau",
                "{\"events\":[{\"id\":\"q1\",\"type\":\"QueueObserved\",\"gate\":\"ma-lu-thang\",\"at\":\"" + at
                        + "\",\"waiting\":70}]}").status()).isEqualTo(200);
        waitUntil(LIVE, d -> rows(".national-alert-table tbody tr") == 1);
        String alert = browser.findElement(By.cssSelector(".national-alert-table tbody tr")).getText();
        assertThat(alert).contains("Lai Châu", "Ma Lù Thàng", "70");
        assertThat(browser.findElement(By.cssSelector(".national-full tbody tr[data-province='lai-chau']")).getText())
                .contains("Ma Lù Thàng");
        browser.findElement(By.id("lang")).click();
        waitUntil(LIVE, d -> d.findElement(By.id("national-page-title")).getText().equalsIgnoreCase("All border provinces"));
        assertThat(browser.findElement(By.cssSelector(".national-full thead")).getText()).contains("Share of the year gone");
        // Choosing a province opens its board: its gates, not the other's.
        browser.findElement(By.cssSelector(".national-full tbody tr[data-province='lai-chau'] .link-button")).click();
        waitUntil(LIVE, d -> shown("#tile-ma-lu-thang"));
        assertThat(rows("#tile-tan-thanh")).isZero();
        assertThat(shown("#national-page")).isFalse();
        assertThat(Browser.seriousAccessibilityViolations(browser)).isEmpty();
    }

    @Test
    void aTokenConfinedToLaiChauOpensOnLaiChauWithoutAChoice() {
        open("token=" + laiChauViewer);
        waitUntil(LIVE, d -> shown("#tile-ma-lu-thang"));
        assertThat(rows("#tile-tan-thanh")).isZero();
        // One province to see: no national panel, no choice of province.
        assertThat(shown("#national")).isFalse();
        assertThat(shown("#province-select")).isFalse();
        assertThat(browser.findElement(By.id("province")).getText()).contains("Lai Châu");
    }
}
