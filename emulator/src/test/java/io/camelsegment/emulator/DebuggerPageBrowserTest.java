package io.camelsegment.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Drives the Debugger page in headless Chromium from the distribution (never a downloaded browser or
 * driver). Without Chromium the test is skipped on a developer machine and fails in CI, where
 * {@code .ci/run} installs it.
 */
class DebuggerPageBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static SegmentEmulatorExtension segment = new SegmentEmulatorExtension();

    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void openBrowser() throws IOException {
        Optional<Path> chromium = onPath("chromium").or(() -> onPath("chromium-browser"));
        Optional<Path> chromedriver = onPath("chromedriver");
        if (chromium.isEmpty() || chromedriver.isEmpty()) {
            String missing = "Chromium and chromedriver must be on the PATH for the Debugger page test"
                    + " (apt-get install -y chromium chromium-driver); found chromium=" + chromium + ", chromedriver=" + chromedriver;
            if ("true".equals(System.getenv("CI"))) {
                fail(missing);
            }
            abort(missing);
        }
        // Both paths given explicitly, so Selenium Manager has nothing to look up or download.
        System.setProperty("webdriver.chrome.driver", chromedriver.get().toString());
        profile = Files.createTempDirectory("debugger-page-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile);
        browser = new ChromeDriver(options);
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#event-rows .event-row"));
    }

    private static void waitForRows(int count) {
        new WebDriverWait(browser, WAIT).until(driver -> rows().size() == count);
    }

    @Test
    void eventsAppearLiveAndFilterByTypeAndUserWithDropReasonsShownAndMarkupEscaped(SegmentEmulator emulator) {
        browser.get(emulator.debuggerUrl());
        new WebDriverWait(browser, WAIT).until(driver ->
                "live".equals(driver.findElement(By.id("connection-status")).getAttribute("class")));
        EmulatorClient client = new EmulatorClient(emulator);

        client.track("/identify", "{\"userId\":\"alice\",\"traits\":{\"plan\":\"pro\"}}");
        client.track("/track", "{\"userId\":\"alice\",\"event\":\"Order Completed\",\"messageId\":\"m-alice\"}");
        client.track("/identify", "{\"userId\":\"bob\"}");
        client.track("/track", "{\"userId\":\"bob\",\"event\":\"Product Viewed\"}");
        client.track("/track", "{\"userId\":\"carol\"}");
        client.track("/track", "{\"userId\":\"<img src=x onerror=window.__xss=1>\",\"event\":\"<script>window.__xss=2</script>\"}");

        waitForRows(6);
        assertThat(rows().get(1).getAttribute("data-user-id")).isEqualTo("carol");
        assertThat(rows().get(5).getAttribute("data-type")).isEqualTo("identify");

        new Select(browser.findElement(By.id("type-filter"))).selectByValue("identify");
        waitForRows(2);
        assertThat(rows()).allSatisfy(row -> assertThat(row.getAttribute("data-type")).isEqualTo("identify"));

        new Select(browser.findElement(By.id("type-filter"))).selectByValue("all");
        browser.findElement(By.id("user-filter")).sendKeys("alice");
        waitForRows(2);
        assertThat(rows()).allSatisfy(row -> assertThat(row.getAttribute("data-user-id")).isEqualTo("alice"));
        assertThat(rows().get(0).findElement(By.className("message-id")).getText()).isEqualTo("m-alice");

        browser.findElement(By.id("user-filter")).clear();
        browser.findElement(By.id("user-filter")).sendKeys("carol");
        waitForRows(1);
        WebElement carol = rows().get(0);
        assertThat(carol.getAttribute("data-status")).isEqualTo("dropped");
        assertThat(carol.findElement(By.className("drop-reason")).getText()).isEqualTo("missing_event");

        carol.click();
        new WebDriverWait(browser, WAIT).until(driver -> driver.findElement(By.id("event-json")).getText().contains("carol"));

        browser.findElement(By.id("user-filter")).clear();
        browser.findElement(By.id("user-filter")).sendKeys("img");
        waitForRows(1);
        assertThat(rows().get(0).findElement(By.className("event-name")).getText())
                .isEqualTo("<script>window.__xss=2</script>");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__xss === undefined")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("#event-rows img"))).isEmpty();
    }

    @Test
    void resetOnTheServerClearsThePage(SegmentEmulator emulator) {
        browser.get(emulator.debuggerUrl());
        EmulatorClient client = new EmulatorClient(emulator);
        client.track("/track", "{\"userId\":\"dave\",\"event\":\"A\"}");
        waitForRows(1);

        emulator.reset();
        client.track("/page", "{\"userId\":\"erin\",\"name\":\"Home\"}");

        new WebDriverWait(browser, WAIT).until(driver ->
                rows().size() == 1 && "erin".equals(rows().get(0).getAttribute("data-user-id")));
    }
}
