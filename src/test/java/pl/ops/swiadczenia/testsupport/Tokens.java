package pl.ops.swiadczenia.testsupport;

import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import java.util.Set;
import pl.ops.swiadczenia.security.Roles;

/** Bearer tokens for tests, signed with the test key (src/test/resources/jwt), as an identity provider would. */
public final class Tokens {
    public static final String SUITE = "test-suite";

    private Tokens() {
    }

    public static String token(String subject, String... roles) {
        return Jwt.issuer("ops-swiadczenia").subject(subject).groups(Set.of(roles)).expiresIn(3600).sign();
    }

    public static String bearer(String subject, String... roles) {
        return "Bearer " + token(subject, roles);
    }

    /**
     * Every request of the calling test class without its own Authorization header carries a token with all three
     * roles (subject {@value #SUITE}).
     */
    public static void useAllRoles() {
        String token = bearer(SUITE, Roles.SYSTEM, Roles.POLICY, Roles.AUDITOR);
        RestAssured.replaceFiltersWith((req, res, ctx) -> {
            if (!req.getHeaders().hasHeaderWithName("Authorization")) {
                req.header("Authorization", token);
            }
            return ctx.next(req, res);
        });
    }

    /** Requests carry only the headers a test sets itself. */
    public static void none() {
        RestAssured.replaceFiltersWith(java.util.List.of());
    }
}
