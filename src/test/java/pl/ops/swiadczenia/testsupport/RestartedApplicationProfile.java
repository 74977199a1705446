package pl.ops.swiadczenia.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A test profile with no changes: test classes that use it run after Quarkus stopped and started the application
 * again (ruleset recompiled from disk), against the same database. Shared so that the suite pays one extra boot.
 */
public class RestartedApplicationProfile implements QuarkusTestProfile {
}
