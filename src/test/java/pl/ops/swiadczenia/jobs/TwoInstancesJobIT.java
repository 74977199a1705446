package pl.ops.swiadczenia.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pl.ops.swiadczenia.config.EmbeddedPostgresLauncher;
import pl.ops.swiadczenia.service.CanonicalJson;

/**
 * Issue 13, point 7 (and issue 16, point 2): two processes of the packaged service on one PostgreSQL share one impact
 * analysis; one of them is killed (SIGKILL) in the middle of the job; the other finishes it, and the report is exactly
 * that of the same analysis run afterwards by one instance alone. Runs in {@code ./mvnw verify} after packaging
 * (failsafe); needs {@code target/quarkus-app/quarkus-run.jar}.
 */
@Timeout(900)
class TwoInstancesJobIT {
    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static EmbeddedPostgresLauncher.Running pg;
    static final List<Process> processes = new ArrayList<>();
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static String jdbc;
    static PrivateKey key;

    @BeforeAll
    static void database() throws Exception {
        assertThat(JAR).as("the packaged service (mvn package)").exists();
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "it-pg-");
        pg = EmbeddedPostgresLauncher.start(new EmbeddedPostgresLauncher.Options(data, 0, false));
        jdbc = pg.jdbcUrl();
    }

    @AfterAll
    static void stop() {
        processes.forEach(Process::destroyForcibly);
        if (pg != null) {
            pg.close();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Process start(int port, String name) throws IOException {
        return start(port, name, Map.of());
    }

    static Process start(int port, String name, Map<String, String> overrides) throws IOException {
        ProcessBuilder b = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+ExitOnOutOfMemoryError", "-Xmx512m", "-jar", JAR.toString());
        Map<String, String> env = b.environment();
        if (jdbc != null) {                 // unset: the database of this class is not started (DatabaseOutageIT)
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbc);
        }
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgresLauncher.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", "x");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "src/test/resources/jwt/test-public.pem");
        env.put("RULES_CACHE_DIR", "target/it-rules-cache");
        env.put("PESEL_HMAC_KEY", "it-" + "0123456789abcdef".repeat(3));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_LOG_LEVEL", "INFO");
        env.put("IMPACT_WORKERS", "1");
        env.put("JOBS_CHUNK_SIZE", "25");
        env.put("JOBS_LEASE", "PT3S");
        env.put("JOBS_POLL", "PT0.2S");
        overrides.forEach((k, v) -> {
            if (v == null) {
                env.remove(k);
            } else {
                env.put(k, v);
            }
        });
        b.redirectErrorStream(true).redirectOutput(Path.of("target", "it-" + name + ".log").toFile());
        Process p = b.start();
        processes.add(p);
        return p;
    }

    static void awaitReady(int port, Process p) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < end) {
            assertThat(p.isAlive()).as("service on port %d running (see target/it-*.log)", port).isTrue();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("service on port " + port + " not ready");
    }

    static String token(String... roles) throws Exception {
        if (key == null) {
            key = KeyUtils.decodePrivateKey(Files.readString(Path.of("src/test/resources/jwt/test-private.pem")));
        }
        return "Bearer " + Jwt.issuer("ops-swiadczenia").subject("it-" + String.join("-", roles)).groups(Set.of(roles))
                .expiresIn(3600).sign(key);
    }

    static HttpResponse<String> call(int port, String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", token);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode awaitJob(int port, String id, String token) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(8).toNanos();
        while (System.nanoTime() < end) {
            JsonNode j = CanonicalJson.tree(call(port, "GET", "/api/v1/impact-analyses/" + id, null, token).body());
            if (!j.get("status").asText().equals("RUNNING")) {
                return j;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    @Test
    void twoProcessesShareOneJobAndOneIsKilledMidway() throws Exception {
        int portA = freePort();
        Process a = start(portA, "a");
        awaitReady(portA, a);
        int portB = freePort();
        Process b = start(portB, "b");
        awaitReady(portB, b);

        // decisions of June 2017 (zasiłek rodzinny, 1.11.2016 amounts), 8 stored through the API and copied by SQL
        String system = token("system");
        List<String> ids = new ArrayList<>();
        String[][] households = {{"2001-04-10", "18000.00"}, {"2014-02-01", "18000.00"}, {"2003-09-01", "20000.00"},
                {"2001-04-10", "95000.00"}, {"2012-12-24", "15000.00"}, {"2010-10-10", "17000.00"},
                {"2004-01-31", "21000.00"}, {"2006-06-06", "12000.00"}};
        for (String[] h : households) {
            HttpResponse<String> r = call(portA, "POST", "/api/v1/decisions",
                    DurableJobsTest.household("2017-06-14", h[0], h[1]), system);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            ids.add(CanonicalJson.tree(r.body()).get("id").asText());
        }
        try (Connection c = DriverManager.getConnection(jdbc, EmbeddedPostgresLauncher.USER, "x");
             PreparedStatement ps = c.prepareStatement("INSERT INTO decision (id, created_at, benefit, ruleset_id, "
                     + "ruleset_version, ruleset_sha256, engine_version, legal_date, outcome, total_amount, "
                     + "case_reference, request_json, result_json) SELECT gen_random_uuid(), d.created_at, d.benefit, "
                     + "d.ruleset_id, d.ruleset_version, d.ruleset_sha256, d.engine_version, d.legal_date, d.outcome, "
                     + "d.total_amount, d.case_reference, d.request_json, d.result_json FROM decision d "
                     + "CROSS JOIN generate_series(1, 499) WHERE d.id = ANY (?::uuid[])")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            assertThat(ps.executeUpdate()).isEqualTo(8 * 499);
        }

        // the analysis is started on A; both take chunks; B is killed once it has finished some
        String policy = token("policy", "auditor");
        String req = "{\"benefit\":\"zasilek_rodzinny\",\"version\":\"2015-11-01\",\"legalDateFrom\":\"2017-06-01\","
                + "\"legalDateTo\":\"2017-06-30\"}";
        HttpResponse<String> started = call(portA, "POST", "/api/v1/impact-analyses", req, policy);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String job = CanonicalJson.tree(started.body()).get("id").asText();
        String bName = null;
        long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (bName == null && System.nanoTime() < end) {
            Map<String, Integer> doneBy = doneBy(job);
            for (String w : doneBy.keySet()) {
                if (w.contains(":" + b.pid() + ":") && doneBy.get(w) >= 2) {
                    bName = w;
                }
            }
            Thread.sleep(50);
        }
        assertThat(bName).as("the second process took part").isNotNull();
        JsonNode before = CanonicalJson.tree(call(portA, "GET", "/api/v1/impact-analyses/" + job, null, policy).body());
        b.destroyForcibly().waitFor();
        assertThat(before.get("status").asText()).as("killed in the middle of the job").isEqualTo("RUNNING");
        assertThat(before.get("done").asLong()).isLessThan(8 * 500);
        JsonNode shared = awaitJob(portA, job, policy);
        assertThat(shared.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(shared.get("total").asLong()).isEqualTo(8 * 500);
        assertThat(shared.get("done").asLong()).isEqualTo(8 * 500);
        assertThat(shared.at("/result/evaluated").asLong()).as("every decision counted once").isEqualTo(8 * 500);
        Map<String, Integer> doneBy = doneBy(job);
        assertThat(doneBy).containsKey(bName);
        assertThat(doneBy.keySet()).as("both processes finished chunks").hasSizeGreaterThanOrEqualTo(2);

        // the same analysis by A alone: the same report and the same list of decisions to reopen
        HttpResponse<String> again = call(portA, "POST", "/api/v1/impact-analyses", req, policy);
        JsonNode alone = awaitJob(portA, CanonicalJson.tree(again.body()).get("id").asText(), policy);
        assertThat(CanonicalJson.write(shared.get("result"))).isEqualTo(CanonicalJson.write(alone.get("result")));
        assertThat(shared.get("itemsListed").asLong()).isEqualTo(alone.get("itemsListed").asLong())
                .isEqualTo(alone.at("/result/byKind/AMOUNT_DECREASED").asLong() + alone.at("/result/byKind/OUTCOME_CHANGED").asLong()
                        + alone.at("/result/byKind/AMOUNT_INCREASED").asLong() + alone.at("/result/byKind/NOT_EVALUABLE").asLong());
        assertThat(alone.at("/result/byKind/AMOUNT_DECREASED").asLong()).as("granted decisions: 6 zł a month less").isPositive();
    }

    @Test
    void thePackagedServiceRefusesToStartWithoutItsOwnPeselKey() throws Exception {
        for (String key : new String[] {null, "dev-only-change-me", "short"}) {
            Map<String, String> env = new HashMap<>();
            env.put("PESEL_HMAC_KEY", key);
            Process p = start(freePort(), "no-key", env);
            assertThat(p.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).as("the service stops by itself").isTrue();
            assertThat(p.exitValue()).isNotZero();
            String log = Files.readString(Path.of("target", "it-no-key.log"));
            assertThat(log).contains("PESEL_HMAC_KEY").doesNotContain("Listening on");
        }
    }

    /** Finished chunks of a job per worker instance. */
    static Map<String, Integer> doneBy(String job) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbc, EmbeddedPostgresLauncher.USER, "x");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT done_by, count(*) FROM job_chunk WHERE job_id = '" + job
                     + "'::uuid AND status = 'DONE' GROUP BY done_by")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }
}
