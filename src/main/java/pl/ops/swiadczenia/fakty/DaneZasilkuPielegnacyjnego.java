package pl.ops.swiadczenia.fakty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Section of the application with the facts specific to zasilek pielegnacyjny (art. 16 u.s.r.): one entry per
 * person for whom the benefit is claimed (the disabled child, the disabled person over 16, or the person aged 75 or
 * more). Household facts (dataUrodzenia, orzeczenie) stay on {@link CzlonekRodziny}. Input fact: rules never modify
 * it. Fields may only be added (old rule versions are replayed against this class).
 */
public class DaneZasilkuPielegnacyjnego implements SekcjaWniosku {
    @Size(max = 30)
    private List<@Valid Osoba> osoby = new ArrayList<>();

    public DaneZasilkuPielegnacyjnego() {
    }

    /** The persons for whom zasilek pielegnacyjny is claimed (at least one). */
    public List<Osoba> getOsoby() { return osoby; }
    public void setOsoby(List<Osoba> l) { this.osoby = l == null ? new ArrayList<>() : l; }

    /** One person for whom zasilek pielegnacyjny is claimed. */
    public static class Osoba {
        @Size(max = 50)
        private String czlonekId;
        private Boolean niepelnosprawnoscPowstalaPrzed21;
        private boolean uprawnionyDoDodatkuPielegnacyjnego;
        private boolean umieszczonyWInstytucjiZapewniajacejCalodoboweUtrzymanie;
        private boolean swiadczenieNaPielegnacjeZaGranica;
        private LocalDate orzeczenieWazneDo;

        public Osoba() {
        }

        /** Id of the person in wniosek.czlonkowieRodziny (their orzeczenie and dataUrodzenia are read there). */
        public String getCzlonekId() { return czlonekId; }
        public void setCzlonekId(String id) { this.czlonekId = id; }

        /**
         * For a person over 16 with orzeczenie o umiarkowanym stopniu niepelnosprawnosci: the disability arose before
         * the 21st birthday (niepelnosprawnosc powstala w wieku do ukonczenia 21. roku zycia, art. 16 ust. 3);
         * null if not stated.
         */
        public Boolean getNiepelnosprawnoscPowstalaPrzed21() { return niepelnosprawnoscPowstalaPrzed21; }
        public void setNiepelnosprawnoscPowstalaPrzed21(Boolean b) { this.niepelnosprawnoscPowstalaPrzed21 = b; }

        /** The person is entitled to dodatek pielegnacyjny from ZUS/KRUS or another pension body (art. 16 ust. 6). */
        public boolean isUprawnionyDoDodatkuPielegnacyjnego() { return uprawnionyDoDodatkuPielegnacyjnego; }
        public void setUprawnionyDoDodatkuPielegnacyjnego(boolean b) { this.uprawnionyDoDodatkuPielegnacyjnego = b; }

        /**
         * The person is placed in an instytucja zapewniajaca calodobowe utrzymanie (art. 16 ust. 5; art. 3 pkt 7
         * u.s.r.).
         */
        public boolean isUmieszczonyWInstytucjiZapewniajacejCalodoboweUtrzymanie() { return umieszczonyWInstytucjiZapewniajacejCalodoboweUtrzymanie; }
        public void setUmieszczonyWInstytucjiZapewniajacejCalodoboweUtrzymanie(boolean b) { this.umieszczonyWInstytucjiZapewniajacejCalodoboweUtrzymanie = b; }

        /**
         * A family member is entitled abroad to a benefit covering the costs of this person's care, and the
         * coordination rules or a bilateral agreement do not provide otherwise (art. 16 ust. 5a).
         */
        public boolean isSwiadczenieNaPielegnacjeZaGranica() { return swiadczenieNaPielegnacjeZaGranica; }
        public void setSwiadczenieNaPielegnacjeZaGranica(boolean b) { this.swiadczenieNaPielegnacjeZaGranica = b; }

        /**
         * Last day of validity of the orzeczenie when it was issued for a fixed term (termin waznosci orzeczenia);
         * null when issued permanently (na stale). Entitlement ends with the month in which it expires (art. 24
         * ust. 4).
         */
        public LocalDate getOrzeczenieWazneDo() { return orzeczenieWazneDo; }
        public void setOrzeczenieWazneDo(LocalDate d) { this.orzeczenieWazneDo = d; }
    }

    @Override
    public List<BladPola> bledy(String sciezka, Wniosek w) {
        List<BladPola> out = new ArrayList<>();
        if (osoby.isEmpty()) {
            out.add(new BladPola(sciezka + ".osoby", "wymagana co najmniej jedna osoba"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < osoby.size(); i++) {
            Osoba o = osoby.get(i);
            String q = sciezka + ".osoby[" + i + "]";
            if (o == null) {
                out.add(new BladPola(q, "nie może być puste (null)"));
                continue;
            }
            if (!SekcjaWniosku.jestCzlonkiem(w, o.getCzlonekId())) {
                out.add(new BladPola(q + ".czlonekId", "musi być identyfikatorem osoby z listy czlonkowieRodziny"));
            } else if (!ids.add(o.getCzlonekId())) {
                out.add(new BladPola(q + ".czlonekId", "każda osoba może wystąpić tylko raz"));
            }
            if (o.getOrzeczenieWazneDo() != null && o.getOrzeczenieWazneDo().getYear() < 1900) {
                out.add(new BladPola(q + ".orzeczenieWazneDo", "nie może być wcześniejsza niż 1900-01-01"));
            }
        }
        return out;
    }
}
