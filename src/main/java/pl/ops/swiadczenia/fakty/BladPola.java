package pl.ops.swiadczenia.fakty;

/** An input error found by a section of the application: the JSON path of the field and why it is wrong. */
public record BladPola(String pole, String komunikat) {
}
