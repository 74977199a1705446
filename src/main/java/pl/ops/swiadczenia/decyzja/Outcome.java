package pl.ops.swiadczenia.decyzja;

/** The outcome of a decision. */
public enum Outcome {
    /** Przyznano: the benefit is granted (possibly in a reduced amount). */
    GRANTED,
    /** Odmowa: the benefit is refused; the explanation says which condition failed and by how much. */
    REFUSED
}
