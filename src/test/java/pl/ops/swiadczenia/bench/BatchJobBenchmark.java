package pl.ops.swiadczenia.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import pl.ops.swiadczenia.service.CanonicalJson;

/**
 * Throughput of the batch jobs over every stored zasiłek rodzinny decision (run by src/test/load/http-load.sh):
 * impact analysis under the latest released version, then a batch replay; prints decisions per second.
 * Args: baseUrl privateKeyPem
 */
public final class BatchJobBenchmark {
    private BatchJobBenchmark() {
    }

    public static void main(String[] a) throws Exception {
        var key = KeyUtils.decodePrivateKey(Files.readString(Path.of(a[1])));
        String token = "Bearer " + Jwt.issuer("ops-swiadczenia").subject("batch-benchmark")
                .groups(Set.of("policy", "auditor")).expiresIn(7200).sign(key);
        HttpClient client = HttpClient.newHttpClient();
        run(client, a[0], token, "/api/v1/impact-analyses", "/api/v1/impact-analyses/",
                "{\"benefit\":\"zasilek_rodzinny\",\"version\":\"2021-11-01\"}", "impact analysis");
        run(client, a[0], token, "/api/v1/audit/replays", "/api/v1/audit/replays/",
                "{\"benefit\":\"zasilek_rodzinny\"}", "batch replay");
    }

    static void run(HttpClient client, String base, String token, String start, String poll, String body, String what)
            throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + start))
                .header("Authorization", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String id = CanonicalJson.tree(r.body()).get("id").asText();
        long t0 = System.nanoTime();
        JsonNode j;
        do {
            Thread.sleep(1000);
            j = CanonicalJson.tree(client.send(HttpRequest.newBuilder(URI.create(base + poll + id))
                    .header("Authorization", token).build(), HttpResponse.BodyHandlers.ofString()).body());
        } while (j.get("status").asText().equals("RUNNING"));
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %s, %d decisions in %.1f s = %.0f decisions/s (job's own rate %.0f/s), heap max %d MB%n",
                what, j.get("status").asText(), j.get("done").asLong(), secs, j.get("done").asLong() / secs,
                j.get("decisionsPerSecond").asDouble(), j.get("heapUsedMaxMb").asLong());
        JsonNode res = j.has("replay") ? j.get("replay") : j.get("result");
        System.out.println("  " + (j.has("replay") ? "identical " + res.get("identical") + ", different " + res.get("different")
                + ", not replayable " + res.get("notReplayable") + ", " + res.get("identicalPercent") + " %"
                : "by kind " + res.get("byKind")));
    }
}
