package io.github.metasweep.model.symmetry;

import io.github.metasweep.model.core.GaussianStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code context-sac} baseline in one test episode: uniformly random actions for {@code probeSteps} steps
 * (as {@link HereditaryController}), then the trained policy conditioned on the code its encoder makes of the
 * episode's transitions so far (up to {@code contextMax}), recomputed at every step.
 */
final class ContextController implements NavController {
    private final ContextSacTraining.Trained trained;
    private final int probeSteps;
    private final GaussianStream probe;
    private final List<double[]> context = new ArrayList<>();
    private double[] last;
    private double[] lastAction;
    private double[] code;
    private int codedFrom;
    private int steps;

    private final int contextMax;

    ContextController(ContextSacTraining.Trained trained, int probeSteps, int contextMax, GaussianStream probe) {
        this.trained = trained;
        this.contextMax = contextMax;
        this.probeSteps = probeSteps;
        this.probe = probe;
    }

    @Override
    public double[] action(double[] p) {
        last = p.clone();
        if (steps < probeSteps) { // steps, not the context's size: the context stops growing at contextMax
            lastAction = PointNav.randomAction(probe);
            return lastAction;
        }
        if (code == null || context.size() != codedFrom) {
            codedFrom = context.size();
            code = trained.encoder().encode(context);
        }
        lastAction = trained.action(p, code);
        return lastAction;
    }

    @Override
    public void observe(double[] next, double reward) {
        steps++;
        if (context.size() < contextMax) {
            // the encoder saw actions in the policy's [-1, 1] units
            double[] unit = {lastAction[0] / PointNav.ACTION_LIMIT, lastAction[1] / PointNav.ACTION_LIMIT};
            context.add(TransitionEncoder.features(last, unit, reward, next));
        }
    }
}
