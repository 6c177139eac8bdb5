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
        return start(profile, java.time.Clock.systemUTC());
    }

    /**
     * A browser whose pages live at {@code clock}'s time: {@code Date} is shifted by the clock's offset
     * from the machine's before any script of the page runs, so the console and a server on a test
     * clock agree on what "now", "today" and "yesterday" are.
     */
    static ChromeDriver start(Path profile, java.time.Clock clock) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        // The page's console messages are kept, so a test can see uncaught errors.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        // Downloads land in the profile's downloads folder, without asking.
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory",
                downloads(profile).toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        long shift = borderwatch.testing.TestClock.offsetOf(clock).toMillis();
        if (Math.abs(shift) > 1_000) {
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
                    (() => {
                      const Real = Date, shift = %d;
                      function Shifted(...args) {
                        if (!new.target) return new Real(Real.now() + shift).toString();
                        return args.length ? new Real(...args) : new Real(Real.now() + shift);
                      }
                      Shifted.prototype = Real.prototype;
                      Shifted.now = () => Real.now() + shift;
                      Shifted.parse = Real.parse;
                      Shifted.UTC = Real.UTC;
                      globalThis.Date = Shifted;
                    })();""".formatted(shift)));
        }
        return driver;
    }

    static Path downloads(Path profile) {
        return profile.resolveSibling(profile.getFileName() + "-downloads");
    }

    /**
     * The page's accessibility violations of serious or critical impact, by axe-core (WCAG 2.0/2.1 A
     * and AA rules), each as "rule: help (n nodes: first target)"; empty when there are none.
     */
    @SuppressWarnings("unchecked")
    static java.util.List<String> seriousAccessibilityViolations(ChromeDriver driver) throws Exception {
        String axe;
        try (var in = Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(java.util.Objects.requireNonNull(in, "axe-core is not on the test classpath").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        driver.executeScript(axe);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        var violations = (java.util.List<java.util.Map<String, Object>>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })"
                + ".then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.length, target: String(v.nodes[0] && v.nodes[0].target) }))))"
                + ".catch(e => done([{ id: 'axe-failed', impact: 'critical', help: String(e), nodes: 0, target: '' }]));");
        return violations.stream().filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("id") + ": " + v.get("help") + " (" + v.get("nodes") + " nodes: " + v.get("target") + ")")
                .toList();
    }

    static void screenshot(ChromeDriver driver, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

}
