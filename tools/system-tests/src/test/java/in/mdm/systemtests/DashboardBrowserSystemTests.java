package in.mdm.systemtests;

import static in.mdm.systemtests.AlertsAndNotificationsSystemTests.JSON;
import static in.mdm.systemtests.AlertsAndNotificationsSystemTests.PASSWORD;
import static in.mdm.systemtests.AlertsAndNotificationsSystemTests.activate;
import static in.mdm.systemtests.AlertsAndNotificationsSystemTests.get;
import static in.mdm.systemtests.AlertsAndNotificationsSystemTests.json;
import static in.mdm.systemtests.AlertsAndNotificationsSystemTests.post;
import static in.mdm.systemtests.AlertsAndNotificationsSystemTests.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import in.mdm.launcher.Suite;
import in.mdm.systemtests.AlertsAndNotificationsSystemTests.Person;

/**
 * Issue 18's dashboard in a real Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, nothing downloaded) against the running suite, as a district
 * officer of Erode uses it: signs in, sees the day, drills down from the district to a
 * block and a school, sees a stock-out alert arrive without reloading and acknowledges
 * it, approves a transfer, switches to Tamil, and is refused a school of Salem. The
 * screenshots, at desktop and phone width, land in {@code target/screenshots}. The class
 * keeps to districts of its own (Erode, Salem); it is skipped, saying why, where no
 * Chromium is installed.
 */
@ExtendWith(RunningSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserSystemTests {

    /** Erode, with its block Bhavani: the officer's district. */
    static final String DISTRICT = "573";

    static final String BLOCK = "6157";

    /** Salem: another district, whose school the officer must not see. */
    static final String OTHER_DISTRICT = "584";

    static final String OTHER_BLOCK = "6288";

    /** Reports a meal today; sends rice to {@link #SHORT}. */
    static final String FED = "33100100301";

    /** Reports no meal today, for want of food grain. */
    static final String SHORT = "33100100302";

    /** Does not report: a non-reporter with its headmaster's phone. */
    static final String SILENT = "33100100303";

    /** Runs out of rice while the officer watches the alerts. */
    static final String OUT = "33100100304";

    static final String SALEM_SCHOOL = "33080100301";

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static final Path SCREENSHOTS = Path.of(System.getProperty("mdm.system-tests.screenshots", "target/screenshots"));

    static Suite suite;

    static String admin;

    static Person officer;

    static String transferId;

    static WebDriver browser;

    static Path profile;

    @RegisterExtension
    static final TestWatcher LOGS_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                shot("failed-" + context.getRequiredTestMethod().getName());
                System.out.println("[dashboard] the page: " + browser.getCurrentUrl() + "\n"
                        + browser.findElement(By.tagName("body")).getText());
            }
            RunningSuite.printLogs(List.of("gateway", "auth-service", "alert-service", "optimization-service"), 30);
        }
    };

    @BeforeAll
    static void schoolsOfficerAndBrowser() throws IOException {
        boolean chromium = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(Path.of("/usr/bin/chromium"));
        String missing = "no Chromium here: install the Debian packages chromium and chromium-driver";
        // CI (.ci/run: MDM_REQUIRE_TOOLS=true) installs them and must not skip; elsewhere
        // a JDK is enough
        if (!chromium && "true".equalsIgnoreCase(System.getenv("MDM_REQUIRE_TOOLS"))) {
            throw new IllegalStateException(missing);
        }
        Assumptions.assumeTrue(chromium, missing);
        suite = RunningSuite.suite();
        AlertsAndNotificationsSystemTests.signIn();
        admin = AlertsAndNotificationsSystemTests.adminToken;

        school(FED, "PUMS Bhavani North", DISTRICT, BLOCK, "11.4450", "77.6820", "+919840000211");
        school(SHORT, "PUMS Bhavani South", DISTRICT, BLOCK, "11.4270", "77.6900", "+919840000212");
        school(SILENT, "PUMS Kalingarayanpalayam", DISTRICT, BLOCK, "11.4600", "77.7050", "+919840000213");
        school(OUT, "PUMS Odathurai", DISTRICT, BLOCK, "11.4120", "77.6650", "+919840000214");
        school(SALEM_SCHOOL, "PUMS Attur East", OTHER_DISTRICT, OTHER_BLOCK, "11.5960", "78.6010", "+919840000215");

        LocalDate today = LocalDate.now(INDIA);
        for (String udise : List.of(FED, SHORT)) {
            HttpResponse<String> rice = post("/api/v1/stock/schools/" + udise + "/adjustments", admin,
                    "{\"commodity\":\"RICE\",\"quantityKg\":200,\"reason\":\"opening balance\"}");
            assertThat(rice.statusCode()).as(rice.body()).isLessThan(300);
        }
        HttpResponse<String> fed = post("/api/v1/meals/reports", admin, """
                {"udiseCode":"%s","date":"%s","attendancePrimary":80,"attendanceUpperPrimary":20,"mealsServed":98}"""
            .formatted(FED, today));
        assertThat(fed.statusCode()).as(fed.body()).isEqualTo(201);
        HttpResponse<String> hungry = post("/api/v1/meals/reports", admin, """
                {"udiseCode":"%s","date":"%s","attendancePrimary":60,"attendanceUpperPrimary":0,"mealsServed":0,\
                "noMealReason":"NO_STOCK"}""".formatted(SHORT, today));
        assertThat(hungry.statusCode()).as(hungry.body()).isEqualTo(201);

        // optimization-service learns of the schools from their events: propose once it
        // has
        HttpResponse<String> transfer = await("optimization-service knows the schools").atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> post("/api/v1/optimization/transfers", admin, """
                    {"fromUdiseCode":"%s","toUdiseCode":"%s","commodity":"RICE","quantityKg":40,\
                    "reason":"no meal today for want of rice"}""".formatted(FED, SHORT)),
                    answer -> answer.statusCode() != 404);
        assertThat(transfer.statusCode()).as(transfer.body()).isEqualTo(201);
        transferId = json(transfer).path("id").asString();

        // the day's whole-area figures come from report-service's read models, fed by the
        // same events
        await("report-service has counted today's meals").atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> get("/api/v1/reports/kpis?scope=DISTRICT&code=" + DISTRICT + "&period=DAILY&from=" + today,
                    admin), answer -> answer.statusCode() == 200 && answer.body().contains("\"mealsServed\":98"));

        officer = new Person("deo.erode", "+919840000201", "en", "OFFICER", "DISTRICT", DISTRICT, DISTRICT, null);
        register(officer);
        activate(officer);

        profile = Files.createTempDirectory("mdm-chromium");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
            .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-IN", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        // only this run's screenshots are left to look at
        Files.createDirectories(SCREENSHOTS);
        try (var old = Files.newDirectoryStream(SCREENSHOTS, "*.png")) {
            for (Path png : old) {
                Files.delete(png);
            }
        }
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void theOfficerSignsInAndSeesTheDayOfTheDistrict() {
        browser.get(suite.gatewayUrl() + "/");
        waitFor(By.id("sign-in"));
        browser.findElement(By.id("username")).sendKeys(officer.username());
        browser.findElement(By.id("password")).sendKeys("not the password");
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"), "Wrong"));

        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        WebElement rate = waitFor(By.id("reporting-rate"));
        waitFor(By.cssSelector("#day-chart canvas"));

        // of Erode's 4 schools (PM POSHAN by default) two reported today
        assertThat(rate.getText()).startsWith("50");
        assertThat(browser.findElement(By.id("meals-served")).getText()).startsWith("98");
        assertThat(text()).contains("No food grain").contains(SHORT).doesNotContain(SALEM_SCHOOL);
        String cookies = String.valueOf(((JavascriptExecutor) browser).executeScript("return document.cookie"));
        assertThat(cookies).as("the tokens are out of the page's reach").doesNotContain("MDM_SESSION");
        shot("day-desktop");

        browser.get(suite.gatewayUrl() + "/#/non-reporters");
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), SILENT));
        assertThat(text()).contains("9840000213").doesNotContain(FED);
        waitFor(By.id("export-csv"));
    }

    @Test
    @Order(2)
    void theOfficerDrillsDownFromTheDistrictToABlockAndASchool() {
        browser.get(suite.gatewayUrl() + "/#/map");
        waitFor(By.cssSelector("#school-map canvas"));
        click(By.cssSelector("a[data-area='" + BLOCK + "']"));
        waitUntil(ExpectedConditions.urlContains("#/map/" + DISTRICT + "/" + BLOCK));
        waitFor(By.cssSelector("#school-map canvas"));
        shot("map-block-desktop");
        click(By.cssSelector("a[href='#/school/" + SHORT + "']"));
        WebElement name = waitFor(By.id("school-name"));
        assertThat(name.getText()).contains("PUMS Bhavani South");
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "Rice"));
        waitFor(By.cssSelector("#reports-chart canvas"));
        shot("school-desktop");
    }

    @Test
    @Order(3)
    void aStockOutAlertArrivesWithoutReloadingAndIsAcknowledged() {
        browser.get(suite.gatewayUrl() + "/#/alerts");
        new WebDriverWait(browser, Duration.ofSeconds(30))
            .until(ExpectedConditions.presenceOfElementLocated(By.id("alert-rows")));
        // the page stays as it is: a marker that a reload would lose
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true");

        HttpResponse<String> opening = post("/api/v1/stock/schools/" + OUT + "/adjustments", admin,
                "{\"commodity\":\"RICE\",\"quantityKg\":5,\"reason\":\"opening balance\"}");
        assertThat(opening.statusCode()).as(opening.body()).isLessThan(300);
        HttpResponse<String> report = post("/api/v1/meals/reports", admin, """
                {"udiseCode":"%s","date":"%s","attendancePrimary":60,"attendanceUpperPrimary":0,"mealsServed":60}"""
            .formatted(OUT, LocalDate.now(INDIA)));
        assertThat(report.statusCode()).as(report.body()).isEqualTo(201);

        WebElement row = new WebDriverWait(browser, Duration.ofSeconds(90)).until(ExpectedConditions
            .presenceOfElementLocated(By.xpath("//tbody[@id='alert-rows']/tr[.//a[text()='" + OUT + "']]")));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded")).isEqualTo(true);
        assertThat(browser.findElement(By.id("live")).getText()).contains("New alert");
        assertThat(browser.findElement(By.id("unread")).isDisplayed()).isTrue();
        shot("alerts-live-desktop");

        // the stream's own news of each change redraws the row: find it afresh each time
        String id = row.getDomAttribute("data-alert");
        String inRow = "tr[data-alert='" + id + "'] ";
        click(By.cssSelector(inRow + "button.acknowledge"));
        waitUntil(driver -> driver.findElement(By.cssSelector(inRow + ".status")).getText().equals("ACKNOWLEDGED"));
        click(By.cssSelector(inRow + "button.mark-read"));
        waitUntil(driver -> driver.findElements(By.cssSelector(inRow + "button.mark-read")).isEmpty());
        HttpResponse<String> alert = get("/api/v1/alerts/" + id, admin);
        assertThat(json(alert).path("status").asString()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    @Order(4)
    void theOfficerApprovesATransfer() {
        browser.get(suite.gatewayUrl() + "/#/decisions");
        WebElement row = waitFor(By.cssSelector("tr[data-transfer='" + transferId + "']"));
        row.findElement(By.cssSelector("button.approve")).click();
        waitUntil(driver -> !row.findElements(By.cssSelector(".decided")).isEmpty());
        HttpResponse<String> transfer = get("/api/v1/optimization/transfers/" + transferId, admin);
        // school-service may have carried it out already
        assertThat(json(transfer).path("status").asString()).isIn("APPROVED", "EXECUTED");
        assertThat(json(transfer).path("decidedBy").asString()).isEqualTo(officer.username());
    }

    @Test
    @Order(5)
    void inTamilAtPhoneWidth() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(suite.gatewayUrl() + "/#/day");
        waitFor(By.id("reporting-rate"));
        click(By.id("language"));
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "நாள்"));
        waitFor(By.cssSelector("#day-chart canvas"));
        assertThat(browser.findElement(By.tagName("nav")).getText()).contains("வரைபடம்");
        assertThat(text()).contains("உணவுப் பொருள் இல்லை");
        Object width = ((JavascriptExecutor) browser)
            .executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
        assertThat(width).as("nothing wider than the phone's screen").isEqualTo(true);
        shot("day-tamil-phone");

        browser.get(suite.gatewayUrl() + "/#/school/" + SHORT);
        waitFor(By.cssSelector("#reports-chart canvas"));
        shot("school-tamil-phone");
        click(By.id("language"));
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.tagName("nav"), "Map"));
        browser.get(suite.gatewayUrl() + "/#/map/" + DISTRICT + "/" + BLOCK);
        waitFor(By.cssSelector("#school-map canvas"));
        shot("map-block-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    @Order(6)
    void aSchoolOfAnotherDistrictIsNotFound() {
        HttpResponse<String> direct = get("/api/v1/schools/" + SALEM_SCHOOL, officer.token());
        assertThat(direct.statusCode()).as("the API refuses it too").isEqualTo(404);
        browser.get(suite.gatewayUrl() + "/#/school/" + SALEM_SCHOOL);
        WebElement refused = waitFor(By.id("not-found"));
        assertThat(refused.getText()).contains(SALEM_SCHOOL).contains("outside your area");
        assertThat(text()).doesNotContain("PUMS Attur East");
        shot("school-refused-desktop");

        click(By.id("sign-out"));
        waitFor(By.id("sign-in"));
        // the cookies are gone: a reload asks to sign in again
        browser.navigate().refresh();
        waitFor(By.id("sign-in"));
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
    }

    // ---------------------------------------------------------------- helpers

    static void school(String udise, String name, String district, String block, String latitude, String longitude,
            String phone) {
        HttpResponse<String> school = post("/api/v1/schools", admin,
                JSON.writeValueAsString(Map.ofEntries(Map.entry("udiseCode", udise), Map.entry("name", name),
                        Map.entry("districtCode", district), Map.entry("blockCode", block),
                        Map.entry("category", "PRIMARY"), Map.entry("management", "GOVERNMENT"),
                        Map.entry("ruralUrban", "RURAL"), Map.entry("latitude", new java.math.BigDecimal(latitude)),
                        Map.entry("longitude", new java.math.BigDecimal(longitude)),
                        Map.entry("headmasterName", "Headmaster of " + name), Map.entry("headmasterPhone", phone))));
        assertThat(school.statusCode()).as(school.body()).isEqualTo(201);
    }

    static WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
            .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    static <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
            .until(condition::apply);
    }

    /** Clicks the element as it is when clicked (a redrawn one is found again). */
    static void click(By locator) {
        waitUntil(driver -> {
            WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(driver);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    static String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** A screenshot of the whole page at the window's width. */
    static void shot(String name) {
        try {
            Dimension window = browser.manage().window().getSize();
            long height = ((Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight")).longValue();
            browser.manage()
                .window()
                .setSize(new Dimension(window.getWidth(),
                        (int) Math.min(4000, Math.max(window.getHeight(), height + 140))));
            byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
            browser.manage().window().setSize(window);
            System.out.println("[dashboard] screenshot " + SCREENSHOTS.resolve(name + ".png").toAbsolutePath());
        }
        catch (IOException | RuntimeException ex) {
            System.out.println("[dashboard] no screenshot " + name + ": " + ex);
        }
    }

}
