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
        assertThat(browser.findElement(By.id("kwota")).getText()).matches("1[\\s\\u00a0]406,60 zł");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Gospodarstwo domowe").contains("dziecko (ur. 11.09.2009)").contains("Uzasadnienie")
                .contains("Podstawa prawna: art. 5").contains("702,00 zł");
        screenshot("2-decyzja");

        assertEveryFieldIsLabelled();

        // straight from a decision id, as an auditor given only the id would
        browser.get(ui + "#/decyzje");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f-id"))).sendKeys(id);
        browser.findElement(By.id("szukaj-przycisk")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("uzasadnienie")));

        // replay with one click
        browser.findElement(By.id("odtworz")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wynik-odtworzenia"), "IDENTYCZNA"));
        screenshot("3-odtworzenie");

        // the accesses were logged under the auditor's name
        assertThat(given().queryParam("decisionId", id).when().get("/api/v1/audit/access-log").then().statusCode(200)
                .extract().asString()).contains("audytor-nik").contains("REPLAY_DECISION");
    }

    /** WCAG 2.1 (1.3.1, 4.1.2): every form field of the page has a label (or an aria-label). */
    static void assertEveryFieldIsLabelled() {
        Object unlabelled = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('input,select,textarea')]"
                        + ".filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.id)");
        assertThat((java.util.List<?>) unlabelled).as("form fields without a label").isEmpty();
    }

    void logIn(String... roles) {
        browser.get(ui.toString());
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "sessionStorage.setItem('token', arguments[0]);", Tokens.token("pracownik-ui", roles));
    }

    @Test
    void lawTimelineVersionParametersAndADiff() throws Exception {
        logIn("policy", "auditor");
        browser.get(ui + "#/przepisy/swiadczenie_pielegnacyjne");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".os-czasu li")));
        assertThat(browser.findElements(By.cssSelector(".os-czasu li"))).hasSizeGreaterThanOrEqualTo(10);
        assertThat(browser.findElement(By.cssSelector(".os-czasu")).getText()).contains("od 01.01.2024")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(new Select(browser.findElement(By.id("p-benefit"))).getFirstSelectedOption().getText())
                .isEqualTo("Świadczenie pielęgnacyjne");
        new Select(browser.findElement(By.id("d-from"))).selectByValue("2023-01-01");
        new Select(browser.findElement(By.id("d-to"))).selectByValue("2024-01-01");
        browser.findElement(By.id("porownaj-przycisk")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("roznice-parametry")));
        String diff = browser.findElement(By.id("roznice")).getText();
        assertThat(diff).contains("swiadczenie_pielegnacyjne_kwota").containsPattern("2[\\s\\u00a0]458,00 zł")
                .containsPattern("2[\\s\\u00a0]988,00 zł")
                .contains("dodano: art17_ust1_zasady_od_2024").contains("Przypadki wzorcowe z innym wynikiem");
        assertEveryFieldIsLabelled();
        screenshot("4-przepisy-roznice");

        browser.get(ui + "#/przepisy/zasilek_rodzinny/2021-11-01");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wersja"), "Parametry z podstawą prawną"));
        assertThat(browser.findElement(By.id("wersja")).getText()).contains("674,00").contains("art. 5 ust. 1");
        screenshot("5-przepisy-wersja");
    }

    @Test
    void calculatorEvaluatesWithoutStoring() throws Exception {
        logIn("policy", "auditor");
        browser.get(ui + "#/kalkulator");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("oblicz")));
        browser.findElement(By.id("k-dochod")).clear();
        browser.findElement(By.id("k-dochod")).sendKeys("12000,00");
        browser.findElement(By.id("o-szkola-2")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("k-b-swiadczenie_wychowawcze"))).click();
        browser.findElement(By.id("oblicz")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#k-wynik-swiadczenie_wychowawcze .k-kwota")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#k-wynik-zasilek_rodzinny .k-kwota")));
        // a 10-year-old child, 500 zł per person: zasiłek rodzinny 124 zł × 12 months (2021-11-01 amounts)
        assertThat(browser.findElement(By.cssSelector("#k-wynik-zasilek_rodzinny .k-rozstrzygniecie")).getText()).isEqualTo("przyznano");
        assertThat(browser.findElement(By.cssSelector("#k-wynik-zasilek_rodzinny .k-kwota")).getText()).matches("1[\\s\\u00a0]488,00 zł");
        // 800+ for the same child: 800 zł a month (from 2024-01-01)
        assertThat(browser.findElement(By.cssSelector("#k-wynik-swiadczenie_wychowawcze .k-rozstrzygniecie")).getText()).isEqualTo("przyznano");
        assertThat(browser.findElement(By.cssSelector("#k-wynik-swiadczenie_wychowawcze")).getText()).contains("800,00");
        assertThat(browser.findElement(By.id("kalkulator-wynik")).getText()).contains("Podstawa prawna: art. 6 ust. 2");
        // display names and Polish dates, not benefit ids and ISO dates
        assertThat(browser.findElement(By.cssSelector("#k-wynik-zasilek_rodzinny h4")).getText())
                .isEqualTo("Zasiłek rodzinny z dodatkami");
        assertThat(browser.findElement(By.cssSelector("#k-wynik-zasilek_rodzinny")).getText())
                .contains("przepisy w wersji od 01.11.2021").doesNotContain("zasilek_rodzinny");
        assertThat(new Select(browser.findElement(By.id("o-rola-2"))).getFirstSelectedOption().getText()).isEqualTo("dziecko");
        assertThat(browser.findElement(By.id("k-swiadczenia")).getText()).contains("Zasiłek rodzinny z dodatkami")
                .doesNotContain("zasilek_rodzinny");
        assertEveryFieldIsLabelled();
        screenshot("6-kalkulator");
    }

    @Test
    void impactOfADraftWithProgressAndChart() throws Exception {
        logIn("policy", "auditor");
        given().contentType(ContentType.JSON).body("""
                {"benefit":"zasilek_rodzinny","legalDate":"2025-03-03","wniosek":{"dataZlozenia":"2025-03-03",
                 "dochodRodzinyRokBazowy":18000.00,"czlonkowieRodziny":[
                  {"id":"matka","rola":"WNIOSKODAWCA","dataUrodzenia":"1985-02-01"},
                  {"id":"dziecko","rola":"DZIECKO","dataUrodzenia":"2008-04-10","nauka":"SZKOLA"}]}}
                """).when().post("/api/v1/decisions").then().statusCode(201);
        browser.get(ui + "#/skutki");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("skutki-start")));
        new Select(browser.findElement(By.id("s-wersja"))).selectByValue("zasilek_rodzinny/2024-11-01");
        browser.findElement(By.id("skutki-start")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("postep-opis"), "Zakończono"));
        assertThat(browser.findElement(By.id("skutki-rodzaje")).getText()).contains("bez zmian");
        assertThat(browser.findElements(By.cssSelector("svg.wykres rect"))).hasSize(9);
        assertEveryFieldIsLabelled();
        screenshot("7-analiza-skutkow");
    }

    @Test
    void withoutATokenTheExplorerSaysWhatToDo() {
        browser.get(ui.toString());
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("sessionStorage.clear(); location.reload();");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("main"), "Brak ważnego tokenu"));
    }
}
