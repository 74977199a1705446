package pl.ops.swiadczenia.ruleset;

import java.util.List;
import pl.ops.swiadczenia.decyzja.LegalCitation;

/**
 * A rule of a ruleset version as listed to users: stable id, description, the provision it implements and the
 * parameters its conditions and consequence refer to.
 */
public record RuleInfo(String id, String file, String description, String descriptionEn, LegalCitation legalBasis,
                       List<String> parameters) {
}
