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
            throw new InvalidRequestException(List.of(new FieldError("$", "treść żądania jest wymagana")));
        }
        if (r.benefit() == null || r.benefit().isBlank()) {
            e.add(new FieldError("benefit", "pole wymagane"));
        } else if (!r.benefit().matches("[a-z][a-z0-9_]{0,63}")) {
            e.add(new FieldError("benefit", "musi być identyfikatorem świadczenia, np. zasilek_rodzinny"));
        }
        if (r.legalDate() == null) {
            e.add(new FieldError("legalDate", "pole wymagane (data w formacie RRRR-MM-DD)"));
        } else if (r.legalDate().isBefore(EARLIEST)) {
            e.add(new FieldError("legalDate", "nie może być wcześniejsza niż " + EARLIEST));
        } else if (r.legalDate().isAfter(LATEST)) {
            e.add(new FieldError("legalDate", "nie może być późniejsza niż " + LATEST));
        }
        if (r.caseReference() != null && r.caseReference().length() > 100) {
            e.add(new FieldError("caseReference", "za długi tekst: dozwolone najwyżej 100 znaków"));
        } else if (r.caseReference() != null && !CASE_REFERENCE.matcher(r.caseReference()).matches()) {
            e.add(new FieldError("caseReference", "może zawierać tylko litery, cyfry, spacje oraz / . _ - : # ( )"));
        }
        Wniosek w = r.wniosek();
        if (w == null) {
            e.add(new FieldError("wniosek", "pole wymagane"));
            throw new InvalidRequestException(e);
        }
        if (w.getDataZlozenia() == null) {
            e.add(new FieldError("wniosek.dataZlozenia", "pole wymagane"));
        } else {
            if (w.getDataZlozenia().isBefore(EARLIEST)) {
                e.add(new FieldError("wniosek.dataZlozenia", "nie może być wcześniejsza niż " + EARLIEST));
            } else if (w.getDataZlozenia().isAfter(LATEST)) {
                e.add(new FieldError("wniosek.dataZlozenia", "nie może być późniejsza niż " + LATEST));
            }
        }
        BigDecimal d = w.getDochodRodzinyRokBazowy();   // required only by income-tested benefits: see validateFor
        if (d != null && d.signum() < 0) {
            e.add(new FieldError("wniosek.dochodRodzinyRokBazowy", "wartość nie może być ujemna"));
        } else if (d != null && d.compareTo(MAX_AMOUNT) > 0) {
            e.add(new FieldError("wniosek.dochodRodzinyRokBazowy", "nie może przekraczać " + MAX_AMOUNT));
        } else if (d != null && d.stripTrailingZeros().scale() > 2) {
            e.add(new FieldError("wniosek.dochodRodzinyRokBazowy", "najwyżej 2 miejsca po przecinku (grosze)"));
        }
        List<CzlonekRodziny> cz = w.getCzlonkowieRodziny();
        if (cz.isEmpty()) {
            e.add(new FieldError("wniosek.czlonkowieRodziny", "musi zawierać co najmniej wnioskodawcę"));
        } else if (cz.size() > 30) {
            e.add(new FieldError("wniosek.czlonkowieRodziny", "za dużo osób: dozwolone najwyżej 30"));
        } else {
            Set<String> ids = new HashSet<>();
            Set<String> children = new HashSet<>();
            int applicants = 0;
            for (int i = 0; i < cz.size(); i++) {
                CzlonekRodziny c = cz.get(i);
                String p = "wniosek.czlonkowieRodziny[" + i + "]";
                if (c == null) {
                    e.add(new FieldError(p, "nie może być puste (null)"));
                    continue;
                }
                if (c.getId() == null || c.getId().isBlank()) {
                    e.add(new FieldError(p + ".id", "pole wymagane"));
                } else if (c.getId().length() > 50) {
                    e.add(new FieldError(p + ".id", "za długi tekst: dozwolone najwyżej 50 znaków"));
                } else if (!ID.matcher(c.getId()).matches()) {
                    e.add(new FieldError(p + ".id", "może zawierać tylko litery, cyfry oraz _ . -"));
                } else if (c.getId().matches("\\d{11}")) {
                    e.add(new FieldError(p + ".id", "nie może być numerem PESEL: użyj neutralnego identyfikatora (np. matka, dziecko1), "
                            + "a PESEL podaj w polu pesel"));
                } else if (!ids.add(c.getId())) {
                    e.add(new FieldError(p + ".id", "powtarza identyfikator innej osoby '" + c.getId() + "'"));
                }
                if (c.getPesel() != null) {
                    Pesel.check(p + ".pesel", c.getPesel(), c.getDataUrodzenia(), e);
                }
                if (c.getRola() == null) {
                    e.add(new FieldError(p + ".rola", "pole wymagane (WNIOSKODAWCA, MALZONEK, RODZIC_DZIECKA, DZIECKO)"));
                } else if (c.getRola() == Rola.WNIOSKODAWCA) {
                    applicants++;
                } else if (c.getRola() == Rola.DZIECKO && c.getId() != null) {
                    children.add(c.getId());
                }
                if (c.getDataUrodzenia() == null) {
                    e.add(new FieldError(p + ".dataUrodzenia", "pole wymagane"));
                } else if (c.getDataUrodzenia().isBefore(EARLIEST)) {
                    e.add(new FieldError(p + ".dataUrodzenia", "nie może być wcześniejsza niż " + EARLIEST));
                } else if (w.getDataZlozenia() != null && c.getDataUrodzenia().isAfter(w.getDataZlozenia())) {
                    e.add(new FieldError(p + ".dataUrodzenia", "nie może być późniejsza niż data złożenia wniosku " + w.getDataZlozenia()));
                }
                if (w.isSamotnieWychowuje() && c.getRola() == Rola.DZIECKO && c.getAlimentyOdDrugiegoRodzica() == null) {
                    e.add(new FieldError(p + ".alimentyOdDrugiegoRodzica",
                            "pole wymagane dla każdego dziecka, gdy samotnieWychowuje ma wartość true"));
                }
            }
            if (applicants != 1) {
                e.add(new FieldError("wniosek.czlonkowieRodziny", "musi zawierać dokładnie jedną osobę z rolą WNIOSKODAWCA (jest: " + applicants + ")"));
            }
            for (int i = 0; i < cz.size(); i++) {
                CzlonekRodziny c = cz.get(i);
                UrlopWychowawczy u = c == null ? null : c.getUrlopWychowawczy();
                if (u == null) {
                    continue;
                }
                String p = "wniosek.czlonkowieRodziny[" + i + "].urlopWychowawczy";
                if (c.getRola() == Rola.DZIECKO) {
                    e.add(new FieldError(p, "dozwolone tylko dla rodzica, nie dla dziecka"));
                }
                if (u.getDzieckoId() == null || !children.contains(u.getDzieckoId())) {
                    e.add(new FieldError(p + ".dzieckoId", "musi być identyfikatorem dziecka (rola DZIECKO) z listy czlonkowieRodziny"));
                }
                if (u.getOdDnia() == null) {
                    e.add(new FieldError(p + ".odDnia", "pole wymagane"));
                }
                if (u.getDoDnia() == null) {
                    e.add(new FieldError(p + ".doDnia", "pole wymagane"));
                }
                if (u.getOdDnia() != null && u.getDoDnia() != null && u.getDoDnia().isBefore(u.getOdDnia())) {
                    e.add(new FieldError(p + ".doDnia", "nie może być wcześniejsza niż odDnia"));
                }
                if (u.getMiesiaceDodatkuWykorzystane() < 0 || u.getMiesiaceDodatkuWykorzystane() > 1000) {
                    e.add(new FieldError(p + ".miesiaceDodatkuWykorzystane", "dozwolone od 0 do 1000"));
                }
                if (u.getMiesiaceZatrudnieniaPrzedUrlopem() < 0 || u.getMiesiaceZatrudnieniaPrzedUrlopem() > 1000) {
                    e.add(new FieldError(p + ".miesiaceZatrudnieniaPrzedUrlopem", "dozwolone od 0 do 1000"));
                }
            }
        }
        for (var sekcja : w.sekcje().entrySet()) {
            for (var b : sekcja.getValue().bledy("wniosek." + sekcja.getKey(), w)) {
                e.add(new FieldError(b.pole(), b.komunikat()));
            }
        }
        // the range each field declares (fakty, Bean Validation): it replaces any other message on the same field
        List<FieldError> bounds = InputBounds.check("wniosek", w);
        if (!bounds.isEmpty()) {
            Set<String> bounded = new HashSet<>();
            bounds.forEach(b -> bounded.add(b.field()));
            e.removeIf(f -> bounded.contains(f.field()));
            e.addAll(bounds);
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
                    "pole wymagane dla świadczenia " + rs.benefit() + " (dochód rodziny w roku bazowym, zł)"));
        }
        for (var sekcja : w.sekcje().entrySet()) {
            for (var b : sekcja.getValue().bledyDla(rs.benefit(), "wniosek." + sekcja.getKey(), w)) {
                e.add(new FieldError(b.pole(), b.komunikat()));
            }
        }
        if (input.requiresSection() != null && !w.sekcje().containsKey(input.requiresSection())) {
            e.add(new FieldError("wniosek." + input.requiresSection(), "pole wymagane dla świadczenia " + rs.benefit()));
        }
        if (input.legalDateNotBeforeFilingMonth() && w.getDataZlozenia() != null
                && r.legalDate().isBefore(w.getDataZlozenia().withDayOfMonth(1))) {
            e.add(new FieldError("legalDate", "nie może być wcześniejsza niż miesiąc złożenia wniosku ("
                    + w.getDataZlozenia() + "): prawo do świadczenia " + rs.benefit()
                    + " ustala się najwcześniej od miesiąca złożenia wniosku"));
        }
        if (!e.isEmpty()) {
            throw new InvalidRequestException(e);
        }
    }
}
