package pl.ops.swiadczenia.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pl.ops.swiadczenia.service.CanonicalJson;

/**
 * Issue 14, point 6, end to end: the packaged service in embedded mode (no datasource URL) loses its PostgreSQL – the
 * postmaster is killed with SIGKILL. While the database is down, a decision request is answered 503
 * {@code application/problem+json} with {@code Retry-After} (never 500) and readiness is down; the watchdog starts
 * the database again on the same port, readiness comes back by itself, new decisions are stored, and the decision
 * acknowledged before the outage is still there and replays IDENTICAL. Runs in {@code ./mvnw verify} after packaging
 * (failsafe), with the helpers of {@link TwoInstancesJobIT}.
 */
@Timeout(600)
class DatabaseOutageIT {

    @Test
    void aKilledDatabaseGives503AndTheServiceRecoversByItself() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "it-outage-pg-").resolve("data");
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", null);          // embedded mode, as a fresh installation runs
        env.put("QUARKUS_DATASOURCE_USERNAME", null);
        env.put("QUARKUS_DATASOURCE_PASSWORD", null);
        env.put("EMBEDDED_PG_DIR", data.toString());
        env.put("IMPACT_WORKERS", "-1");
        int port = TwoInstancesJobIT.freePort();
        Process p = TwoInstancesJobIT.start(port, "outage", env);
        try {
            TwoInstancesJobIT.awaitReady(port, p);
            String system = TwoInstancesJobIT.token("system", "auditor");
            String request = DurableJobsTest.household("2017-06-14", "2010-10-10", "17000.00");
            HttpResponse<String> before = TwoInstancesJobIT.call(port, "POST", "/api/v1/decisions", request, system);
            assertThat(before.statusCode()).as(before.body()).isEqualTo(201);
            String kept = CanonicalJson.tree(before.body()).get("id").asText();

            // the database process dies
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            postmaster.destroyForcibly();
            postmaster.onExit().get();

            HttpResponse<String> during = TwoInstancesJobIT.call(port, "POST", "/api/v1/decisions", request, system);
            assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
            assertThat(during.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(during.headers().firstValue("Retry-After")).hasValue("5");
            JsonNode problem = CanonicalJson.tree(during.body());
            assertThat(problem.get("type").asText()).endsWith("/database-unavailable");
            assertThat(problem.get("detail").asText()).contains("Baza danych jest chwilowo niedostępna");
            HttpResponse<String> read = TwoInstancesJobIT.call(port, "GET", "/api/v1/decisions/" + kept, null, system);
            assertThat(read.statusCode()).as("a read during the outage: " + read.body()).isEqualTo(503);
            HttpResponse<String> ready = TwoInstancesJobIT.call(port, "GET", "/q/health/ready", null, system);
            assertThat(ready.statusCode()).as("readiness is down: " + ready.body()).isEqualTo(503);

            // the watchdog starts it again; the service comes back without a restart of its own
            long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            int status = 0;
            while (System.nanoTime() < end && status != 200) {
                Thread.sleep(500);
                status = TwoInstancesJobIT.call(port, "GET", "/q/health/ready", null, system).statusCode();
            }
            assertThat(status).as("readiness back by itself").isEqualTo(200);
            assertThat(p.isAlive()).isTrue();
            HttpResponse<String> after = TwoInstancesJobIT.call(port, "POST", "/api/v1/decisions", request, system);
            assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
            HttpResponse<String> replay = TwoInstancesJobIT.call(port, "POST", "/api/v1/decisions/" + kept + "/replay",
                    null, system);
            assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
            assertThat(CanonicalJson.tree(replay.body()).get("status").asText()).as("the acknowledged decision is kept")
                    .isEqualTo("IDENTICAL");
        } finally {
            p.destroy();
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
