package pl.ops.swiadczenia.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keyed hash (HMAC-SHA-256) under which PESEL numbers are kept for search: without the key (config
 * {@code pesel.hmac-key}, env PESEL_HMAC_KEY) the stored hashes cannot be turned back into numbers by trying all
 * valid PESELs.
 */
@ApplicationScoped
public class PeselKey {
    @ConfigProperty(name = "pesel.hmac-key")
    java.util.Optional<String> configured;

    public String hmac(String pesel) {
        String key = configured.filter(k -> !k.isBlank()).orElseThrow(() ->
                new IllegalStateException("pesel.hmac-key (PESEL_HMAC_KEY) is not set"));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(pesel.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
