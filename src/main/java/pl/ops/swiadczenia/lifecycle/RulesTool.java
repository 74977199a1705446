package pl.ops.swiadczenia.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import pl.ops.swiadczenia.ruleset.RuleCompiler;
import pl.ops.swiadczenia.ruleset.RuleSet;
import pl.ops.swiadczenia.ruleset.RuleSetLoader;
import pl.ops.swiadczenia.ruleset.RuleSetRegistry;

/**
 * The policy-staff commands for the terminal, without starting the service or a database:
 * <pre>
 *   validate &lt;folder&gt; [--json]               e.g. validate rules/jednorazowe_swiadczenie_za_zyciem (a dated
 *                                             history) or validate rules/zasilek_rodzinny/2024-11-01 (a version folder)
 *   diff &lt;benefit&gt; &lt;from&gt; &lt;to&gt; [--json]       e.g. diff swiadczenie_pielegnacyjne 2023-01-01 2024-01-01
 * </pre>
 * Options: {@code --rules <dir>} (default: the folder's grandparent, or {@code rules}), {@code --test-cases <dir>}
 * (default {@code test-cases}). Run with Maven ({@code ./mvnw -q compile exec:java -Dexec.args="validate …"}) or with
 * the packaged service ({@code java -jar target/quarkus-app/quarkus-run.jar reguly validate …}). Exit code 0: valid
 * (or diff printed), 1: invalid, 2: wrong usage. The report is the same as the API's.
 */
public final class RulesTool {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private RulesTool() {
    }

    public static void main(String... args) {
        System.exit(run(System.out, System.err, args));
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        List<String> pos = new ArrayList<>();
        boolean json = false;
        Path rules = null;
        Path testCases = Path.of("test-cases");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--rules" -> rules = Path.of(args[++i]);
                case "--test-cases" -> testCases = Path.of(args[++i]);
                default -> pos.add(args[i]);
            }
        }
        try {
            if (pos.size() == 2 && pos.get(0).equals("validate")) {
                Path folder = Path.of(pos.get(1)).toAbsolutePath().normalize();
                if (!Files.isDirectory(folder)) {
                    err.println("No such folder: " + folder);
                    return 2;
                }
                // a benefit written as one dated history (rules/<benefit>), or a version folder (rules/<benefit>/<date>)
                boolean history = pl.ops.swiadczenia.ruleset.HistoryLoader.isHistory(folder);
                Path benefitDir = history ? folder : folder.getParent();
                Path root = rules != null ? rules : benefitDir.getParent();
                String benefit = benefitDir.getFileName().toString();
                RuleSetLoader loader = new RuleSetLoader(new RuleCompiler(RuleCompiler.Mode.EXEC_MODEL));
                RuleSetRegistry registry = RuleSetRegistry.load(root, loader, relevant(root, benefit));
                RuleSetValidator validator = new RuleSetValidator(loader, testCases);
                ValidationReport report = (history ? validator.validateHistory(folder, registry, folder.toString())
                        : validator.validate(folder, registry, folder.toString())).report();
                out.println(json ? JSON.writeValueAsString(report) : report.toText());
                return report.valid() ? 0 : 1;
            }
            if (pos.size() == 4 && pos.get(0).equals("diff")) {
                String benefit = pos.get(1);
                Path root = rules != null ? rules : Path.of("rules");
                RuleSetLoader loader = new RuleSetLoader(new RuleCompiler(RuleCompiler.Mode.EXEC_MODEL));
                RuleSetRegistry registry = RuleSetRegistry.load(root, loader, relevant(root, benefit));
                RuleSet a = version(registry, benefit, pos.get(2), err);
                RuleSet b = version(registry, benefit, pos.get(3), err);
                if (a == null || b == null) {
                    return 2;
                }
                RuleSetDiff.Report report = RuleSetDiff.diff(a, b, registry, testCases);
                out.println(json ? JSON.writeValueAsString(report) : report.toText());
                return 0;
            }
        } catch (IOException e) {
            err.println(e.getMessage());
            return 2;
        }
        err.println("""
                Usage:
                  validate <rules/<benefit>> [--json] [--rules DIR] [--test-cases DIR]      (a dated history)
                  validate <rules/<benefit>/<yyyy-MM-dd>> [--json] [--rules DIR] [--test-cases DIR]   (a version folder)
                  diff <benefit> <from-version> <to-version> [--json] [--rules DIR] [--test-cases DIR]""");
        return 2;
    }

    private static RuleSet version(RuleSetRegistry registry, String benefit, String v, PrintStream err) {
        RuleSet rs = registry.find(benefit, LocalDate.parse(v)).orElse(null);
        if (rs == null) {
            err.println("No loadable version " + benefit + "/" + v + (registry.failures().containsKey(benefit + "/" + v)
                    ? ": " + registry.failures().get(benefit + "/" + v) : ""));
        }
        return rs;
    }

    /** The benefit itself and the modules its versions use; everything when the benefit is itself a module. */
    static java.util.function.Predicate<String> relevant(Path root, String benefit) throws IOException {
        Set<String> names = new HashSet<>();
        names.add(benefit);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Path dir = root.resolve(benefit);
        Path history = dir.resolve(pl.ops.swiadczenia.ruleset.HistoryLoader.MANIFEST);
        if (Files.isRegularFile(history)) {
            try {
                var node = yaml.readTree(history.toFile());
                if ("module".equals(node.path("kind").asText())) {
                    return b -> true;
                }
                node.path("modules").forEach(x -> names.add(x.isObject() ? x.path("name").asText() : x.asText()));
            } catch (IOException e) {
                // the validator reports an unreadable manifest
            }
            return names::contains;
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> versions = Files.list(dir)) {
                for (Path v : versions.filter(Files::isDirectory).toList()) {
                    Path m = v.resolve(RuleSetLoader.MANIFEST);
                    if (!Files.isRegularFile(m)) {
                        continue;
                    }
                    try {
                        var node = yaml.readTree(m.toFile());
                        if ("module".equals(node.path("kind").asText())) {
                            return b -> true;
                        }
                        node.path("modules").forEach(x -> names.add(x.asText()));
                    } catch (IOException e) {
                        // the validator reports an unreadable manifest
                    }
                }
            }
        }
        return names::contains;
    }
}
