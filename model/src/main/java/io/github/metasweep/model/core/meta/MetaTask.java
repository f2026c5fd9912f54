package io.github.metasweep.model.core.meta;

/** One task of a meta-batch: the loss adapted on (support) and the loss the adapted parameters are judged by (query). */
public interface MetaTask {
    DifferentiableLoss support();

    DifferentiableLoss query();
}
