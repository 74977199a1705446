package pl.ops.swiadczenia.ruleset;

import java.util.Map;
import java.util.stream.Collectors;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles the DRL files of one ruleset version into its own {@link KieBase}, at run time. Each version gets a
 * unique ReleaseId, removed from the JVM-global KieRepository after the build (the KieBase keeps working).
 */
public class RuleCompiler {
    /** Drools build mode: the executable model (stricter, default) or the classic MVEL build. */
    public enum Mode { EXEC_MODEL, CLASSIC }

    private final Mode mode;

    public RuleCompiler(Mode mode) {
        this.mode = mode;
    }

    public KieBase compile(String rulesetId, String pkg, Map<String, String> drlFiles, String sha256) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        String folder = "src/main/resources/" + pkg.replace('.', '/') + "/";
        drlFiles.forEach((name, text) -> kfs.write(folder + name, text));
        ReleaseId releaseId = ks.newReleaseId("pl.ops.reguly",
                rulesetId.replace('/', '-'), "1.0.0-" + sha256.substring(0, 16));
        kfs.generateAndWritePomXML(releaseId);
        KieBuilder builder = ks.newKieBuilder(kfs);
        builder.buildAll(mode == Mode.EXEC_MODEL ? ExecutableModelProject.class : DrlProject.class);
        var errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new RuleSetException(rulesetId + ": DRL does not compile:\n"
                    + errors.stream().map(Message::toString).collect(Collectors.joining("\n")));
        }
        try {
            return ks.newKieContainer(releaseId).getKieBase();
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }
}
