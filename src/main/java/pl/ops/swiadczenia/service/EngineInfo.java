package pl.ops.swiadczenia.service;

import java.io.InputStream;
import java.util.Properties;

/** Identifies the code that produced a decision: this service's version and the Drools version. */
public final class EngineInfo {
    public static final String VERSION = "ops-swiadczenia/" + version("pl.ops", "ops-swiadczenia", EngineInfo.class)
            + " drools/" + version("org.drools", "drools-core", org.drools.core.common.InternalFactHandle.class);

    private EngineInfo() {
    }

    private static String version(String group, String artifact, Class<?> anchor) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = anchor.getResourceAsStream(path)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (Exception ignored) {
            // fall through
        }
        Package p = anchor.getPackage();
        return p != null && p.getImplementationVersion() != null ? p.getImplementationVersion() : "dev";
    }
}
