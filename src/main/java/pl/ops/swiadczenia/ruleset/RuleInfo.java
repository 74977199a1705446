package pl.ops.swiadczenia.ruleset;

import pl.ops.swiadczenia.decyzja.LegalCitation;

/** A rule of a ruleset version as listed to users: stable id, description and the provision it implements. */
public record RuleInfo(String id, String file, String description, String descriptionEn, LegalCitation legalBasis) {
}
