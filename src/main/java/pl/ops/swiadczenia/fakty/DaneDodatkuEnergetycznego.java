package pl.ops.swiadczenia.fakty;

/**
 * Section of the application with the facts specific to dodatku energetycznego (ustawa – Prawo energetyczne, art. 5c–5d). Input fact: rules never modify it. Fields may only
 * be added (old rule versions are replayed against this class).
 */
public class DaneDodatkuEnergetycznego implements SekcjaWniosku {
    public DaneDodatkuEnergetycznego() {
    }
}
