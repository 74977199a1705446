package pl.ops.swiadczenia.ruleset;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * The manifest ({@code ruleset.yaml}) of one ruleset version: which benefit, from when, its status, the legal
 * acts it rests on and what changed. Read with snake_case keys.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record RuleSetManifest(
        @JsonProperty("benefit") String benefit,
        @JsonProperty("version") LocalDate version,
        @JsonProperty("effective_from") LocalDate effectiveFrom,
        @JsonProperty("effective_to") LocalDate effectiveTo,
        @JsonProperty("status") Status status,
        @JsonProperty("legal_basis") List<Act> legalBasis,
        @JsonProperty("summary") String summary,
        @JsonProperty("summary_en") String summaryEn,
        @JsonProperty("kind") Kind kind,
        @JsonProperty("modules") List<String> modules,
        @JsonProperty("input") Input input) {

    public RuleSetManifest {
        kind = kind == null ? Kind.BENEFIT : kind;
        modules = modules == null ? List.of() : List.copyOf(modules);
        input = input == null ? new Input(false, false, null) : input;
    }

    /** A benefit is decided; a module (e.g. dochod_rodziny) is run first for the benefits that list it. */
    public enum Kind {
        @JsonProperty("benefit") BENEFIT,
        @JsonProperty("module") MODULE,
        /** A shared legal concept (rules/wspolne/): its rules run inside each benefit that uses it. */
        @JsonProperty("concept") CONCEPT
    }

    /**
     * Structural input requirements of the benefit, checked before the rules run (400 when not met).
     *
     * @param requiresIncome the base-year family income (wniosek.dochodRodzinyRokBazowy) is required
     * @param legalDateNotBeforeFilingMonth the legal date is the first day of entitlement, which cannot precede the
     *                                      month of filing
     * @param requiresSection the benefit-specific section of the application that must be present (its JSON name,
     *                        e.g. "funduszAlimentacyjny"), or null
     */
    public record Input(
            @JsonProperty("requires_income") boolean requiresIncome,
            @JsonProperty("legal_date_not_before_filing_month") boolean legalDateNotBeforeFilingMonth,
            @JsonProperty("requires_section") String requiresSection) {
    }

    /** Lifecycle of a version: drafts are compiled and listed but never selected for decisions. */
    public enum Status {
        @JsonProperty("draft") DRAFT,
        @JsonProperty("released") RELEASED
    }

    /** A legal act the version rests on; {@code id} is what rule metadata {@code @act("…")} refers to. */
    public record Act(
            @JsonProperty("id") String id,
            @JsonProperty("title") String title,
            @JsonProperty("title_en") String titleEn,
            @JsonProperty("cite_as") String citeAs,
            @JsonProperty("cite_as_en") String citeAsEn,
            @JsonProperty("official_journal") String officialJournal,
            @JsonProperty("href") String href) {
    }
}
