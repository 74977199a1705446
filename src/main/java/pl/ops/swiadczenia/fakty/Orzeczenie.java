package pl.ops.swiadczenia.fakty;

/** Disability certificate held by a person (orzeczenie o niepełnosprawności / o stopniu niepełnosprawności). */
public enum Orzeczenie {
    BRAK,
    /** Orzeczenie o niepełnosprawności (issued to persons under 16). */
    O_NIEPELNOSPRAWNOSCI,
    /** Orzeczenie o lekkim stopniu niepełnosprawności. */
    LEKKI,
    /** Orzeczenie o umiarkowanym stopniu niepełnosprawności. */
    UMIARKOWANY,
    /** Orzeczenie o znacznym stopniu niepełnosprawności. */
    ZNACZNY
}
