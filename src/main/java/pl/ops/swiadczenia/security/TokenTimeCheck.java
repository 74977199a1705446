package pl.ops.swiadczenia.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a token issued in the future (its {@code iat} later than now plus the allowed clock skew): SmallRye JWT
 * checks the expiry and, with {@code smallrye.jwt.time-to-live}, the lifetime from {@code iat} to {@code exp}, but a
 * token dated ahead would otherwise pass both and stay valid long after it should (issue 14, point 5).
 */
@ApplicationScoped
public class TokenTimeCheck implements SecurityIdentityAugmentor {
    @Inject
    Clock clock;
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    long skewSeconds;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            long iat = jwt.getIssuedAtTime();
            long now = clock.instant().getEpochSecond();
            if (iat <= 0 || iat > now + skewSeconds) {
                return Uni.createFrom().failure(new AuthenticationFailedException("token issued "
                        + (iat <= 0 ? "without iat" : "in the future (iat " + iat + ", now " + now + ")")));
            }
        }
        return Uni.createFrom().item(identity);
    }
}
