package pl.ops.swiadczenia.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The packaged service refuses to start without its own secrets (issue 14, point 4): a PESEL key of its own (the
 * development key would let anyone reverse the stored keyed hashes) and the public key of the token issuer. Dev and
 * test modes have their own keys and are not checked.
 */
@ApplicationScoped
public class ProductionSettings {
    /** The development value of {@code pesel.hmac-key}; never accepted in production. */
    public static final String DEV_PESEL_KEY = "dev-only-change-me";
    static final int MIN_PESEL_KEY = 32;

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        List<String> missing = problems(ConfigProvider.getConfig());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Usługa nie uruchomi się bez własnych ustawień bezpieczeństwa / the service "
                    + "does not start without its own secrets:\n  - " + String.join("\n  - ", missing));
        }
    }

    /** What is missing in {@code config} for a production start; empty when nothing is. */
    public static List<String> problems(Config config) {
        List<String> out = new ArrayList<>();
        Optional<String> pesel = config.getOptionalValue("pesel.hmac-key", String.class).filter(s -> !s.isBlank());
        if (pesel.isEmpty() || pesel.get().equals(DEV_PESEL_KEY)) {
            out.add("PESEL_HMAC_KEY: ustaw własny tajny klucz (co najmniej " + MIN_PESEL_KEY + " znaki, np. openssl rand "
                    + "-base64 48) i przechowuj go razem z kopiami bazy / set a secret key of your own");
        } else if (pesel.get().length() < MIN_PESEL_KEY) {
            out.add("PESEL_HMAC_KEY: klucz ma " + pesel.get().length() + " znaków; potrzeba co najmniej " + MIN_PESEL_KEY
                    + " / the key is too short");
        }
        boolean tokenKey = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).filter(s -> !s.isBlank())
                .isPresent() || config.getOptionalValue("mp.jwt.verify.publickey", String.class).filter(s -> !s.isBlank())
                .isPresent();
        if (!tokenKey) {
            out.add("MP_JWT_VERIFY_PUBLICKEY_LOCATION: klucz publiczny wystawcy tokenów (PEM, JWK albo adres URL) / the "
                    + "public key of the token issuer");
        }
        return out;
    }
}
