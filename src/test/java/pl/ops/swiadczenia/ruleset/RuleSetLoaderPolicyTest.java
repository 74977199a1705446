package pl.ops.swiadczenia.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pl.ops.swiadczenia.testsupport.UntrustedRules;

/**
 * The loader runs the DRL policy on every DRL file and on the DRL generated from every decision table, and a folder
 * with a policy finding never reaches the compiler.
 */
class RuleSetLoaderPolicyTest {
    /** A compiler that counts how often it is asked to compile. */
    static final class CountingCompiler extends RuleCompiler {
        final AtomicInteger calls = new AtomicInteger();

        CountingCompiler() {
            super(Mode.EXEC_MODEL);
        }

        @Override
        public Compiled tryCompile(String rulesetId, String pkg, Map<String, String> drlFiles, String sha256) {
            calls.incrementAndGet();
            return super.tryCompile(rulesetId, pkg, drlFiles, sha256);
        }
    }

    static List<Finding> policy(RuleSetLoader.Analysis a) {
        return a.findings().stream().filter(f -> DrlPolicy.CHECK.equals(f.check())).toList();
    }

    @Test
    void aFolderWithAPolicyFindingIsNeverCompiled(@TempDir Path rules) throws Exception {
        UntrustedRules.Draft env = UntrustedRules.drafts(rules.resolve("x")).get(1);
        Path dir = UntrustedRules.write(rules, UntrustedRules.POLICY_BENEFIT, UntrustedRules.policyFolder(env));
        CountingCompiler compiler = new CountingCompiler();
        RuleSetLoader.Analysis a = new RuleSetLoader(compiler).analyse(dir);
        assertThat(a.ruleSet()).isNull();
        assertThat(a.ok()).isFalse();
        assertThat(policy(a)).singleElement().satisfies(f -> {
            assertThat(f.format()).startsWith("zlosliwa.drl:12: ERROR [policy] niedozwolone w regułach: System (");
        });
        assertThat(compiler.calls).hasValue(0);
    }

    @Test
    void aDecisionTableIsCheckedOnTheDrlGeneratedFromIt(@TempDir Path rules) throws Exception {
        Map<String, String> files = UntrustedRules.base(UntrustedRules.POLICY_BENEFIT);
        files.put("tabela.drl.csv", """
                RuleSet,reguly.proba_polityki.v2020_01_01
                Import,"java.math.BigDecimal, pl.ops.swiadczenia.fakty.*"
                ,
                RuleTable Tabela
                NAME,CONDITION,ACTION,METADATA,METADATA,METADATA
                ,,,,,
                ,"Wniosek(dochodRodzinyRokBazowy >= $param)","insert(new WartoscWyniku(""k$param"", System.getenv(""HOME"")));","act(""$param"")","article(""$param"")","description(""$param"")"
                Identyfikator,Dochód od,Klucz,Akt,Artykuł,Opis
                art1_tabela,0,1,ustawa,1,Wiersz tabeli
                """);
        Path dir = UntrustedRules.write(rules, UntrustedRules.POLICY_BENEFIT, files);
        CountingCompiler compiler = new CountingCompiler();
        RuleSetLoader.Analysis a = new RuleSetLoader(compiler).analyse(dir);
        assertThat(a.ruleSet()).isNull();
        assertThat(policy(a)).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("tabela.drl.csv");
            assertThat(f.line()).as("the template row that holds the construct").isEqualTo(7);
            assertThat(f.message()).startsWith("niedozwolone w regułach: System (")
                    .contains("in the DRL generated from the table, line");
        });
        assertThat(compiler.calls).hasValue(0);
    }

    @Test
    void aCleanFolderIsCompiledAsBefore(@TempDir Path rules) throws Exception {
        Path dir = UntrustedRules.write(rules, UntrustedRules.POLICY_BENEFIT,
                UntrustedRules.base(UntrustedRules.POLICY_BENEFIT));
        CountingCompiler compiler = new CountingCompiler();
        RuleSetLoader.Analysis a = new RuleSetLoader(compiler).analyse(dir);
        assertThat(policy(a)).isEmpty();
        assertThat(a.ok()).as(a.findings().toString()).isTrue();
        assertThat(compiler.calls).hasValue(1);
    }
}
