package pl.ops.swiadczenia.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, point 2: the documented ways to run the service – the README's run command, the container image
 * ({@code src/main/docker/Dockerfile.jvm}), the Kubernetes example ({@code deploy/kubernetes.yaml}) and the load
 * script – start the JVM with {@code -XX:+ExitOnOutOfMemoryError}; the Kubernetes example sets every secret the
 * packaged service refuses to start without (as {@link ProductionSettings} names them), runs as non-root, and probes
 * health endpoints the service really has.
 */
@QuarkusTest
class DeploymentSettingsTest {
    private static final String FLAG = "-XX:+ExitOnOutOfMemoryError";

    private static JsonNode kubernetesDeployment() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (YAMLParser p = new YAMLFactory().createParser(Path.of("deploy/kubernetes.yaml").toFile())) {
            for (JsonNode doc : yaml.readValues(p, JsonNode.class).readAll()) {
                if ("Deployment".equals(doc.path("kind").asText())) {
                    return doc;
                }
            }
        }
        throw new AssertionError("deploy/kubernetes.yaml has no Deployment");
    }

    @Test
    void everyDocumentedJvmStartExitsOnOutOfMemory() throws Exception {
        List<String> starts = new ArrayList<>();
        for (String f : List.of("README.md", "docs/deployment.md", "src/test/load/http-load.sh")) {
            Files.readAllLines(Path.of(f)).stream().filter(l -> l.matches("\\s*\"?\\$?\\{?(JAVA|java)[^ ]*\\s.*-jar\\b.*")
                    || l.matches("^java .*-jar .*")).filter(l -> !l.contains(" audyt ") && !l.contains(" reguly "))
                    .forEach(l -> starts.add(f + ": " + l.trim()));
        }
        assertThat(starts).as("run commands found").isNotEmpty();
        assertThat(starts).allSatisfy(l -> assertThat(l).contains(FLAG));

        String docker = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        Matcher m = Pattern.compile("JAVA_OPTS_APPEND=\"([^\"]*)\"").matcher(docker);
        assertThat(m.find()).as("the image sets JAVA_OPTS_APPEND").isTrue();
        assertThat(m.group(1)).contains(FLAG).contains("MaxRAMPercentage");
        assertThat(docker).contains("USER 185").contains("COPY --chown=185 rules/").contains("RULES_DIR=\"/deployments/rules\"");

        JsonNode container = kubernetesDeployment().at("/spec/template/spec/containers/0");
        String opts = null;
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals("JAVA_OPTS_APPEND")) {
                opts = e.path("value").asText();
            }
        }
        assertThat(opts).as("Kubernetes JAVA_OPTS_APPEND").contains(FLAG);
    }

    @Test
    void kubernetesSetsWhatProductionRequires() throws Exception {
        JsonNode deployment = kubernetesDeployment();
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        Set<String> env = new HashSet<>();
        container.path("env").forEach(e -> env.add(e.path("name").asText()));
        // what the packaged service refuses to start without, named as its start-up message names it
        List<String> required = ProductionSettings.problems(
                new io.smallrye.config.SmallRyeConfigBuilder().build()).stream()
                .map(p -> p.substring(0, p.indexOf(':'))).toList();
        assertThat(required).contains("PESEL_HMAC_KEY", "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        assertThat(env).containsAll(required).contains("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.at("/resources/limits/memory").asText()).isNotBlank();
        // a secret is never written into the manifest itself
        for (JsonNode e : container.path("env")) {
            if (Set.of("PESEL_HMAC_KEY", "QUARKUS_DATASOURCE_PASSWORD").contains(e.path("name").asText())) {
                assertThat(e.has("value")).as(e.path("name").asText() + " from a secret").isFalse();
                assertThat(e.at("/valueFrom/secretKeyRef/name").asText()).isNotBlank();
            }
        }
        // every probe points at a health endpoint the service answers
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            String path = container.at("/" + probe + "/httpGet/path").asText();
            assertThat(path).as(probe).startsWith("/q/health/");
            given().when().get(path).then().statusCode(200);
        }
    }
}
