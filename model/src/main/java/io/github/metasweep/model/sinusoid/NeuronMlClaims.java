package io.github.metasweep.model.sinusoid;

import io.github.metasweep.model.core.PublishedClaim;
import io.github.metasweep.model.core.PublishedClaim.Side;
import java.util.List;
import java.util.Map;

/** NeuronML's claims as the sinusoid report judges them. */
final class NeuronMlClaims {
    private NeuronMlClaims() {
    }

    /**
     * The paper's claims as this project tests them (it publishes no sinusoid numbers): NeuronML beats MAML, each
     * property helps (its ablation is worse), and the structure adapts (it degrades less than MAML when units are
     * disabled at test time).
     */
    static List<PublishedClaim> of() {
        String table = "NeuronML paper, claims (no sinusoid numbers published)";
        String source = "Wang et al. 2024";
        Side full1 = new Side("neuronml", "full", "mse_step1");
        Side full10 = new Side("neuronml", "full", "mse_step10");
        List<PublishedClaim> claims = new java.util.ArrayList<>(List.of(
                PublishedClaim.better(table, source, full1, new Side("maml", "full", "mse_step1"), Map.of(),
                        "NeuronML beats MAML on sinusoid regression after 1 step"),
                PublishedClaim.better(table, source, full10, new Side("maml", "full", "mse_step10"), Map.of(),
                        "NeuronML beats MAML on sinusoid regression after 10 steps")));
        for (String[] ablation : new String[][] {{"no-frugality", "frugality"}, {"no-plasticity", "plasticity"},
                {"no-sensitivity", "sensitivity"}, {"no-mask", "the learnt mask"}}) {
            claims.add(PublishedClaim.better(table, source, full10, new Side("neuronml", ablation[0], "mse_step10"),
                    Map.of(), ablation[1] + " helps: NeuronML without it is worse"));
        }
        claims.add(PublishedClaim.better(table, source, new Side("neuronml", "full", SinusoidRegression.DROP50_INCREASE),
                new Side("maml", "full", SinusoidRegression.DROP50_INCREASE), Map.of(),
                "the structure adapts: NeuronML degrades less than MAML with half of the hidden units disabled"));
        return claims;
    }
}
