package pl.ops.swiadczenia.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The application starts against PostgreSQL (embedded unless one is configured) and reports ready. */
@QuarkusTest
class DatabaseSmokeTest {
    @org.junit.jupiter.api.BeforeAll
    static void authenticateWithAllRoles() {
        pl.ops.swiadczenia.testsupport.Tokens.useAllRoles();
    }


    @Inject
    AgroalDataSource dataSource;

    @Test
    void readinessIsUp() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void databaseIsPostgres() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("PostgreSQL ");
        }
    }

    @Test
    void dataSurvivesQuarkusRestart() throws Exception {
        // half of the check; see RestartProbe and DatabaseRestartTest
        RestartProbe.writeAndCheck(dataSource, RestartProbe.DEFAULT_PROFILE_WRITER, RestartProbe.OTHER_PROFILE_WRITER);
    }
}
