package pl.ops.swiadczenia.ruleset;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The manifest ({@code benefit.yaml}) of a benefit written as one dated history ({@code rules/<benefit>/}), or of a
 * shared legal concept ({@code rules/wspolne/<concept>/}): names, acts, the periods in which the benefit exists,
 * what it reads from the application, the concepts it uses, and one entry per date on which its law changed.
 *
 * <p>The legal state on a date is derived: the logic folder in force on that date plus each parameter's value on
 * that date (docs/adr/0014-law-as-data.md).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record BenefitManifest(
        @JsonProperty("benefit") String benefit,
        @JsonProperty("kind") RuleSetManifest.Kind kind,
        @JsonProperty("name") String name,
        @JsonProperty("name_en") String nameEn,
        @JsonProperty("rule_style") RuleStyle ruleStyle,
        @JsonProperty("modules") List<ModuleUse> modules,
        @JsonProperty("uses") List<String> uses,
        @JsonProperty("input") RuleSetManifest.Input input,
        @JsonProperty("acts") List<RuleSetManifest.Act> acts,
        @JsonProperty("periods") List<Period> periods,
        @JsonProperty("changes") Map<LocalDate, Change> changes) {

    public BenefitManifest {
        kind = kind == null ? RuleSetManifest.Kind.BENEFIT : kind;
        ruleStyle = ruleStyle == null ? RuleStyle.STRICT : ruleStyle;
        modules = modules == null ? List.of() : List.copyOf(modules);
        uses = uses == null ? List.of() : List.copyOf(uses);
        input = input == null ? new RuleSetManifest.Input(false, false, null) : input;
        acts = acts == null ? List.of() : List.copyOf(acts);
        periods = periods == null ? List.of() : List.copyOf(periods);
        changes = changes == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(changes));
    }

    /**
     * How the rules of the benefit are written. {@code strict}: rules derive facts, explanations come from templates,
     * no Java statements beyond inserting facts (the target form). {@code legacy}: rule bodies carried over from the
     * version-folder representation, still building their explanation in the consequence; checked for safety only,
     * to be rewritten.
     */
    public enum RuleStyle {
        @JsonProperty("strict") STRICT,
        @JsonProperty("legacy") LEGACY
    }

    /**
     * A shared module (e.g. dochod_rodziny) run before the benefit, in force for the benefit from/to the given dates
     * (both optional): written as a plain name, or as {@code {name, from, to}} when the law used it only for a time.
     */
    public record ModuleUse(String name, LocalDate from, LocalDate to) {
        @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
        public static ModuleUse of(String name) {
            return new ModuleUse(name, null, null);
        }

        @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.PROPERTIES)
        public ModuleUse(@JsonProperty("name") String name, @JsonProperty("from") LocalDate from,
                         @JsonProperty("to") LocalDate to) {
            this.name = name;
            this.from = from;
            this.to = to;
        }

        public boolean covers(LocalDate d) {
            return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
        }
    }

    /** The names of the modules in force for the benefit on a date. */
    public List<String> modulesOn(LocalDate d) {
        return modules.stream().filter(m -> m.covers(d)).map(ModuleUse::name).toList();
    }

    /** A period in which the benefit exists: from its first day to its last (null: open-ended). */
    public record Period(@JsonProperty("from") LocalDate from, @JsonProperty("to") LocalDate to) {
        public boolean covers(LocalDate d) {
            return !d.isBefore(from) && (to == null || !d.isAfter(to));
        }
    }

    /**
     * What changed on a date: every date on which a logic folder or a parameter value takes effect has one. A draft
     * change is compiled and can be validated and analysed, but is never used to decide.
     */
    public record Change(
            @JsonProperty("summary") String summary,
            @JsonProperty("summary_en") String summaryEn,
            @JsonProperty("status") RuleSetManifest.Status status) {
        public Change {
            status = status == null ? RuleSetManifest.Status.RELEASED : status;
        }

        public boolean draft() {
            return status == RuleSetManifest.Status.DRAFT;
        }
    }
}
