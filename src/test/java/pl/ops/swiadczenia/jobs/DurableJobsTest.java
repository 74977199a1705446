package pl.ops.swiadczenia.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import pl.ops.swiadczenia.engine.RuleEvaluator;
import pl.ops.swiadczenia.lifecycle.ImpactService;
import pl.ops.swiadczenia.lifecycle.JobStore;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.testsupport.DurableJobsProfile;

/**
 * Issue 13, points 3, 6 and 7: impact analyses are jobs in PostgreSQL. The application of this profile has no job
 * workers of its own; the test drives named workers as instances would: an uninterrupted run for reference, a worker
 * that dies in the middle of a chunk (its chunk is taken over once its one-second lease has run out, the totals are
 * those of the uninterrupted run), two instances sharing one job (every chunk done once, by one of them), and the list
 * of decisions to reopen with its CSV.
 *
 * <p>The decisions: zasiłek rodzinny applied for in June 2017 (the state of 1.11.2016: 95 zł for a child under 5,
 * 124 zł for a child of 5–18, art. 6 ust. 2 u.ś.r. with the regulation of 7.08.2015), analysed under the state of
 * 1.11.2015 (89 zł and 118 zł): every granted decision is lower by 6 zł for each month granted; the refused one stays
 * refused.
 */
@QuarkusTest
@TestProfile(DurableJobsProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DurableJobsTest {
    static final String FROM = "2017-06-12";
    static final String TO = "2017-06-16";
    static final List<String> IDS = Collections.synchronizedList(new ArrayList<>());
    static String reference;

    @Inject
    ImpactService jobs;
    @Inject
    JobStore store;
    @Inject
    DataSource dataSource;

    @BeforeAll
    static void authenticateWithAllRoles() {
        pl.ops.swiadczenia.testsupport.Tokens.useAllRoles();
    }

    static String household(String legalDate, String child, String income) {
        return """
                {"benefit":"zasilek_rodzinny","legalDate":"%s","caseReference":"%s","wniosek":{"dataZlozenia":"%s",
                 "dochodRodzinyRokBazowy":%s,"czlonkowieRodziny":[
                  {"id":"matka","rola":"WNIOSKODAWCA","dataUrodzenia":"1985-02-01"},
                  {"id":"ojciec","rola":"MALZONEK","dataUrodzenia":"1984-06-20"},
                  {"id":"dziecko","rola":"DZIECKO","dataUrodzenia":"%s","nauka":"SZKOLA"}]}}
                """.formatted(legalDate, "OPS.5211." + child.substring(0, 4) + "." + legalDate.substring(8), legalDate,
                income, child);
    }

    ImpactService.ImpactRequest request() {
        return new ImpactService.ImpactRequest("zasilek_rodzinny", LocalDate.parse("2015-11-01"), LocalDate.parse(FROM),
                LocalDate.parse(TO));
    }

    /** Runs every open chunk with one worker of the given name until none is left. */
    void drain(String worker) {
        RuleEvaluator evaluator = new RuleEvaluator();
        for (Optional<JobStore.Claim> c = jobs.claim(worker); c.isPresent(); c = jobs.claim(worker)) {
            jobs.runChunk(c.get(), evaluator, Integer.MAX_VALUE);
        }
    }

    ImpactService.JobView view(String id) {
        return jobs.get(ImpactService.Kind.IMPACT, id).orElseThrow();
    }

    long storedInRange() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM decision WHERE benefit = 'zasilek_rodzinny' "
                     + "AND legal_date BETWEEN ?::date AND ?::date")) {
            ps.setString(1, FROM);
            ps.setString(2, TO);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    @Order(1)
    void anUninterruptedRunListsTheDecisionsToReopen() throws Exception {
        String[][] households = {
                {"2017-06-12", "2001-04-10", "18000.00"}, {"2017-06-12", "2014-02-01", "18000.00"},
                {"2017-06-13", "2003-09-01", "20000.00"}, {"2017-06-13", "2001-04-10", "95000.00"},
                {"2017-06-14", "2012-12-24", "15000.00"}, {"2017-06-14", "2015-03-03", "16000.00"},
                {"2017-06-15", "2004-01-31", "21000.00"}, {"2017-06-15", "2010-10-10", "17000.00"},
                {"2017-06-16", "2013-05-05", "19000.00"}, {"2017-06-16", "2002-02-02", "96000.00"},
                {"2017-06-16", "2006-06-06", "12000.00"}};
        for (String[] h : households) {
            IDS.add(CanonicalJson.tree(given().contentType(ContentType.JSON).body(household(h[0], h[1], h[2]))
                    .when().post("/api/v1/decisions").then().statusCode(201).extract().asString()).get("id").asText());
        }
        long inRange = storedInRange();
        assertThat(inRange).isGreaterThanOrEqualTo(households.length);

        ImpactService.JobView started = jobs.start(request(), "analityk");
        assertThat(started.status()).isEqualTo(ImpactService.Status.RUNNING);
        assertThat(started.total()).isEqualTo(inRange);
        assertThat(started.chunks()).isEqualTo((inRange + 2) / 3);
        assertThat(started.createdBy()).isEqualTo("analityk");
        assertThat(started.candidateReleaseId()).as("the candidate's release, so any instance can rebuild it").isNotNull();
        drain("reference");
        ImpactService.JobView done = view(started.id());
        assertThat(done.status()).isEqualTo(ImpactService.Status.COMPLETED);
        assertThat(done.done()).isEqualTo(inRange);
        reference = started.id();

        // every decision granted under the 2016 amounts is lower by 6 zł a month under those of 1.11.2015
        List<JobStore.Item> items = jobs.items(UUID.fromString(started.id()), null, 0, 1000);
        long granted = 0;
        BigDecimal sum = BigDecimal.ZERO;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, outcome, total_amount, result_json FROM decision "
                     + "WHERE benefit = 'zasilek_rodzinny' AND legal_date BETWEEN ?::date AND ?::date")) {
            ps.setString(1, FROM);
            ps.setString(2, TO);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getString(2).equals("GRANTED")) {
                        continue;
                    }
                    granted++;
                    String id = rs.getString(1);
                    BigDecimal stored = rs.getBigDecimal(3);
                    // the months of zasiłek rodzinny itself (95 or 124 zł a month); its dodatki did not change in 2016
                    JsonNode zasilek = null;
                    for (JsonNode comp : CanonicalJson.tree(rs.getString(4)).at("/amounts/components")) {
                        if (comp.get("component").asText().equals("zasilek_rodzinny")) {
                            zasilek = comp;
                        }
                    }
                    assertThat(zasilek).as("zasiłek rodzinny in decision %s", id).isNotNull();
                    BigDecimal monthly = zasilek.get("monthlyFrom").decimalValue();
                    assertThat(monthly).isIn(new BigDecimal("95.00"), new BigDecimal("124.00"));
                    BigDecimal months = BigDecimal.valueOf(zasilek.get("months").asInt());
                    JobStore.Item item = items.stream().filter(i -> i.decisionId().equals(id)).findFirst().orElseThrow(
                            () -> new AssertionError("granted decision " + id + " not listed"));
                    assertThat(item.kind()).isEqualTo("AMOUNT_DECREASED");
                    assertThat(item.newTotal()).isEqualByComparingTo(stored.subtract(months.multiply(new BigDecimal("6"))));
                    assertThat(item.difference()).isEqualByComparingTo(months.multiply(new BigDecimal("-6")));
                    assertThat(item.caseReference()).startsWith("OPS.5211.");
                    sum = sum.add(item.difference());
                }
            }
        }
        assertThat(granted).as("granted decisions in the range").isGreaterThanOrEqualTo(9);
        assertThat(items).as("only the changed decisions are listed").hasSize((int) granted);
        assertThat(done.result().byKind().get(pl.ops.swiadczenia.lifecycle.ImpactAnalysis.Kind.AMOUNT_DECREASED))
                .isEqualTo(granted);
        assertThat(done.result().byKind().get(pl.ops.swiadczenia.lifecycle.ImpactAnalysis.Kind.UNCHANGED))
                .isEqualTo(inRange - granted);
        assertThat(done.result().sumOfDifferences()).isEqualByComparingTo(sum);
        assertThat(sum).isNegative();

        // the same list over the API, a page at a time, and as CSV for a spreadsheet
        JsonNode page = CanonicalJson.tree(given().when().get("/api/v1/impact-analyses/" + reference
                + "/decisions?size=4&page=0").then().statusCode(200).extract().asString());
        assertThat(page.get("total").asLong()).isEqualTo(granted);
        assertThat(page.get("items")).hasSize(4);
        assertThat(page.at("/items/0/kindName").asText()).isEqualTo("kwota niższa");
        given().when().get("/api/v1/impact-analyses/" + reference + "/decisions?kind=NOPE").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("kind"));
        byte[] csvBytes = given().accept("text/csv").when().get("/api/v1/impact-analyses/" + reference + "/decisions")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(".csv")).extract().asByteArray();
        String csv = new String(csvBytes, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFSygnatura sprawy;Identyfikator decyzji;Data prawna;");
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize((int) granted + 2);
        assertThat(lines[1]).contains(";przyznano;").contains(";kwota niższa;").containsPattern(";-\\d+,00;");
        String total = sum.setScale(2).toPlainString().replace('.', ',');
        assertThat(lines[lines.length - 1]).startsWith("Razem;").contains(";" + total + ";")
                .contains("do ponownego rozpatrzenia");
        given().when().get("/api/v1/impact-analyses/not-a-job/decisions").then().statusCode(404);
    }

    @Test
    @Order(2)
    void aWorkerThatDiesMidwayIsTakenOverAndTheTotalsAreThoseOfAnUninterruptedRun() throws Exception {
        ImpactService.JobView started = jobs.start(request(), "analityk");
        RuleEvaluator evaluator = new RuleEvaluator();
        JobStore.Claim first = jobs.claim("instance-that-dies").orElseThrow();
        assertThat(jobs.runChunk(first, evaluator, Integer.MAX_VALUE)).isTrue();
        JobStore.Claim second = jobs.claim("instance-that-dies").orElseThrow();
        assertThat(jobs.runChunk(second, evaluator, 1)).as("dies after one decision of its second chunk").isFalse();
        assertThat(view(started.id()).done()).isEqualTo(first.size());

        // the restarted instance: the chunk of the dead one is open again once its lease has run out
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (view(started.id()).status() == ImpactService.Status.RUNNING && System.nanoTime() < deadline) {
            drain("instance-after-restart");
            Thread.sleep(200);
        }
        ImpactService.JobView resumed = view(started.id());
        ImpactService.JobView ref = view(reference);
        assertThat(resumed.status()).isEqualTo(ImpactService.Status.COMPLETED);
        assertThat(resumed.done()).isEqualTo(ref.done());
        assertThat(CanonicalJson.write(resumed.result())).as("same report as the uninterrupted run")
                .isEqualTo(CanonicalJson.write(ref.result()));
        assertThat(resumed.itemsListed()).isEqualTo(ref.itemsListed());
        List<JobStore.ChunkState> chunks = store.chunks(UUID.fromString(started.id()));
        JobStore.ChunkState taken = chunks.get(second.chunkNo());
        assertThat(taken.attempts()).as("claimed by the dead worker, then once more").isEqualTo(2);
        assertThat(taken.doneBy()).isEqualTo("instance-after-restart");
        assertThat(chunks.get(first.chunkNo()).doneBy()).isEqualTo("instance-that-dies");
        assertThat(chunks).allSatisfy(c -> assertThat(c.status()).isEqualTo("DONE"));

    }

    @Test
    @Order(3)
    void theJobIsCompletedOnlyAfterItsLastChunkIsCommitted() {
        // completing a chunk never completes the job inside the chunk's transaction: two workers finishing the last two
        // chunks at once would each still see the other's open and leave the job running for ever (seen in CI); the
        // worker completes it after its commit, and reading a job whose chunks are all done completes it too
        ImpactService.JobView started = jobs.start(request(), "analityk");
        RuleEvaluator evaluator = new RuleEvaluator();
        List<JobStore.Claim> claims = new ArrayList<>();
        for (Optional<JobStore.Claim> c = jobs.claim("w"); c.isPresent(); c = jobs.claim("w")) {
            claims.add(c.get());
        }
        assertThat(claims).hasSize((int) started.chunks());
        for (JobStore.Claim c : claims) {
            assertThat(store.complete(c, "{\"byKind\":{},\"outcomeChanges\":{},\"differenceDistribution\":[],"
                    + "\"examples\":{}}", List.of(), 0)).isTrue();
        }
        assertThat(store.get(UUID.fromString(started.id())).orElseThrow().status())
                .as("not completed inside the chunks' transactions").isEqualTo(ImpactService.Status.RUNNING);
        assertThat(view(started.id()).status()).as("completed once read with every chunk done")
                .isEqualTo(ImpactService.Status.COMPLETED);
        assertThat(store.finishIfDone(UUID.fromString(started.id()))).as("only once").isFalse();
        ImpactService.JobView again = jobs.start(request(), "analityk");
        JobStore.Claim c = jobs.claim("w").orElseThrow();
        assertThat(jobs.runChunk(c, evaluator, Integer.MAX_VALUE)).isTrue();
        assertThat(store.get(UUID.fromString(again.id())).orElseThrow().status()).isEqualTo(again.chunks() == 1
                ? ImpactService.Status.COMPLETED : ImpactService.Status.RUNNING);
        drain("w");
        assertThat(store.get(UUID.fromString(again.id())).orElseThrow().status())
                .as("the worker that commits the last chunk completes the job").isEqualTo(ImpactService.Status.COMPLETED);
    }

    @Test
    @Order(4)
    void twoInstancesShareOneJobWithoutDoingAChunkTwice() throws Exception {
        ImpactService.JobView started = jobs.start(request(), "analityk");
        CyclicBarrier bothHoldAChunk = new CyclicBarrier(2);
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (String instance : List.of("instance-1", "instance-2")) {
            Thread t = new Thread(() -> {
                try {
                    RuleEvaluator evaluator = new RuleEvaluator();
                    JobStore.Claim c = jobs.claim(instance).orElseThrow();
                    bothHoldAChunk.await(20, TimeUnit.SECONDS);
                    jobs.runChunk(c, evaluator, Integer.MAX_VALUE);
                    drain(instance);
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertThat(errors).isEmpty();
        ImpactService.JobView shared = view(started.id());
        ImpactService.JobView ref = view(reference);
        assertThat(shared.status()).isEqualTo(ImpactService.Status.COMPLETED);
        assertThat(CanonicalJson.write(shared.result())).isEqualTo(CanonicalJson.write(ref.result()));
        assertThat(shared.itemsListed()).isEqualTo(ref.itemsListed());
        List<JobStore.ChunkState> chunks = store.chunks(UUID.fromString(started.id()));
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo("DONE");
            assertThat(c.attempts()).as("chunk %d claimed once", c.chunkNo()).isEqualTo(1);
        });
        Set<String> by = new HashSet<>();
        chunks.forEach(c -> by.add(c.doneBy()));
        assertThat(by).containsExactlyInAnyOrder("instance-1", "instance-2");
    }

    @Test
    @Order(5)
    void aJobLeftHalfDoneWhenTheApplicationStops() {
        // one chunk finished, one held by a worker that stopped in its middle, the rest never claimed: the next start
        // of the application finishes it (DurableJobsTestAfterRestart)
        RuleEvaluator evaluator = new RuleEvaluator();
        ImpactService.JobView half = jobs.start(request(), "analityk");
        JobStore.Claim c1 = jobs.claim("instance-stopped").orElseThrow();
        assertThat(jobs.runChunk(c1, evaluator, Integer.MAX_VALUE)).isTrue();
        JobStore.Claim c2 = jobs.claim("instance-stopped").orElseThrow();
        assertThat(jobs.runChunk(c2, evaluator, 1)).isFalse();
        assertThat(view(half.id()).status()).isEqualTo(ImpactService.Status.RUNNING);
        System.setProperty(DurableJobsProfile.HALF_DONE_JOB, half.id() + "," + reference);
    }
}
