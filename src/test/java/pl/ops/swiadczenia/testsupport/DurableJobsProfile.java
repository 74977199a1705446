package pl.ops.swiadczenia.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The application with no job workers of its own ({@code impact.workers=-1}), chunks of three decisions and a lease
 * of one second: the test drives named workers itself – one that dies midway, two "instances" that share a job – on
 * the shared test database.
 */
public class DurableJobsProfile implements QuarkusTestProfile {
    /** The job a worker left half done, resumed by the next application ({@link DurableJobsRestartProfile}). */
    public static final String HALF_DONE_JOB = "durable.jobs.half-done";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("impact.workers", "-1", "jobs.lease", "PT1S", "jobs.chunk-size", "3");
    }
}
