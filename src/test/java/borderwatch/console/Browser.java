package borderwatch.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium, driven through Debian's ChromeDriver. */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("BORDERWATCH_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("BORDERWATCH_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Browser() {
    }

    /** Skips the calling test, loudly, when the browser is not installed (.ci/run installs it). */
    static void requireInstalled() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present) {
            System.err.println("\n*** SKIPPED: browser tests need " + CHROMIUM + " and " + DRIVER
                    + " (apt-get install chromium chromium-driver) ***\n");
        }
        Assumptions.assumeTrue(present, "Chromium and ChromeDriver are not installed");
    }

    static ChromeDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        // Downloads land in the profile's downloads folder, without asking.
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory",
                downloads(profile).toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }

    static Path downloads(Path profile) {
        return profile.resolveSibling(profile.getFileName() + "-downloads");
    }

    static void screenshot(ChromeDriver driver, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

}
