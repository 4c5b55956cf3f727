package dev.cutover.cli;

import dev.cutover.kumo.HarnessOptions;
import dev.cutover.kumo.LuaKumoPolicy;
import dev.cutover.kumo.MxFixture;
import dev.cutover.kumo.PolicyException;
import dev.cutover.kumo.ShapingData;
import dev.cutover.sim.momentum.AdaptiveRules;
import dev.cutover.sim.momentum.AdaptiveRulesLoader;
import dev.cutover.sim.momentum.ConfShaping;
import dev.cutover.sim.momentum.conf.ConfException;
import dev.cutover.sim.momentum.conf.EcelerityConf;
import java.util.Optional;

/**
 * Loads the configurations a scenario names, turning a mistake in any of them into bad input: the MX data, the
 * Momentum ecelerity.conf and the KumoMTA policy.
 */
final class ScenarioConfigs {
    private ScenarioConfigs() {
    }

    /**
     * @param dns asks DNS for the domains the MX data lacks, or null to treat them as having no MX record
     * @return the built-in MX data, overridden by the scenario's mx.toml when it names one
     */
    static MxFixture mx(Scenario scenario, DnsMxResolver dns) {
        return dns == null ? mx(scenario) : mx(scenario).resolvingWith(dns);
    }

    /** @return the built-in MX data, overridden by the scenario's mx.toml when it names one */
    static MxFixture mx(Scenario scenario) {
        final MxFixture builtIn = MxFixture.builtIn();
        try {
            return scenario.mxFixture() == null ? builtIn : builtIn.overriddenBy(MxFixture.load(scenario.mxFixture()));
        } catch (PolicyException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** @return the Adaptive Delivery rules the scenario's rules files register, or none */
    static AdaptiveRules adaptiveRules(Scenario scenario) {
        try {
            return scenario.adaptiveRules().isEmpty() ? AdaptiveRules.NONE
                    : AdaptiveRulesLoader.load(scenario.adaptiveRules());
        } catch (PolicyException e) {
            throw new UserError("momentum.adaptive_rules: " + e.getMessage(), e);
        }
    }

    /** @return the scenario's ecelerity.conf with its includes */
    static EcelerityConf momentumConf(Scenario scenario) {
        try {
            return EcelerityConf.load(scenario.momentumConfig());
        } catch (ConfException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /**
     * @return the Momentum model's shaping from {@code conf}, whose {@code adaptive} stanza and sweep rules are read
     *         whole, so a mistake in them is bad input whatever the traffic
     */
    static ConfShaping momentumShaping(Scenario scenario, EcelerityConf conf) {
        try {
            return new ConfShaping(conf, scenario.fallbackOrder());
        } catch (ConfException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /**
     * Loads the policy and runs its init events. kumod collects shaping load errors and runs on with its defaults
     * for what failed to load; in a rehearsal that would compare against a configuration nobody meant, so they
     * are bad input here.
     *
     * @param clockEpochSeconds what os.time() reads in the policy; a run gives the traffic's first reception, so
     *                          runs stay reproducible
     */
    static LuaKumoPolicy kumoPolicy(Scenario scenario, MxFixture mx, long clockEpochSeconds) {
        final HarnessOptions options = HarnessOptions.defaults().withSeed(scenario.seed())
                .withClock(clockEpochSeconds).withHelperFolder(scenario.kumoHelpers())
                .withPaths(scenario.kumoPaths()).withEnv(scenario.kumoEnv());
        final LuaKumoPolicy policy;
        try {
            policy = LuaKumoPolicy.load(scenario.kumoPolicy(), mx, options);
        } catch (PolicyException e) {
            throw new UserError(e.getMessage(), e);
        }
        rejectShapingErrors(scenario, policy);
        return policy;
    }

    /**
     * Shaping data a policy loads on first use (as KumoMTA's shaping helper does) reports its errors only then, so
     * a run checks again after its replay.
     *
     * @throws UserError naming the errors kumo.shaping.load reported
     */
    static void rejectShapingErrors(Scenario scenario, LuaKumoPolicy policy) {
        for (ShapingData shaping : policy.shapingData()) {
            if (!shaping.errors().isEmpty()) {
                final String where = shaping.missingFiles().stream().map(policy::whereQuoted).flatMap(Optional::stream)
                        .findFirst().orElse(scenario.kumoPolicy().getFileName().toString());
                throw new UserError(where + ": kumo.shaping.load reported "
                        + String.join("; ", shaping.errors()) + " (kumod would log this and run on with its defaults "
                        + "for what failed; a rehearsal stops, since it would compare a configuration nobody meant)");
            }
        }
    }
}
