package pl.ops.swiadczenia.fakty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Section of the application with the facts specific to swiadczenie "Dobry Start" (art. 187a ustawy o wspieraniu
 * rodziny i systemie pieczy zastepczej; rozporzadzenia Rady Ministrow z 30 maja 2018 r. and 15 czerwca 2021 r.).
 * Input fact: rules never modify it. Fields may only be added (old rule versions are replayed against this class).
 */
public class DaneDobryStart implements SekcjaWniosku {
    @Size(max = 30)
    private List<@Valid UczenDobryStart> uczniowie = new ArrayList<>();
    private boolean wniosekWPostaciPapierowej;

    public DaneDobryStart() {
    }

    /** The pupils (dziecko or osoba uczaca sie) the benefit is claimed for, one entry per pupil. */
    public List<UczenDobryStart> getUczniowie() { return uczniowie; }
    public void setUczniowie(List<UczenDobryStart> u) { this.uczniowie = u == null ? new ArrayList<>() : u; }
    /**
     * The application was filed on paper (w postaci papierowej), not electronically. Paper applications were taken
     * from 1 August (2018–2020); since 1 July 2021 (ZUS) only electronic applications are possible.
     */
    public boolean isWniosekWPostaciPapierowej() { return wniosekWPostaciPapierowej; }
    public void setWniosekWPostaciPapierowej(boolean b) { this.wniosekWPostaciPapierowej = b; }

    @Override
    public List<BladPola> bledy(String sciezka, Wniosek w) {
        List<BladPola> out = new ArrayList<>();
        if (uczniowie.isEmpty()) {
            out.add(new BladPola(sciezka + ".uczniowie", "musi zawierać co najmniej jednego ucznia"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < uczniowie.size(); i++) {
            UczenDobryStart u = uczniowie.get(i);
            String p = sciezka + ".uczniowie[" + i + "]";
            if (u == null) {
                out.add(new BladPola(p, "nie może być puste (null)"));
                continue;
            }
            if (!SekcjaWniosku.jestCzlonkiem(w, u.getCzlonekId())) {
                out.add(new BladPola(p + ".czlonekId", "musi być identyfikatorem osoby z listy czlonkowieRodziny"));
            } else if (!ids.add(u.getCzlonekId())) {
                out.add(new BladPola(p + ".czlonekId", "powtarza innego ucznia '" + u.getCzlonekId() + "'"));
            }
            if (u.getRodzajSzkoly() == null) {
                out.add(new BladPola(p + ".rodzajSzkoly", "pole wymagane (" + java.util.Arrays.toString(RodzajSzkoly.values()) + ")"));
            }
        }
        return out;
    }

    /** Kind of school or institution the pupil attends in the school year (rok szkolny). */
    public enum RodzajSzkoly {
        /** Szkola podstawowa (classes I–VIII; before 2017 also classes I–VI). */
        SZKOLA_PODSTAWOWA,
        /** Gimnazjum (until its phasing out). */
        GIMNAZJUM,
        /** Szkola ponadpodstawowa or ponadgimnazjalna (liceum, technikum, szkola branzowa) for youth. */
        SZKOLA_PONADPODSTAWOWA,
        /** Szkola artystyczna in which obowiazek szkolny or obowiazek nauki is fulfilled. */
        SZKOLA_ARTYSTYCZNA,
        /** Mlodziezowy osrodek wychowawczy / socjoterapii, specjalny osrodek szkolno-wychowawczy / wychowawczy, osrodek rewalidacyjno-wychowawczy. */
        OSRODEK_SZKOLNO_WYCHOWAWCZY,
        /** Szkola policealna. */
        SZKOLA_POLICEALNA,
        /** Szkola dla doroslych. */
        SZKOLA_DLA_DOROSLYCH,
        /** Oddzial przedszkolny w szkole podstawowej or przedszkole, incl. roczne przygotowanie przedszkolne ("zerowka"). */
        PRZEDSZKOLE_LUB_ODDZIAL_PRZEDSZKOLNY,
        /** Szkola wyzsza (uczelnia): students. */
        SZKOLA_WYZSZA
    }

    /** One pupil of the application. */
    public static class UczenDobryStart {
        @Size(max = 50)
        private String czlonekId;
        private RodzajSzkoly rodzajSzkoly;
        private boolean orzeczenieOPotrzebieKsztalceniaSpecjalnego;
        private boolean umieszczonyWInstytucjiZapewniajacejPelneUtrzymanie;

        public UczenDobryStart() {
        }

        /** Id of the pupil in czlonkowieRodziny (a child, or the applicant as osoba uczaca sie). */
        public String getCzlonekId() { return czlonekId; }
        public void setCzlonekId(String s) { this.czlonekId = s; }
        /** The school or institution attended from the start of the school year. */
        public RodzajSzkoly getRodzajSzkoly() { return rodzajSzkoly; }
        public void setRodzajSzkoly(RodzajSzkoly r) { this.rodzajSzkoly = r; }
        /**
         * The pupil holds an orzeczenie o potrzebie ksztalcenia specjalnego (or o potrzebie zajec
         * rewalidacyjno-wychowawczych); the disability certificate itself is CzlonekRodziny.orzeczenie.
         */
        public boolean isOrzeczenieOPotrzebieKsztalceniaSpecjalnego() { return orzeczenieOPotrzebieKsztalceniaSpecjalnego; }
        public void setOrzeczenieOPotrzebieKsztalceniaSpecjalnego(boolean b) { this.orzeczenieOPotrzebieKsztalceniaSpecjalnego = b; }
        /**
         * The pupil is placed in a dom pomocy spolecznej, schronisko dla nieletnich, zaklad poprawczy, areszt,
         * zaklad karny, szkola wojskowa or another school or institution giving full maintenance free of charge.
         */
        public boolean isUmieszczonyWInstytucjiZapewniajacejPelneUtrzymanie() { return umieszczonyWInstytucjiZapewniajacejPelneUtrzymanie; }
        public void setUmieszczonyWInstytucjiZapewniajacejPelneUtrzymanie(boolean b) { this.umieszczonyWInstytucjiZapewniajacejPelneUtrzymanie = b; }
    }
}
