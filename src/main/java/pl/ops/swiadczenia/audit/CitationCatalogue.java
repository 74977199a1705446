package pl.ops.swiadczenia.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The citation catalogue: entries are content-addressed and immutable, so a read entry is cached for the life of the
 * process (bounded: one entry per distinct citation or parameter value of the rules, a few thousand).
 */
@ApplicationScoped
public class CitationCatalogue implements PanacheRepositoryBase<CatalogueEntry, String> {
    private static final int CACHE_LIMIT = 50_000;
    private final Map<String, String> cache = new ConcurrentHashMap<>();
    @jakarta.inject.Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    /**
     * Adds the entries the store does not hold yet; called inside the transaction that stores the decision, so a
     * decision never refers to an entry that is not there. Concurrent writers of the same entry are harmless (the
     * content is the same; the conflict is ignored).
     */
    public void addAll(Map<String, String> entries) {
        Map<String, String> missing = new java.util.TreeMap<>();
        entries.forEach((k, body) -> {
            if (!cache.containsKey(k)) {
                missing.put(k, body);
            }
        });
        if (missing.isEmpty()) {
            return;
        }
        // one statement per 1 000 missing entries; native because of ON CONFLICT (an entry written by a concurrent
        // decision is the same content)
        List<Map.Entry<String, String>> all = List.copyOf(missing.entrySet());
        for (int from = 0; from < all.size(); from += 1000) {
            List<Map.Entry<String, String>> chunk = all.subList(from, Math.min(all.size(), from + 1000));
            StringBuilder sql = new StringBuilder("INSERT INTO citation_catalogue (key, body) VALUES ");
            for (int n = 0; n < chunk.size(); n++) {
                sql.append(n == 0 ? "" : ", ").append("(?").append(2 * n + 1).append(", ?").append(2 * n + 2).append(")");
            }
            sql.append(" ON CONFLICT (key) DO NOTHING");
            jakarta.persistence.Query q = getEntityManager().createNativeQuery(sql.toString());
            for (int n = 0; n < chunk.size(); n++) {
                q.setParameter(2 * n + 1, chunk.get(n).getKey());
                q.setParameter(2 * n + 2, chunk.get(n).getValue());
            }
            q.executeUpdate();
        }
        // known to be stored once this transaction commits
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == jakarta.transaction.Status.STATUS_COMMITTED && cache.size() < CACHE_LIMIT) {
                    cache.putAll(missing);
                }
            }
        });
    }

    /** The entry's canonical JSON, or null when the store does not hold it. */
    public String body(String key) {
        String cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        CatalogueEntry e = findById(key);
        if (e == null) {
            return null;
        }
        if (cache.size() < CACHE_LIMIT) {
            cache.put(key, e.body);
        }
        return e.body;
    }
}
