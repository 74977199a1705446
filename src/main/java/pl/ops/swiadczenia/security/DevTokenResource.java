package pl.ops.swiadczenia.security;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Dev mode only (absent from the production build): a bearer token for trying the API, signed with the development
 * key. {@code curl 'localhost:8080/dev/token?roles=system,auditor&sub=jan'}.
 */
@IfBuildProfile("dev")
@Path("/dev/token")
public class DevTokenResource {
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String token(@QueryParam("roles") String roles, @QueryParam("sub") String sub) {
        Set<String> groups = Arrays.stream((roles == null ? "system,policy,auditor" : roles).split(","))
                .map(String::trim).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
        return Jwt.issuer("ops-swiadczenia").subject(sub == null ? "dev-user" : sub).groups(groups)
                .expiresIn(8 * 3600).sign();
    }
}
