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
        @JsonProperty("summary_en") String summaryEn) {

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
