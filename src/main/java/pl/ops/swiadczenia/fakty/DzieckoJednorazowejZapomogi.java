package pl.ops.swiadczenia.fakty;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * One child for which the jednorazowa zapomoga z tytulu urodzenia sie dziecka (art. 15b u.s.r.) is claimed, keyed by
 * {@code dzieckoId} (the child's {@link CzlonekRodziny#getId()}). Input fact: rules never modify it; fields may only
 * be added.
 */
public class DzieckoJednorazowejZapomogi {
    @Size(max = 50)
    private String dzieckoId;
    private LocalDate dataObjeciaOpiekaAlboPrzysposobienia;
    private boolean opiekaNaprzemienna;
    private boolean zapomogaPrzyznanaWczesniej;

    public DzieckoJednorazowejZapomogi() {
    }

    /** Id of the child in czlonkowieRodziny (rola DZIECKO). */
    public String getDzieckoId() { return dzieckoId; }
    public void setDzieckoId(String s) { this.dzieckoId = s; }

    /**
     * For a child under legal or factual care (opieka prawna, opieka faktyczna) or adopted (przysposobione): the day
     * the child was taken into care or adopted (dzien objecia dziecka opieka albo przysposobienia); the 12-month
     * deadline of art. 15b runs from this day. Required when the child is przysposobioneLubObjeteOpieka.
     */
    public LocalDate getDataObjeciaOpiekaAlboPrzysposobienia() { return dataObjeciaOpiekaAlboPrzysposobienia; }
    public void setDataObjeciaOpiekaAlboPrzysposobienia(LocalDate d) { this.dataObjeciaOpiekaAlboPrzysposobienia = d; }

    /**
     * For a child of a single parent without an alimony title: by a court ruling the child is in alternating custody
     * of both parents (opieka naprzemienna) in comparable and recurring periods, an exception to the alimony-title
     * condition.
     */
    public boolean isOpiekaNaprzemienna() { return opiekaNaprzemienna; }
    public void setOpiekaNaprzemienna(boolean b) { this.opiekaNaprzemienna = b; }

    /** The zapomoga for this child has already been granted (to this or another person); it is due once per child. */
    public boolean isZapomogaPrzyznanaWczesniej() { return zapomogaPrzyznanaWczesniej; }
    public void setZapomogaPrzyznanaWczesniej(boolean b) { this.zapomogaPrzyznanaWczesniej = b; }
}
