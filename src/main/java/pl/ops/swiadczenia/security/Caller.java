package pl.ops.swiadczenia.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.TreeSet;
import pl.ops.swiadczenia.audit.DecisionRecord;

/** The caller of the current request, from the verified bearer token. */
@RequestScoped
public class Caller {
    @Inject
    SecurityIdentity identity;

    /** The token's subject (its {@code sub}/{@code upn}), or null when anonymous. */
    public String subject() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public String roles() {
        return String.join(",", new TreeSet<>(identity.getRoles()));
    }

    public boolean isAuditor() {
        return identity.hasRole(Roles.AUDITOR);
    }

    /** Auditors read every decision; a requesting system only its own. */
    public boolean mayRead(DecisionRecord r) {
        return isAuditor() || (subject() != null && subject().equals(r.requestedBy));
    }
}
