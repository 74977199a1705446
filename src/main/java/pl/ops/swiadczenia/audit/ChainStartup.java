package pl.ops.swiadczenia.audit;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** At start-up, decisions stored before the hash chain existed are chained, oldest first (once). */
@ApplicationScoped
public class ChainStartup {
    private static final Logger LOG = Logger.getLogger(ChainStartup.class);

    @Inject
    DecisionRecordRepository repository;

    void onStart(@Observes StartupEvent e) {
        int n = repository.chainUnchained();
        if (n > 0) {
            LOG.infof("Hash chain: %d decisions stored before the chain existed were chained", n);
        }
    }
}
