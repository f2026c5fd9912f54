package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;

/** A regression control without parameters: one output per query point, nothing to initialise or train. */
interface ParameterFreeRegression extends TaskModel {
    @Override
    default int size() {
        return 0;
    }

    @Override
    default int outputs() {
        return 1;
    }

    @Override
    default double[] init(GaussianStream random) {
        return new double[0];
    }
}
