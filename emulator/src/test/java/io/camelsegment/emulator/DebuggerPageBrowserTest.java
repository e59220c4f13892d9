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

    private static boolean fitsItsCell(WebElement cell) {
        return (Boolean) ((JavascriptExecutor) browser).executeScript(
                "return arguments[0].scrollWidth <= arguments[0].clientWidth", cell);
    }

    @Test
    void batchItemsKeepTheirWholeIdsDropReasonsStayReadableWithTheJsonOpenAndPublicApiCallsAreListed(SegmentEmulator emulator) {
        browser.get(emulator.debuggerUrl());
        EmulatorClient client = new EmulatorClient(emulator);
        String id = "batch-2024-06-15T12:00:00Z-0f8e7d6c5b4a39281706-item-";
        client.track("/batch", "{\"batch\":["
                + "{\"type\":\"track\",\"userId\":\"frank\",\"event\":\"A\",\"messageId\":\"" + id + "1\"},"
                + "{\"type\":\"track\",\"userId\":\"frank\",\"event\":\"B\",\"messageId\":\"" + id + "2\"},"
                + "{\"type\":\"track\",\"userId\":\"frank\",\"event\":\"C\",\"messageId\":\"" + id + "1\"}]}");
        client.api("GET", "/destinations/" + SegmentEmulator.DEMO_DESTINATION_ID, null);
        client.api("GET", "/destinations/nope", null);

        waitForRows(3);
        rows().get(0).click();
        new WebDriverWait(browser, WAIT).until(driver -> driver.findElement(By.id("event-json")).getText().contains("\"C\""));

        List<WebElement> ids = browser.findElements(By.cssSelector("#event-rows .message-id"));
        assertThat(ids).extracting(WebElement::getText).containsExactly(id + "1", id + "2", id + "1");
        assertThat(ids).allSatisfy(cell -> assertThat(fitsItsCell(cell)).as("whole id visible").isTrue());
        WebElement duplicate = rows().get(0).findElement(By.className("status"));
        assertThat(duplicate.getText()).isEqualTo("duplicate_message_id");
        assertThat(fitsItsCell(duplicate)).as("whole drop reason visible").isTrue();

        new WebDriverWait(browser, WAIT).until(driver -> driver.findElements(By.cssSelector("#api-call-rows .api-call-row")).size() == 2);
        List<WebElement> calls = browser.findElements(By.cssSelector("#api-call-rows .api-call-row"));
        assertThat(calls).extracting(call -> call.getAttribute("data-operation")).containsExactly("getDestination", "getDestination");
        assertThat(calls).extracting(call -> call.findElement(By.className("api-status")).getText()).containsExactly("404", "200");
        assertThat(calls.get(1).findElement(By.className("api-path")).getText())
                .isEqualTo("/destinations/" + SegmentEmulator.DEMO_DESTINATION_ID);
    }
}
