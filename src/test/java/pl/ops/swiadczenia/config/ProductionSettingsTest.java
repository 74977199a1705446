package pl.ops.swiadczenia.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** Issue 14, point 4: what a production start requires (the packaged service refuses to start without it). */
class ProductionSettingsTest {
    static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 500)).build();
    }

    @Test
    void aKeyOfItsOwnAndTheTokenIssuersPublicKey() {
        assertThat(ProductionSettings.problems(config(Map.of()))).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("PESEL_HMAC_KEY"))
                .anySatisfy(p -> assertThat(p).startsWith("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        assertThat(ProductionSettings.problems(config(Map.of("pesel.hmac-key", "dev-only-change-me",
                "mp.jwt.verify.publickey.location", "/etc/ops/jwt.pem")))).singleElement().asString().contains("własny");
        assertThat(ProductionSettings.problems(config(Map.of("pesel.hmac-key", "x".repeat(31),
                "mp.jwt.verify.publickey.location", "/etc/ops/jwt.pem")))).singleElement().asString().contains("31 znaków");
        assertThat(ProductionSettings.problems(config(Map.of("pesel.hmac-key", "x".repeat(32),
                "mp.jwt.verify.publickey.location", "/etc/ops/jwt.pem")))).isEmpty();
    }
}
