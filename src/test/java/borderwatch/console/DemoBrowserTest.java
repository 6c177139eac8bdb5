package borderwatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.service.TestServer;
import borderwatch.testing.TestClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** On a demo node a coordinator makes congestion happen from the console, and the tile says it is simulated. */
@Timeout(value = 120, unit = java.util.concurrent.TimeUnit.SECONDS)
class DemoBrowserTest {

    private static final Duration LIVE = Duration.ofSeconds(5);

    @TempDir
    Path data;
    @TempDir
    Path profile;
    private TestServer server;
    private ChromeDriver browser;

    @BeforeEach
    void start() {
        Browser.requireInstalled();
        // What the screens show of today must not change day while they are taken.
        Clock clock = TestClock.sameDayFor(Duration.ofMinutes(2));
        server = TestServer.withDemoScenarios(data, clock);
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

    @Test
    @DisplayName("a closure started from the demo panel is marked as simulated on its tile until it is ended")
    void makesCongestionHappenMarkedAsSimulated() throws Exception {
        browser.get("http://127.0.0.1:" + server.port() + "/#token=" + TestServer.TOKEN);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> text("#connection").equals("Trực tiếp"));
        assertThat(browser.findElement(By.id("demo-panel")).isDisplayed()).isTrue();
        var form = browser.findElement(By.id("demo-form"));
        new Select(form.findElement(By.name("gate"))).selectByValue("chi-ma");
        new Select(form.findElement(By.name("kind"))).selectByValue("closure");
        assertThat(form.findElement(By.name("percent")).isDisplayed()).as("no percent for a closure").isFalse();
        form.findElement(By.cssSelector(".start-demo")).click();
        new WebDriverWait(browser, LIVE).until(d -> d.findElement(By.cssSelector("#tile-chi-ma .simulated")).isDisplayed());
        assertThat(text("#tile-chi-ma .simulated")).startsWith("MÔ PHỎNG · tạm đóng cửa khẩu đến ");
        assertThat(text("#demo-panel .demo-list")).startsWith("Chi Ma: tạm đóng cửa khẩu đến");
        assertThat(browser.findElement(By.cssSelector("#tile-tan-thanh .simulated")).isDisplayed()).isFalse();
        assertThat(server.core.storage().headPosition()).as("nothing is stored").isZero();
        Browser.screenshot(browser, "console-demo-closure");
        browser.findElement(By.cssSelector("#demo-panel .end-demo")).click();
        new WebDriverWait(browser, LIVE).until(d -> !d.findElement(By.cssSelector("#tile-chi-ma .simulated")).isDisplayed());
    }
}
