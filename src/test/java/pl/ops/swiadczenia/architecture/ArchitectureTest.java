package pl.ops.swiadczenia.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package structure of the service, checked on the compiled classes with ArchUnit (ADR 0013): no package
 * cycles, a core (fact model, decision types, engine, ruleset loading) that runs without Quarkus, JPA, REST or CDI,
 * dependencies that point down, towards that core, and no JDBC outside the named exceptions (ADR 0015). Test
 * classes are not analysed.
 */
@AnalyzeClasses(packages = "pl.ops.swiadczenia", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ROOT = "pl.ops.swiadczenia.";

    /** Quarkus and its MicroProfile/SmallRye parts, JPA and Hibernate (with Panache), JAX-RS, CDI. */
    private static final String[] FRAMEWORKS = {
            "io.quarkus..", "io.smallrye..", "org.eclipse.microprofile..",
            "jakarta.persistence..", "jakarta.transaction..", "org.hibernate..", "io.quarkus.hibernate.orm.panache..",
            "io.quarkus.panache..",
            "jakarta.ws.rs..", "org.jboss.resteasy..",
            "jakarta.enterprise..", "jakarta.inject.."};

    private static final String[] DROOLS = {"org.kie..", "org.drools.."};

    /** The packages below every use case: they must work in a plain JVM (golden cases, terminal tools, benchmarks). */
    private static final String[] CORE = {ROOT + "fakty..", ROOT + "decyzja..", ROOT + "engine..", ROOT + "ruleset.."};

    /**
     * The classes that may use JDBC directly (ADR 0015); everything else reaches the database through Hibernate ORM
     * with Panache. {@code audit.AuditTool}: the auditors' terminal verify-chain, which runs without Quarkus.
     * {@code lifecycle.RuleSets}: TEMPORARY, only until its conversion to Panache (issue 12 point 9, done on another
     * branch) is merged; then remove it from this list.
     */
    /** AuditTool: runs without Quarkus (ADR 0015); JobStore: the job queue – FOR UPDATE SKIP LOCKED claims, batched items (ADR 0018). */
    private static final String[] JDBC_ALLOWED = {ROOT + "audit.AuditTool", ROOT + "lifecycle.JobStore"};

    @ArchTest
    static final ArchRule onlyTheNamedExceptionsUseJdbc = noClasses()
            .that().haveNameNotMatching(anyOf(JDBC_ALLOWED))
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "io.agroal..")
            .because("the store has one persistence style, Hibernate ORM with Panache (ADR 0015): entities, "
                    + "repositories, named or HQL queries, native SQL through the EntityManager only where "
                    + "PostgreSQL features need it; the exceptions are named in JDBC_ALLOWED");

    /** A regular expression matching the named classes and their nested and anonymous classes. */
    private static String anyOf(String... classNames) {
        return "(" + String.join("|", java.util.Arrays.stream(classNames).map(java.util.regex.Pattern::quote)
                .toList()) + ")(\\$.*)?";
    }

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching(ROOT + "(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule coreIsFreeOfQuarkusJpaRestAndCdi = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .because("the fact model, the decision types, the engine and the ruleset loader run without Quarkus "
                    + "(golden cases, terminal validation, replay years later)");

    @ArchTest
    static final ArchRule factsAndDecisionTypesAreFreeOfDrools = noClasses()
            .that().resideInAnyPackage(ROOT + "fakty..", ROOT + "decyzja..")
            .should().dependOnClassesThat().resideInAnyPackage(DROOLS)
            .because("the fact model and the decision types are plain Java; only engine and ruleset talk to Drools");

    @ArchTest
    static final ArchRule coreDependsOnNothingAboveIt = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + "service..", ROOT + "lifecycle..",
                    ROOT + "audit..", ROOT + "security..", ROOT + "rest..", ROOT + "health..", ROOT + "config..",
                    ROOT + "app..", ROOT + "golden..")
            .because("dependencies point down, towards the core");

    @ArchTest
    static final ArchRule restIsNotAccessedByOtherPackages = noClasses().that().resideOutsideOfPackage(ROOT + "rest..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + "rest..")
            .because("the HTTP layer is the top: nothing below it may know about resources or problem details");

}
