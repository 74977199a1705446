package pl.ops.swiadczenia.audit;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Terminal command for auditors: {@code verify-chain [--url JDBC_URL] [--user U] [--password P] [--json]}; defaults
 * from QUARKUS_DATASOURCE_JDBC_URL / _USERNAME / _PASSWORD. Exit code 0: intact, 1: broken (the first broken
 * record is named), 2: wrong usage or no database.
 */
public final class AuditTool {
    private AuditTool() {
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        String user = System.getenv("QUARKUS_DATASOURCE_USERNAME");
        String password = System.getenv("QUARKUS_DATASOURCE_PASSWORD");
        boolean json = false;
        boolean verify = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "verify-chain" -> verify = true;
                case "--url" -> url = args[++i];
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                case "--json" -> json = true;
                default -> {
                    err.println("Unknown argument " + args[i]);
                    return 2;
                }
            }
        }
        if (!verify || url == null) {
            err.println("Usage: verify-chain [--url jdbc:postgresql://host:port/db] [--user U] [--password P] [--json]"
                    + " (defaults: QUARKUS_DATASOURCE_JDBC_URL, _USERNAME, _PASSWORD)");
            return 2;
        }
        try (Connection c = DriverManager.getConnection(url, user, password == null ? "" : password)) {
            DecisionChain.Verification v = DecisionChain.verify(c);
            out.println(json ? new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(v) : v.toText());
            return v.intact() ? 0 : 1;
        } catch (Exception e) {
            err.println("Cannot verify the chain: " + e.getMessage());
            return 2;
        }
    }
}
