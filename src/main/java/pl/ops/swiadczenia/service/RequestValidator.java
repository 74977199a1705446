package pl.ops.swiadczenia.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import pl.ops.swiadczenia.fakty.CzlonekRodziny;
import pl.ops.swiadczenia.fakty.Rola;
import pl.ops.swiadczenia.fakty.UrlopWychowawczy;
import pl.ops.swiadczenia.fakty.Wniosek;

/**
 * Checks the input contract before any rule runs, collecting every bad field (never stopping at the first), so a
 * caller gets one 400 naming all of them. Structural checks only: legal conditions belong to the rules.
 */
public final class RequestValidator {
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** Dates after this are not plausible for an application (and would make period computations unbounded). */
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    /** Ids of persons: letters (Polish included), digits, '_', '.', '-'. */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[\\p{L}\\p{N}_.-]{1,50}");
    /** Case references: letters, digits, space and / . _ - : # ( ) — no quotes, angle brackets or control characters. */
    private static final java.util.regex.Pattern CASE_REFERENCE = java.util.regex.Pattern.compile("[\\p{L}\\p{N} /._:#()-]{0,100}");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    private RequestValidator() {
    }

    public static void validate(EvaluationRequest r) {
        List<FieldError> e = new ArrayList<>();
        if (r == null) {
            throw new InvalidRequestException(List.of(new FieldError("$", "request body is required")));
        }
        if (r.benefit() == null || r.benefit().isBlank()) {
            e.add(new FieldError("benefit", "is required"));
        } else if (!r.benefit().matches("[a-z][a-z0-9_]{0,63}")) {
            e.add(new FieldError("benefit", "must be a benefit identifier such as zasilek_rodzinny"));
        }
        if (r.legalDate() == null) {
            e.add(new FieldError("legalDate", "is required (ISO date yyyy-MM-dd)"));
        } else if (r.legalDate().isBefore(EARLIEST)) {
            e.add(new FieldError("legalDate", "must not be before " + EARLIEST));
        } else if (r.legalDate().isAfter(LATEST)) {
            e.add(new FieldError("legalDate", "must not be after " + LATEST));
        }
        if (r.caseReference() != null && r.caseReference().length() > 100) {
            e.add(new FieldError("caseReference", "must have at most 100 characters"));
        } else if (r.caseReference() != null && !CASE_REFERENCE.matcher(r.caseReference()).matches()) {
            e.add(new FieldError("caseReference", "may contain letters, digits, spaces and / . _ - : # ( ) only"));
        }
        Wniosek w = r.wniosek();
        if (w == null) {
            e.add(new FieldError("wniosek", "is required"));
            throw new InvalidRequestException(e);
        }
        if (w.getDataZlozenia() == null) {
            e.add(new FieldError("wniosek.dataZlozenia", "is required"));
        } else {
            if (w.getDataZlozenia().isBefore(EARLIEST)) {
                e.add(new FieldError("wniosek.dataZlozenia", "must not be before " + EARLIEST));
            } else if (w.getDataZlozenia().isAfter(LATEST)) {
                e.add(new FieldError("wniosek.dataZlozenia", "must not be after " + LATEST));
            }
        }
        BigDecimal d = w.getDochodRodzinyRokBazowy();   // required only by income-tested benefits: see validateFor
        if (d != null && d.signum() < 0) {
            e.add(new FieldError("wniosek.dochodRodzinyRokBazowy", "must not be negative"));
        } else if (d != null && d.compareTo(MAX_AMOUNT) > 0) {
            e.add(new FieldError("wniosek.dochodRodzinyRokBazowy", "must not exceed " + MAX_AMOUNT));
        } else if (d != null && d.stripTrailingZeros().scale() > 2) {
            e.add(new FieldError("wniosek.dochodRodzinyRokBazowy", "must have at most 2 decimal places (grosze)"));
        }
        List<CzlonekRodziny> cz = w.getCzlonkowieRodziny();
        if (cz.isEmpty()) {
            e.add(new FieldError("wniosek.czlonkowieRodziny", "must list at least the applicant"));
        } else if (cz.size() > 30) {
            e.add(new FieldError("wniosek.czlonkowieRodziny", "must have at most 30 persons"));
        } else {
            Set<String> ids = new HashSet<>();
            Set<String> children = new HashSet<>();
            int applicants = 0;
            for (int i = 0; i < cz.size(); i++) {
                CzlonekRodziny c = cz.get(i);
                String p = "wniosek.czlonkowieRodziny[" + i + "]";
                if (c == null) {
                    e.add(new FieldError(p, "must not be null"));
                    continue;
                }
                if (c.getId() == null || c.getId().isBlank()) {
                    e.add(new FieldError(p + ".id", "is required"));
                } else if (c.getId().length() > 50) {
                    e.add(new FieldError(p + ".id", "must have at most 50 characters"));
                } else if (!ID.matcher(c.getId()).matches()) {
                    e.add(new FieldError(p + ".id", "may contain letters, digits and _ . - only"));
                } else if (c.getId().matches("\\d{11}")) {
                    e.add(new FieldError(p + ".id", "must not be a PESEL number: use a neutral id (e.g. matka, dziecko1) "
                            + "and put the PESEL in the field pesel"));
                } else if (!ids.add(c.getId())) {
                    e.add(new FieldError(p + ".id", "duplicates another person's id '" + c.getId() + "'"));
                }
                if (c.getPesel() != null) {
                    Pesel.check(p + ".pesel", c.getPesel(), c.getDataUrodzenia(), e);
                }
                if (c.getRola() == null) {
                    e.add(new FieldError(p + ".rola", "is required (WNIOSKODAWCA, MALZONEK, RODZIC_DZIECKA, DZIECKO)"));
                } else if (c.getRola() == Rola.WNIOSKODAWCA) {
                    applicants++;
                } else if (c.getRola() == Rola.DZIECKO && c.getId() != null) {
                    children.add(c.getId());
                }
                if (c.getDataUrodzenia() == null) {
                    e.add(new FieldError(p + ".dataUrodzenia", "is required"));
                } else if (c.getDataUrodzenia().isBefore(EARLIEST)) {
                    e.add(new FieldError(p + ".dataUrodzenia", "must not be before " + EARLIEST));
                } else if (w.getDataZlozenia() != null && c.getDataUrodzenia().isAfter(w.getDataZlozenia())) {
                    e.add(new FieldError(p + ".dataUrodzenia", "must not be after the filing date " + w.getDataZlozenia()));
                }
                if (w.isSamotnieWychowuje() && c.getRola() == Rola.DZIECKO && c.getAlimentyOdDrugiegoRodzica() == null) {
                    e.add(new FieldError(p + ".alimentyOdDrugiegoRodzica",
                            "is required for each child when samotnieWychowuje is true"));
                }
            }
            if (applicants != 1) {
                e.add(new FieldError("wniosek.czlonkowieRodziny", "must contain exactly one person with rola WNIOSKODAWCA (found " + applicants + ")"));
            }
            for (int i = 0; i < cz.size(); i++) {
                CzlonekRodziny c = cz.get(i);
                UrlopWychowawczy u = c == null ? null : c.getUrlopWychowawczy();
                if (u == null) {
                    continue;
                }
                String p = "wniosek.czlonkowieRodziny[" + i + "].urlopWychowawczy";
                if (c.getRola() == Rola.DZIECKO) {
                    e.add(new FieldError(p, "is allowed only for a parent, not for a child"));
                }
                if (u.getDzieckoId() == null || !children.contains(u.getDzieckoId())) {
                    e.add(new FieldError(p + ".dzieckoId", "must be the id of a child (rola DZIECKO) in czlonkowieRodziny"));
                }
                if (u.getOdDnia() == null) {
                    e.add(new FieldError(p + ".odDnia", "is required"));
                }
                if (u.getDoDnia() == null) {
                    e.add(new FieldError(p + ".doDnia", "is required"));
                }
                if (u.getOdDnia() != null && u.getDoDnia() != null && u.getDoDnia().isBefore(u.getOdDnia())) {
                    e.add(new FieldError(p + ".doDnia", "must not be before odDnia"));
                }
                if (u.getMiesiaceDodatkuWykorzystane() < 0 || u.getMiesiaceDodatkuWykorzystane() > 1000) {
                    e.add(new FieldError(p + ".miesiaceDodatkuWykorzystane", "must be between 0 and 1000"));
                }
                if (u.getMiesiaceZatrudnieniaPrzedUrlopem() < 0 || u.getMiesiaceZatrudnieniaPrzedUrlopem() > 1000) {
                    e.add(new FieldError(p + ".miesiaceZatrudnieniaPrzedUrlopem", "must be between 0 and 1000"));
                }
            }
        }
        for (var sekcja : w.sekcje().entrySet()) {
            for (var b : sekcja.getValue().bledy("wniosek." + sekcja.getKey(), w)) {
                e.add(new FieldError(b.pole(), b.komunikat()));
            }
        }
        if (!e.isEmpty()) {
            throw new InvalidRequestException(e);
        }
    }

    /** The input requirements a benefit's manifest declares (checked once its version is selected). */
    public static void validateFor(pl.ops.swiadczenia.ruleset.RuleSet rs, EvaluationRequest r) {
        List<FieldError> e = new ArrayList<>();
        Wniosek w = r.wniosek();
        var input = rs.manifest().input();
        if (input.requiresIncome() && w.getDochodRodzinyRokBazowy() == null) {
            e.add(new FieldError("wniosek.dochodRodzinyRokBazowy",
                    "is required for " + rs.benefit() + " (family income in the base year, PLN)"));
        }
        for (var sekcja : w.sekcje().entrySet()) {
            for (var b : sekcja.getValue().bledyDla(rs.benefit(), "wniosek." + sekcja.getKey(), w)) {
                e.add(new FieldError(b.pole(), b.komunikat()));
            }
        }
        if (input.requiresSection() != null && !w.sekcje().containsKey(input.requiresSection())) {
            e.add(new FieldError("wniosek." + input.requiresSection(), "is required for " + rs.benefit()));
        }
        if (input.legalDateNotBeforeFilingMonth() && w.getDataZlozenia() != null
                && r.legalDate().isBefore(w.getDataZlozenia().withDayOfMonth(1))) {
            e.add(new FieldError("legalDate", "must not be before the month the application was filed ("
                    + w.getDataZlozenia() + "): for " + rs.benefit()
                    + " entitlement is established from the filing month at the earliest"));
        }
        if (!e.isEmpty()) {
            throw new InvalidRequestException(e);
        }
    }
}
