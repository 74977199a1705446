package pl.ops.swiadczenia.testsupport;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Runs under its own {@link TestProfile}, so Quarkus restarts the application for it; the database (and its data)
 * must outlive that restart. Together with {@link DatabaseSmokeTest}, in either order; see {@link RestartProbe}.
 */
@QuarkusTest
@TestProfile(RestartedApplicationProfile.class)
class DatabaseRestartTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void dataSurvivesQuarkusRestart() throws Exception {
        RestartProbe.writeAndCheck(dataSource, RestartProbe.OTHER_PROFILE_WRITER, RestartProbe.DEFAULT_PROFILE_WRITER);
    }
}
