package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.InvalidSpecException;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.ParamSet;
import java.util.List;
import java.util.Locale;

/** The family's learnt methods, their shared hyper-parameters and how a method's model is built. */
final class TransferModels {
    static final String CODE_SIZE = "code_size";
    static final String TRAIN_TASKS = "train_tasks";
    static final String EPOCHS = "epochs";
    static final String META_BATCH = "meta_batch";
    static final String LR = "lr";
    static final String EVAL_TASKS = "eval_tasks";
    static final String LEARNER_HIDDEN = "learner_hidden";
    static final String DECODER_HIDDEN = "decoder_hidden";
    static final String POOL_WIDTH = "pool_width";
    static final String HYPER_HIDDEN = "hyper_hidden";
    static final String KERNEL_WIDTH = "kernel_width";
    static final String KERNEL_TEMPERATURE = "kernel_temperature";

    /** The seven encoders of the paper, in its table order. */
    static final List<String> ENCODERS = List.of("context", "non-linear", "linear", "mean", "max", "transformer",
            "deep-kernel");

    /** The control whose decoder is given no task information (a constant code). */
    static final String TASK_BLIND = "task-blind";

    private TransferModels() {
    }

    /** Training and network hyper-parameters shared by the family's benchmarks. */
    static List<ParamDef> shared(int trainTasks, int epochs, int evalTasks) {
        return List.of(
                ParamDef.integer(TRAIN_TASKS, trainTasks, 1, 10_000_000, "training tasks, drawn once per run"),
                ParamDef.integer(EPOCHS, epochs, 1, 100_000, "passes over the training tasks"),
                ParamDef.integer(META_BATCH, 25, 1, 100_000, "tasks per Adam step"),
                ParamDef.number(LR, 5e-4, 0.0, true, 1.0, "Adam learning rate"),
                ParamDef.integer(EVAL_TASKS, evalTasks, 1, 1_000_000, "fresh evaluation tasks per run"),
                ParamDef.integer(LEARNER_HIDDEN, 40, 1, 1000, "units per hidden layer of the gradient encoders' "
                        + "learner f_theta and of the query network g_psi"),
                ParamDef.integer(DECODER_HIDDEN, 64, 1, 10_000, "hidden units of the decoder z -> psi"),
                ParamDef.integer(POOL_WIDTH, 128, 1, 10_000, "units per hidden layer of the pooling encoders' h"),
                ParamDef.integer(HYPER_HIDDEN, 128, 1, 10_000, "units per hidden layer of the non-linear encoder's "
                        + "hypernetwork"),
                ParamDef.integer(KERNEL_WIDTH, 128, 1, 10_000, "embedding width of the deep kernel"),
                ParamDef.number(KERNEL_TEMPERATURE, 1.0, 0.0, true, 1e6, "T of the deep kernel exp(-d^2 / (2 T))"));
    }

    /**
     * The model of an encoder method (or {@code query-oracle}) for tasks with {@code inputs} features, a code of
     * size k, query outputs of {@code head}, and {@code truthSize} true task parameters; {@code maxPoints} bounds
     * the support set.
     */
    static TaskModel model(String method, ParamSet p, int inputs, int k, QueryHead head, int truthSize, int maxPoints) {
        return model(method, p, inputs, inputs, k, head, truthSize, maxPoints);
    }

    /** The same when the query points have {@code queryInputs} features of their own. */
    static TaskModel model(String method, ParamSet p, int inputs, int queryInputs, int k, QueryHead head,
                           int truthSize, int maxPoints) {
        int learner = p.getInt(LEARNER_HIDDEN);
        int decoder = p.getInt(DECODER_HIDDEN);
        Encoder encoder = switch (method) {
            case "context" -> new ContextEncoder(inputs, learner, k, maxPoints);
            case "linear" -> new LinearEncoder(inputs, learner, k, maxPoints);
            case "non-linear" -> new HyperEncoder(inputs, learner, p.getInt(HYPER_HIDDEN), k, maxPoints);
            case "mean", "max", "transformer" -> new PoolingEncoder(
                    PoolingEncoder.Pooling.valueOf(method.toUpperCase(Locale.ROOT)), inputs, p.getInt(POOL_WIDTH), k);
            case "query-oracle" -> GivenCode.truth(truthSize);
            case TASK_BLIND -> GivenCode.blind(truthSize);
            case "deep-kernel" -> null;
            default -> throw new InvalidSpecException("method", "method: unknown method '" + method + "'");
        };
        if (encoder == null) {
            return new DeepKernel(inputs, queryInputs, p.getInt(KERNEL_WIDTH), p.getDouble(KERNEL_TEMPERATURE), head);
        }
        return new EncoderDecoder(encoder, decoder, queryInputs, learner, head);
    }
}
