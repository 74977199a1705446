package pl.ops.swiadczenia.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The wall clock, used only for record timestamps and for "the version in force today" in what-if replays —
 * never inside an evaluation, whose legal date is always an input.
 */
@ApplicationScoped
public class ClockProducer {
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
