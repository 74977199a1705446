package pl.ops.swiadczenia.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A new start of the application (its own job workers, two of them) on the database where {@link DurableJobsProfile}'s
 * application left a job half done: Quarkus runs the classes of this profile after those of that one (profiles in
 * name order).
 */
public class DurableJobsRestartProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("impact.workers", "2", "jobs.poll", "PT0.2S");
    }
}
