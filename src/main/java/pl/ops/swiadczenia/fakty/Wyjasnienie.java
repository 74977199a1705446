package pl.ops.swiadczenia.fakty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The explanation being built during one evaluation, available to rules as the global {@code wyjasnienie}.
 * A rule's consequence calls {@link #krok} to record what it found; the engine tells this object which rule is
 * firing, so the step carries that rule's id, and the parameters read during the consequence.
 */
public class Wyjasnienie {
    /** A recorded step before the engine attaches citations. */
    public record Krok(String regula, String tekstPl, String tekstEn, Map<String, Object> wartosci,
                       List<Parametr> parametry) {
    }

    private final List<Krok> kroki = new ArrayList<>();
    private String biezacaRegula;
    private int pierwszyKrokReguly;
    private final Set<Parametr> parametryBiezace = new LinkedHashSet<>();

    /**
     * Records a step. {@code wartosci} are key/value pairs ("dochodNaOsobe", 702.00, …) shown beside the text.
     */
    public void krok(String tekstPl, String tekstEn, Object... wartosci) {
        if (wartosci.length % 2 != 0) {
            throw new IllegalArgumentException("values must be key/value pairs");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < wartosci.length; i += 2) {
            m.put(String.valueOf(wartosci[i]), wartosci[i + 1]);
        }
        kroki.add(new Krok(biezacaRegula, tekstPl, tekstEn, m, new ArrayList<>(parametryBiezace)));
    }

    /** Engine hook: a rule's consequence starts. */
    public void rozpocznijRegule(String regula) {
        this.biezacaRegula = regula;
        this.pierwszyKrokReguly = kroki.size();
        this.parametryBiezace.clear();
    }

    /** Engine hook: the parameter values the firing consequence has read so far (dated series values included). */
    public List<Parametr> parametryReguly() {
        return parametryBiezace.isEmpty() ? List.of() : List.copyOf(parametryBiezace);
    }

    /** Engine hook: the consequence ended. */
    public void zakonczRegule() {
        // every step of this firing cites all parameters its consequence read, wherever the read happened
        for (int i = pierwszyKrokReguly; i < kroki.size(); i++) {
            Krok k = kroki.get(i);
            kroki.set(i, new Krok(k.regula(), k.tekstPl(), k.tekstEn(), k.wartosci(), new ArrayList<>(parametryBiezace)));
        }
        this.biezacaRegula = null;
        this.parametryBiezace.clear();
    }

    void uzytoParametru(Parametr p) {
        if (biezacaRegula != null) {
            parametryBiezace.add(p);
        }
    }

    public List<Krok> getKroki() {
        return kroki;
    }
}
