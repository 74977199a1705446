package pl.ops.swiadczenia.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import pl.ops.swiadczenia.audit.DecisionRecord;
import pl.ops.swiadczenia.audit.DecisionRecordRepository;
import pl.ops.swiadczenia.decyzja.Evaluation;

/**
 * Decides and stores: evaluates, writes the decision once (exact request bytes, canonical result bytes), and
 * renders stored decisions. The response of POST and of GET are rendered from the same stored bytes.
 */
@ApplicationScoped
public class DecisionService {
    @Inject
    EvaluationService evaluations;
    @Inject
    DecisionRecordRepository repository;
    @Inject
    Clock clock;
    @Inject
    pl.ops.swiadczenia.security.Caller caller;
    @Inject
    PeselKey peselKey;
    @Inject
    pl.ops.swiadczenia.audit.CitationCatalogue catalogue;
    @Inject
    pl.ops.swiadczenia.ruleset.RegistryHolder ruleSets;
    @Inject
    jakarta.enterprise.event.Event<DecisionStored> decisionStored;

    /** Evaluates and stores; returns the stored record. */
    public DecisionRecord decide(EvaluationRequest request, String rawRequestJson) {
        return store(request, rawRequestJson, evaluations.evaluate(request));
    }

    /** Stores an evaluation just made for this request. */
    public DecisionRecord store(EvaluationRequest request, String rawRequestJson, Evaluation e) {
        DecisionRecord r = new DecisionRecord();
        r.id = UUID.randomUUID();
        r.createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        r.benefit = e.benefit();
        r.rulesetId = e.rulesetId();
        r.rulesetVersion = LocalDate.parse(e.rulesetVersion());
        r.rulesetSha256 = e.rulesetSha256();
        r.engineVersion = EngineInfo.VERSION;
        r.legalDate = e.legalDate();
        r.outcome = e.outcome().name();
        r.totalAmount = e.amounts().total();
        r.caseReference = request.caseReference();
        r.requestedBy = caller.subject();
        // PESEL numbers are not kept in clear: the stored request leaves them out (the rules never use them) and
        // each is kept only as a keyed hash, for search
        java.util.Map<String, String> pesels = new java.util.TreeMap<>();
        if (request.wniosek() != null && request.wniosek().getCzlonkowieRodziny() != null) {
            request.wniosek().getCzlonkowieRodziny().forEach(c -> {
                if (c != null && c.getPesel() != null) {
                    pesels.put(c.getId(), peselKey.hmac(c.getPesel()));
                }
            });
        }
        r.requestJson = pesels.isEmpty() ? rawRequestJson : withoutPesel(rawRequestJson);
        StoredForm.Compacted stored = StoredForm.compact(e);
        r.resultJson = stored.json();
        r.releaseId = releaseOf(e);
        DecisionRecord saved = repository.insert(r, pesels, stored.catalogue());
        // committed: a shadow run of an approved draft may evaluate the same request beside it (off this thread)
        decisionStored.fireAsync(new DecisionStored(saved.id, saved.benefit, saved.requestJson, saved.outcome, saved.totalAmount));
        return saved;
    }

    /**
     * The release the evaluation's legal state and modules belong to, as their hashes say (a state's hash covers all
     * that decides in it, so any release holding those hashes replays the decision the same); null when none is
     * recorded.
     */
    private String releaseOf(Evaluation e) {
        String id = ruleSets.releaseOf(e.rulesetId(), e.rulesetSha256());
        for (Evaluation.ModuleUse m : e.modules()) {
            if (id == null || !id.equals(ruleSets.releaseOf(m.rulesetId(), m.rulesetSha256()))) {
                return null;
            }
        }
        return id;
    }

    /** The request JSON without the members' {@code pesel} fields (canonical form). */
    static String withoutPesel(String requestJson) {
        JsonNode tree = CanonicalJson.tree(requestJson);
        tree.path("wniosek").path("czlonkowieRodziny").forEach(m -> {
            if (m instanceof ObjectNode o) {
                o.remove("pesel");
            }
        });
        return CanonicalJson.write(tree);
    }

    public DecisionRecord get(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException ex) {
            throw new DecisionNotFoundException(id);
        }
        return repository.byId(uuid).orElseThrow(() -> new DecisionNotFoundException(id));
    }

    /**
     * The API view of a stored decision: envelope fields, then the stored evaluation's fields, with the citations the
     * stored form refers to written out from the catalogue (service/StoredForm).
     */
    public ObjectNode render(DecisionRecord r) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", r.id.toString());
        out.put("createdAt", r.createdAt.toString());
        out.put("caseReference", r.caseReference);
        out.put("engineVersion", r.engineVersion);
        if (r.releaseId != null) {
            out.put("releaseId", r.releaseId);
        }
        JsonNode result = StoredForm.expand(CanonicalJson.tree(r.resultJson), catalogue::body);
        for (Iterator<Map.Entry<String, JsonNode>> it = result.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            out.set(f.getKey(), f.getValue());
        }
        out.set("display", view(result, CanonicalJson.tree(r.requestJson)));
        return out;
    }

    /**
     * The decision as people read it (service/DecisionView): display names from rules/wspolne/nazwy.yaml, parameter
     * descriptions from the rules the decision was made under (its legal state and modules, by id).
     */
    public ObjectNode view(JsonNode result, JsonNode request) {
        pl.ops.swiadczenia.ruleset.RuleSetRegistry registry = ruleSets.registry();
        java.util.List<pl.ops.swiadczenia.ruleset.RuleSet> used = new java.util.ArrayList<>();
        java.util.List<String> ids = new java.util.ArrayList<>();
        ids.add(result.path("rulesetId").asText());
        result.path("modules").forEach(m -> ids.add(m.path("rulesetId").asText()));
        for (String rid : ids) {
            String[] parts = rid.split("/");
            if (parts.length == 2) {
                try {
                    registry.find(parts[0], LocalDate.parse(parts[1])).ifPresent(used::add);
                } catch (java.time.DateTimeException ignored) {
                    // an id that is not a dated state has no parameters to describe
                }
            }
        }
        return DecisionView.of(result, request, names(registry), (name, pl) -> {
            for (pl.ops.swiadczenia.ruleset.RuleSet rs : used) {
                pl.ops.swiadczenia.fakty.Parametr p = rs.describedParameter(name);
                if (p != null && p.opis() != null) {
                    return pl || p.opisEn() == null ? p.opis() : p.opisEn();
                }
            }
            return null;
        });
    }

    private volatile pl.ops.swiadczenia.ruleset.RuleSetRegistry namesFor;
    private volatile pl.ops.swiadczenia.ruleset.PresentationNames names = pl.ops.swiadczenia.ruleset.PresentationNames.EMPTY;

    /** The display names of the rules in force (rules/wspolne/nazwy.yaml), for other views than a decision's. */
    public pl.ops.swiadczenia.ruleset.PresentationNames presentationNames() {
        return names(ruleSets.registry());
    }

    /** The display names of the registry's rules root, read again when the registry changes (a publication). */
    private pl.ops.swiadczenia.ruleset.PresentationNames names(pl.ops.swiadczenia.ruleset.RuleSetRegistry registry) {
        if (namesFor != registry) {
            synchronized (this) {
                if (namesFor != registry) {
                    names = registry.root() == null ? pl.ops.swiadczenia.ruleset.PresentationNames.EMPTY
                            : pl.ops.swiadczenia.ruleset.PresentationNames.load(registry.root());
                    namesFor = registry;
                }
            }
        }
        return names;
    }
}
