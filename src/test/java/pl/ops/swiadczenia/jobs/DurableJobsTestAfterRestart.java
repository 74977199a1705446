package pl.ops.swiadczenia.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import pl.ops.swiadczenia.lifecycle.ImpactService;
import pl.ops.swiadczenia.lifecycle.JobStore;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.testsupport.DurableJobsProfile;
import pl.ops.swiadczenia.testsupport.DurableJobsRestartProfile;

/**
 * A job survives a restart: {@link DurableJobsTest}'s application stopped with a job half done (one chunk finished,
 * one held by a worker that stopped in its middle, the rest never claimed). This new start of the application, with
 * its own workers, finishes it by itself with the report of the uninterrupted run.
 */
@QuarkusTest
@TestProfile(DurableJobsRestartProfile.class)
class DurableJobsTestAfterRestart {
    @Inject
    ImpactService jobs;
    @Inject
    JobStore store;

    @Test
    void theNextStartOfTheApplicationFinishesTheJobItFound() throws Exception {
        String ids = System.getProperty(DurableJobsProfile.HALF_DONE_JOB);
        Assumptions.assumeTrue(ids != null, "runs after DurableJobsTest in the same test JVM (./mvnw test)");
        String half = ids.split(",")[0];
        String reference = ids.split(",")[1];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        ImpactService.JobView job = jobs.get(ImpactService.Kind.IMPACT, half).orElseThrow();
        while (job.status() == ImpactService.Status.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(200);
            job = jobs.get(ImpactService.Kind.IMPACT, half).orElseThrow();
        }
        ImpactService.JobView ref = jobs.get(ImpactService.Kind.IMPACT, reference).orElseThrow();
        assertThat(job.status()).isEqualTo(ImpactService.Status.COMPLETED);
        assertThat(job.done()).isEqualTo(ref.done());
        assertThat(CanonicalJson.write(job.result())).isEqualTo(CanonicalJson.write(ref.result()));
        List<JobStore.ChunkState> chunks = store.chunks(UUID.fromString(half));
        assertThat(chunks.get(0).doneBy()).isEqualTo("instance-stopped");
        assertThat(chunks.stream().skip(1).map(JobStore.ChunkState::doneBy))
                .as("the rest done by this start's workers").allSatisfy(w -> assertThat(w).doesNotStartWith("instance-"));
        assertThat(chunks.get(1).attempts()).isEqualTo(2);
    }
}
