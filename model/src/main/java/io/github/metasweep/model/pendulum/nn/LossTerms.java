package io.github.metasweep.model.pendulum.nn;

/** The terms of protocol section 3's loss at one point, and the gradient of their weighted sum. */
public record LossTerms(double actionLoss, double valueLoss, double kTargetLoss, double kTargetWeight, double[] gradient) {
    public double total() {
        return actionLoss + valueLoss + kTargetWeight * kTargetLoss;
    }

    public boolean finite() {
        if (!Double.isFinite(total())) {
            return false;
        }
        for (double g : gradient) {
            if (!Double.isFinite(g)) {
                return false;
            }
        }
        return true;
    }
}
