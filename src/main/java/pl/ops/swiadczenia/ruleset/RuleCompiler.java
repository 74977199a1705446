package pl.ops.swiadczenia.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.drools.model.codegen.ExecutableModelProject;
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

    /** A build: the KieBase, or the errors with the file and line each was found at. */
    public record Compiled(KieBase kieBase, List<Finding> errors) {
    }

    private final Mode mode;

    public RuleCompiler(Mode mode) {
        this.mode = mode;
    }

    /** Compiles or throws {@link RuleSetException} listing every error with its file and line. */
    public KieBase compile(String rulesetId, String pkg, Map<String, String> drlFiles, String sha256) {
        Compiled c = tryCompile(rulesetId, pkg, drlFiles, sha256);
        if (c.kieBase() == null) {
            throw new RuleSetException(rulesetId + ": DRL does not compile:\n"
                    + String.join("\n", c.errors().stream().map(Finding::format).toList()));
        }
        return c.kieBase();
    }

    public Compiled tryCompile(String rulesetId, String pkg, Map<String, String> drlFiles, String sha256) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        String folder = "src/main/resources/" + pkg.replace('.', '/') + "/";
        drlFiles.forEach((name, text) -> kfs.write(folder + name, text));
        ReleaseId releaseId = ks.newReleaseId("pl.ops.reguly",
                rulesetId.replace('/', '-'), "1.0.0-" + sha256.substring(0, 16));
        kfs.generateAndWritePomXML(releaseId);
        KieBuilder builder = ks.newKieBuilder(kfs);
        try {
            builder.buildAll(mode == Mode.EXEC_MODEL ? ExecutableModelProject.class : DrlProject.class);
        } catch (RuntimeException e) {
            ks.getRepository().removeKieModule(releaseId);
            return new Compiled(null, List.of(Finding.error("compile", null, null,
                    "the rule compiler failed: " + e)));
        }
        List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
        if (!messages.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            List<Finding> errors = new ArrayList<>();
            for (Message m : messages) {
                String path = m.getPath();
                String file = path == null ? null : path.substring(path.lastIndexOf('/') + 1);
                Integer line = m.getLine() > 0 ? m.getLine() : null;
                errors.add(Finding.error("compile", file, line, m.getText().strip()));
            }
            return new Compiled(null, List.copyOf(errors));
        }
        try {
            return new Compiled(ks.newKieContainer(releaseId).getKieBase(), List.of());
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }
}
