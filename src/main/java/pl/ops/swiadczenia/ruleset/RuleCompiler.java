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

    /** Serialises Drools builds within the JVM (see {@link #tryCompile}). */
    private static final Object BUILD_LOCK = new Object();

    private final Mode mode;
    private final java.nio.file.Path cacheDir;

    public RuleCompiler(Mode mode) {
        this(mode, null);
    }

    /**
     * @param cacheDir where compiled versions are kept between starts (null: no cache). An entry is keyed by the
     *                 version's SHA-256, the build mode and a fingerprint of the fact classes and Drools version, so
     *                 it is used only for exactly the files and code it was compiled from.
     */
    public RuleCompiler(Mode mode, java.nio.file.Path cacheDir) {
        this.mode = mode;
        this.cacheDir = cacheDir;
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

    /** The module jar as Drools writes it lacks META-INF/kmodule.xml, which reading it back needs (the default one). */
    private static byte[] withKmoduleXml(byte[] jar) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(jar.length + 256);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(jar));
             java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            boolean has = false;
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                has |= e.getName().equals("META-INF/kmodule.xml");
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            if (!has) {
                zip.putNextEntry(new java.util.zip.ZipEntry("META-INF/kmodule.xml"));
                zip.write("<kmodule xmlns=\"http://www.drools.org/xsd/kmodule\"/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    public Compiled tryCompile(String rulesetId, String pkg, Map<String, String> drlFiles, String sha256) {
        KieServices ks = KieServices.Factory.get();
        java.nio.file.Path cached = cacheDir == null ? null
                : cacheDir.resolve(rulesetId.replace('/', '-') + "-" + mode + "-" + sha256.substring(0, 32) + "-"
                        + CodeFingerprint.VALUE + ".jar");
        if (cached != null && java.nio.file.Files.isRegularFile(cached)) {
            try {
                org.kie.api.builder.KieModule km = ks.getRepository().addKieModule(
                        ks.getResources().newByteArrayResource(java.nio.file.Files.readAllBytes(cached)));
                try {
                    return new Compiled(ks.newKieContainer(km.getReleaseId()).getKieBase(), List.of());
                } finally {
                    ks.getRepository().removeKieModule(km.getReleaseId());
                }
            } catch (java.io.IOException | RuntimeException e) {
                // a damaged cache entry is ignored: compile from the files
            }
        }
        KieFileSystem kfs = ks.newKieFileSystem();
        String folder = "src/main/resources/" + pkg.replace('.', '/') + "/";
        drlFiles.forEach((name, text) -> kfs.write(folder + name, text));
        ReleaseId releaseId = ks.newReleaseId("pl.ops.reguly",
                rulesetId.replace('/', '-'), "1.0.0-" + sha256.substring(0, 16));
        kfs.generateAndWritePomXML(releaseId);
        KieBuilder builder = ks.newKieBuilder(kfs);
        try {
            // one Drools build at a time in this JVM: the executable-model build parses generated Java through a
            // shared static parser (JavaParser's StaticJavaParser); concurrent builds have corrupted it (seen:
            // ArrayIndexOutOfBounds "arraycopy: last source index 4 out of bounds", after which every later build in the
            // JVM failed; "I am not a child of my parent"). Reading, checking and hashing the rules stay parallel.
            synchronized (BUILD_LOCK) {
                builder.buildAll(mode == Mode.EXEC_MODEL ? ExecutableModelProject.class : DrlProject.class);
            }
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
        if (cached != null) {
            try {
                java.nio.file.Files.createDirectories(cacheDir);
                java.nio.file.Path tmp = java.nio.file.Files.createTempFile(cacheDir, "compiling-", ".tmp");
                java.nio.file.Files.write(tmp, withKmoduleXml(((org.drools.compiler.kie.builder.impl.InternalKieModule)
                        builder.getKieModule()).getBytes()));
                java.nio.file.Files.move(tmp, cached, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException | RuntimeException e) {
                // no cache entry then; the compiled version is used anyway
            }
        }
        try {
            return new Compiled(ks.newKieContainer(releaseId).getKieBase(), List.of());
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }
}
