package pl.ops.swiadczenia.bench;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP load for {@code POST /api/v1/decisions}, run from a second JVM on loopback by src/test/load/http-load.sh:
 * N client threads send varied, realistic zasiłek rodzinny households (2–8 persons, incomes around the criterion,
 * children of every age, legal dates 2016–2025) for a fixed time; reports throughput, p50 / p99 / p99.9 latency and
 * errors, then checks in the database that every acknowledged (201) decision is stored.
 *
 * <p>Args: baseUrl seconds threads warmupSeconds jdbcUrl jdbcUser privateKeyPem
 */
public final class HttpLoadGenerator {
    private HttpLoadGenerator() {
    }

    static String household(Random r) {
        int year = 2016 + r.nextInt(10);
        LocalDate legal = LocalDate.of(year, 11, 1);
        int adults = 1 + r.nextInt(2);
        int children = 1 + r.nextInt(6);
        StringBuilder m = new StringBuilder();
        m.append("{\"id\":\"matka\",\"rola\":\"WNIOSKODAWCA\",\"dataUrodzenia\":\"").append(legal.minusYears(25 + r.nextInt(20))).append("\"}");
        if (adults == 2) {
            m.append(",{\"id\":\"ojciec\",\"rola\":\"MALZONEK\",\"dataUrodzenia\":\"").append(legal.minusYears(25 + r.nextInt(22))).append("\"}");
        }
        for (int i = 1; i <= children; i++) {
            LocalDate born = legal.minusDays(30 + r.nextInt(365 * 23));
            m.append(",{\"id\":\"dziecko").append(i).append("\",\"rola\":\"DZIECKO\",\"dataUrodzenia\":\"").append(born)
                    .append("\"").append(born.isBefore(legal.minusYears(6)) ? ",\"nauka\":\"SZKOLA\"" : "")
                    .append(adults == 1 ? ",\"alimentyOdDrugiegoRodzica\":\"OJCIEC_NIEZNANY\"" : "").append("}");
        }
        int persons = adults + children;
        // income per person between 300 and 900 zł a month: around the 674 / 764 zł criteria
        double perPerson = 300 + r.nextInt(600) + r.nextInt(100) / 100.0;
        String income = String.format(Locale.ROOT, "%.2f", perPerson * 12 * persons);
        return "{\"benefit\":\"zasilek_rodzinny\",\"legalDate\":\"" + legal + "\",\"caseReference\":\"LOAD-" + r.nextInt(1_000_000)
                + "\",\"wniosek\":{\"dataZlozenia\":\"" + legal.minusDays(10) + "\",\"dochodRodzinyRokBazowy\":" + income
                + (adults == 1 ? ",\"samotnieWychowuje\":true" : "") + ",\"czlonkowieRodziny\":[" + m + "]}}";
    }

    public static void main(String[] a) throws Exception {
        String base = a[0];
        int seconds = Integer.parseInt(a[1]);
        int threads = Integer.parseInt(a[2]);
        int warmup = Integer.parseInt(a[3]);
        String token = "Bearer " + Jwt.issuer("ops-swiadczenia").subject("load-generator").groups(Set.of("system"))
                .expiresIn(3600).sign(KeyUtils.decodePrivateKey(Files.readString(Path.of(a[6]))));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(threads);
        List<String> errorSamples = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] lat = new long[4_000_000];
            latencies.add(lat);
            int seed = t;
            new Thread(() -> {
                Random r = new Random(seed);
                int n = 0;
                try {
                    while (System.nanoTime() < end) {
                        String body = household(r);
                        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/decisions"))
                                .header("Content-Type", "application/json").header("Authorization", token)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long t0 = System.nanoTime();
                        HttpResponse<String> res;
                        try {
                            res = client.send(req, HttpResponse.BodyHandlers.ofString());
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            continue;
                        }
                        long t1 = System.nanoTime();
                        boolean measured = t0 >= warmEnd;
                        if (res.statusCode() == 201) {
                            String b = res.body();
                            int i = b.indexOf("\"id\":\"");
                            ids.add(b.substring(i + 6, b.indexOf('"', i + 6)));
                        } else if (measured) {
                            errors.incrementAndGet();
                            if (errorSamples.size() < 5) {
                                errorSamples.add(res.statusCode() + " " + res.body().substring(0, Math.min(200, res.body().length())));
                            }
                        }
                        if (measured && n < lat.length) {
                            lat[n++] = t1 - t0;
                        }
                    }
                } finally {
                    lat[lat.length - 1] = n;
                    done.countDown();
                }
            }).start();
        }
        done.await();
        int total = 0;
        for (long[] l : latencies) {
            total += (int) l[l.length - 1];
        }
        long[] all = new long[total];
        int k = 0;
        for (long[] l : latencies) {
            int n = (int) l[l.length - 1];
            System.arraycopy(l, 0, all, k, n);
            k += n;
        }
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "requests=%d seconds=%d threads=%d throughput=%.0f/s p50=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms errors=%d%n",
                total, seconds, threads, total / (double) seconds, pct(all, 0.50), pct(all, 0.99), pct(all, 0.999),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, errors.get());
        errorSamples.forEach(e -> System.out.println("error sample: " + e));
        // every acknowledged decision must be in the database
        try (Connection c = DriverManager.getConnection(a[4], a[5], "")) {
            List<String> list = new ArrayList<>(ids);
            long found = 0;
            for (int i = 0; i < list.size(); i += 10_000) {
                List<String> chunk = list.subList(i, Math.min(list.size(), i + 10_000));
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM decision WHERE id = ANY (?::uuid[])")) {
                    ps.setArray(1, c.createArrayOf("text", chunk.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        found += rs.getLong(1);
                    }
                }
            }
            System.out.printf("acknowledged=%d stored=%d missing=%d%n", list.size(), found, list.size() - found);
            if (found != list.size() || errors.get() > 0) {
                System.exit(1);
            }
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
