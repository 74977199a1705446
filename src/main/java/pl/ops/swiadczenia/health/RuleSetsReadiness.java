package pl.ops.swiadczenia.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import pl.ops.swiadczenia.ruleset.RegistryHolder;

/** Ready when every version folder under the rules directory loaded and compiled. */
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
