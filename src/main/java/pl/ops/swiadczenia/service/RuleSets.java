package pl.ops.swiadczenia.service;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import pl.ops.swiadczenia.config.RulesConfig;
import pl.ops.swiadczenia.ruleset.RuleCompiler;
import pl.ops.swiadczenia.ruleset.RuleSetLoader;
import pl.ops.swiadczenia.ruleset.RuleSetRegistry;

/** Holds the registry of compiled ruleset versions, loaded once at start-up from {@code rules.dir}. */
@Startup
@ApplicationScoped
public class RuleSets {
    @Inject
    RulesConfig config;

    private volatile RuleSetRegistry registry;

    @PostConstruct
    void load() {
        registry = RuleSetRegistry.load(Path.of(config.dir()),
                new RuleSetLoader(new RuleCompiler(config.mode())));
    }

    public RuleSetRegistry registry() {
        return registry;
    }
}
