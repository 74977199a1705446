package pl.ops.swiadczenia.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.testsupport.Tokens;

/**
 * The decision explorer in a real browser (headless Debian Chromium): enter a token, search, open a decision, read
 * its justification, replay it. Skipped, with a message, where Chromium is not installed
 * ({@code apt-get install chromium chromium-driver}; {@code .ci/run} installs them). Screenshots: target/screenshots.
 */
@QuarkusTest
class DecisionExplorerBrowserTest {
    static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
    static WebDriver browser;

    @TestHTTPResource("/ui/")
    URL ui;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute(),
                "Browser tests skipped: install Debian's chromium and chromium-driver (apt-get install chromium "
                        + "chromium-driver) or set -Dchromium.binary / -Dchromedriver.binary");
        Tokens.useAllRoles();
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1600", "--lang=pl");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build(), o);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    static void screenshot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void searchOpenReadTheJustificationAndReplay() throws Exception {
        String body = """
                {"benefit":"zasilek_rodzinny","legalDate":"2016-01-01","caseReference":"UI-1","wniosek":{"dataZlozenia":"2016-01-04",
                 "dochodRodzinyRokBazowy":33696.00,"czlonkowieRodziny":[
                  {"id":"matka","rola":"WNIOSKODAWCA","dataUrodzenia":"1982-03-14"},
                  {"id":"ojciec","rola":"MALZONEK","dataUrodzenia":"1980-07-02"},
                  {"id":"dziecko1","rola":"DZIECKO","dataUrodzenia":"2007-05-20","nauka":"SZKOLA","rozpoczynaRokSzkolny":true},
                  {"id":"dziecko2","rola":"DZIECKO","dataUrodzenia":"2009-09-11","nauka":"SZKOLA","rozpoczynaRokSzkolny":true}]}}
                """;
        String id = CanonicalJson.tree(given().contentType(ContentType.JSON).body(body).when().post("/api/v1/decisions")
                .then().statusCode(201).extract().asString()).get("id").asText();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get(ui.toString());
        browser.findElement(By.id("token")).sendKeys(Tokens.token("audytor-nik", "auditor"));
        browser.findElement(By.cssSelector("#logowanie button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-stan"), "Token zapisany"));

        // search by benefit and legal date, as an auditor would
        wait.until(d -> new Select(d.findElement(By.id("f-benefit"))).getOptions().size() > 1);
        new Select(browser.findElement(By.id("f-benefit"))).selectByValue("zasilek_rodzinny");
        // date pickers take typed dates in the browser's locale; set their ISO value as a picker would
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('f-from').value='2016-01-01'; document.getElementById('f-to').value='2016-01-01';");
        browser.findElement(By.id("szukaj-przycisk")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#wyniki a[href='#/decyzja/" + id + "']")));
        screenshot("1-wyszukiwanie");
        browser.findElement(By.cssSelector("#wyniki a[href='#/decyzja/" + id + "']")).click();

        // the decision: outcome, amount, household, justification with citations
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("uzasadnienie")));
        assertThat(browser.findElement(By.id("rozstrzygniecie")).getText()).isEqualTo("przyznano");
        assertThat(browser.findElement(By.id("kwota")).getText()).contains("1406,60");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Gospodarstwo domowe").contains("dziecko2").contains("Uzasadnienie")
                .contains("Podstawa prawna: art. 5").contains("702,00 zł");
        screenshot("2-decyzja");

        // replay with one click
        browser.findElement(By.id("odtworz")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wynik-odtworzenia"), "IDENTYCZNA"));
        screenshot("3-odtworzenie");

        // the accesses were logged under the auditor's name
        assertThat(given().queryParam("decisionId", id).when().get("/api/v1/audit/access-log").then().statusCode(200)
                .extract().asString()).contains("audytor-nik").contains("REPLAY_DECISION");
    }

    @Test
    void withoutATokenTheExplorerSaysWhatToDo() {
        browser.get(ui.toString());
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("sessionStorage.clear(); location.reload();");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("main"), "Brak ważnego tokenu"));
    }
}
