package pl.ops.swiadczenia.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import pl.ops.swiadczenia.ruleset.RegistryHolder;

/**
 * Ready when every benefit's dated history under the rules directory loaded and its legal states compiled, with none
 * failing. Data: {@code versions} = the legal states loaded, {@code invalid} = the histories that failed (each listed
 * with its errors by benefit name).
 */
@Readiness
@ApplicationScoped
public class RuleSetsReadiness implements HealthCheck {
    @Inject
    RegistryHolder ruleSets;

    @Override
    public HealthCheckResponse call() {
        var reg = ruleSets.registry();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("rulesets")
                .withData("directory", reg.root().toString())
                .withData("versions", reg.all().size())
                .withData("invalid", reg.failures().size());
        reg.failures().forEach(b::withData);
        return b.status(!reg.all().isEmpty() && reg.failures().isEmpty()).build();
    }
}
