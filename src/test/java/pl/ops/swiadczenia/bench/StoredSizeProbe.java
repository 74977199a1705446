package pl.ops.swiadczenia.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import pl.ops.swiadczenia.engine.RuleEvaluator;
import pl.ops.swiadczenia.ruleset.RuleCompiler;
import pl.ops.swiadczenia.ruleset.RuleSetLoader;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.service.EvaluationRequest;
import pl.ops.swiadczenia.service.EvaluationService;

class StoredSizeProbe {
    @Test
    @EnabledIfSystemProperty(named = "probe", matches = "true")
    void size() throws Exception {
        var registry = pl.ops.swiadczenia.ruleset.RuleSetRegistry.load(Path.of("rules"),
                new RuleSetLoader(new RuleCompiler(RuleCompiler.Mode.EXEC_MODEL)), b -> b.equals("zasilek_rodzinny") || b.equals("dochod_rodziny"));
        var family5 = CanonicalJson.MAPPER.readValue(Files.readString(
                Path.of("src/test/resources/bench/zr-rodzina-5-osob.json")), EvaluationRequest.class);
        var e = EvaluationService.run(new RuleEvaluator(), registry, family5);
        String json = CanonicalJson.write(e);
        var c = pl.ops.swiadczenia.service.StoredForm.compact(e);
        Files.writeString(Path.of("target/family5-stored.json"), c.json());
        System.out.println("COMPACT SIZE " + c.json().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " catalogue entries " + c.catalogue().size());
        Files.writeString(Path.of("target/family5-result.json"), json);
        System.out.println("STORED SIZE " + json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
}
