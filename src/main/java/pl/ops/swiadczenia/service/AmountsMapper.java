package pl.ops.swiadczenia.service;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import pl.ops.swiadczenia.decyzja.Amounts;
import pl.ops.swiadczenia.engine.EngineResult;
import pl.ops.swiadczenia.fakty.Kwoty;
import pl.ops.swiadczenia.fakty.PozycjaKwoty;
import pl.ops.swiadczenia.fakty.Wyplata;

/** Arranges the engine's amount facts into the API's amounts (schedule, components, per child). Benefit-agnostic. */
final class AmountsMapper {
    private AmountsMapper() {
    }

    static Amounts map(EngineResult r) {
        Map<YearMonth, List<Amounts.Item>> byMonth = new TreeMap<>();
        Map<String, BigDecimal> perChild = new TreeMap<>();
        BigDecimal total = Kwoty.zero();
        for (Wyplata w : r.payments()) {
            byMonth.computeIfAbsent(w.getMiesiac(), m -> new ArrayList<>())
                    .add(new Amounts.Item(w.getSkladnik(), w.getCzlonekId(), w.getKwota()));
            total = total.add(w.getKwota());
            if (w.getCzlonekId() != null) {
                perChild.merge(w.getCzlonekId(), w.getKwota(), BigDecimal::add);
            }
        }
        List<Amounts.MonthAmount> monthly = new ArrayList<>();
        byMonth.forEach((m, items) -> monthly.add(new Amounts.MonthAmount(m,
                Kwoty.suma(items.stream().map(Amounts.Item::amount).toList()), List.copyOf(items))));

        Map<String, List<PozycjaKwoty>> groups = new LinkedHashMap<>();
        r.entitlements().stream()
                .sorted((a, b) -> {
                    int c = a.getSkladnik().compareTo(b.getSkladnik());
                    return c != 0 ? c : Objects.requireNonNullElse(a.getCzlonekId(), "")
                            .compareTo(Objects.requireNonNullElse(b.getCzlonekId(), ""));
                })
                .forEach(p -> groups.computeIfAbsent(p.getSkladnik() + "\u0000"
                        + Objects.requireNonNullElse(p.getCzlonekId(), ""), k -> new ArrayList<>()).add(p));
        List<Amounts.ComponentAmount> components = new ArrayList<>();
        for (List<PozycjaKwoty> g : groups.values()) {
            BigDecimal min = g.stream().map(PozycjaKwoty::getKwota).min(BigDecimal::compareTo).orElseThrow();
            BigDecimal max = g.stream().map(PozycjaKwoty::getKwota).max(BigDecimal::compareTo).orElseThrow();
            components.add(new Amounts.ComponentAmount(g.get(0).getSkladnik(), g.get(0).getCzlonekId(),
                    (int) g.stream().map(PozycjaKwoty::getMiesiac).distinct().count(), min, max,
                    Kwoty.suma(g.stream().map(PozycjaKwoty::getKwota).toList())));
        }
        List<Amounts.ChildAmount> children = new ArrayList<>();
        perChild.forEach((id, sum) -> children.add(new Amounts.ChildAmount(id, Kwoty.grosze(sum))));
        return new Amounts("PLN", Kwoty.grosze(total), List.copyOf(monthly), List.copyOf(components), List.copyOf(children));
    }
}
