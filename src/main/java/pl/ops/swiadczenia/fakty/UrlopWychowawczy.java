package pl.ops.swiadczenia.fakty;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A parent's parental leave (urlop wychowawczy) for one child, as stated in the application (art. 10 u.ś.r.). */
public class UrlopWychowawczy {
    @Size(max = 50)
    private String dzieckoId;
    private LocalDate odDnia;
    private LocalDate doDnia;
    @Min(0)
    @Max(72)
    private int miesiaceDodatkuWykorzystane;
    @Min(0)
    @Max(600)
    private int miesiaceZatrudnieniaPrzedUrlopem;
    private boolean pobieraZasilekMacierzynski;
    private boolean pracaUniemozliwiajacaOpieke;

    public UrlopWychowawczy() {
    }

    /** Id of the child (CzlonekRodziny.id) the leave is taken for. */
    public String getDzieckoId() { return dzieckoId; }
    public void setDzieckoId(String dzieckoId) { this.dzieckoId = dzieckoId; }
    /** First day of the leave. */
    public LocalDate getOdDnia() { return odDnia; }
    public void setOdDnia(LocalDate odDnia) { this.odDnia = odDnia; }
    /** Last day of the leave. */
    public LocalDate getDoDnia() { return doDnia; }
    public void setDoDnia(LocalDate doDnia) { this.doDnia = doDnia; }
    /** Months of this dodatek already received for this child in earlier periods. */
    public int getMiesiaceDodatkuWykorzystane() { return miesiaceDodatkuWykorzystane; }
    public void setMiesiaceDodatkuWykorzystane(int m) { this.miesiaceDodatkuWykorzystane = m; }
    /** Months in an employment relationship directly before the leave (stosunek pracy). */
    public int getMiesiaceZatrudnieniaPrzedUrlopem() { return miesiaceZatrudnieniaPrzedUrlopem; }
    public void setMiesiaceZatrudnieniaPrzedUrlopem(int m) { this.miesiaceZatrudnieniaPrzedUrlopem = m; }
    /** Whether the parent receives zasiłek macierzyński during the leave. */
    public boolean isPobieraZasilekMacierzynski() { return pobieraZasilekMacierzynski; }
    public void setPobieraZasilekMacierzynski(boolean b) { this.pobieraZasilekMacierzynski = b; }
    /** Whether the parent works during the leave in a way that prevents personal care of the child. */
    public boolean isPracaUniemozliwiajacaOpieke() { return pracaUniemozliwiajacaOpieke; }
    public void setPracaUniemozliwiajacaOpieke(boolean b) { this.pracaUniemozliwiajacaOpieke = b; }
}
