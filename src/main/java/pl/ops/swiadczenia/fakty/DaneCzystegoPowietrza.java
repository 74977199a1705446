package pl.ops.swiadczenia.fakty;

/**
 * Section of the application with the facts specific to zaświadczenia o przeciętnym miesięcznym dochodzie dla programu „Czyste Powietrze”. Input fact: rules never modify it. Fields may only
 * be added (old rule versions are replayed against this class).
 */
public class DaneCzystegoPowietrza implements SekcjaWniosku {
    public DaneCzystegoPowietrza() {
    }
}
