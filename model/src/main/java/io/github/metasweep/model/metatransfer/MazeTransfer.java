package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.MetricDef;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.PublishedClaim;
import io.github.metasweep.model.core.PublishedClaim.Side;
import io.github.metasweep.model.core.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Meta-transfer from a maze's occupancy to its policy (the paper's Table 3; docs/protocols/meta-transfer.md): the
 * support set is every cell of a 2 x N maze with its occupancy, the query the optimal action of every free cell;
 * a method is scored by rolling its greedy policy out from the start.
 */
public final class MazeTransfer extends TransferBenchmark {
    public static final String NAME = "maze";
    static final String MAZE_WIDTH = "maze_width";
    static final String EPISODE_STEPS = "episode_steps";
    static final String FINAL_REWARD = "final_reward";

    static final List<String> METHODS = Stream.concat(TransferModels.ENCODERS.stream(),
            Stream.of("zero", "query-oracle", "random-policy")).toList();

    static final List<MetricDef> METRICS = List.of(MetricDef.higher(FINAL_REWARD, "share of the start distance",
            "mean over the evaluation mazes of minus the remaining shortest-path distance to the goal after the "
                    + "episode, over the start's distance (0: reached; -1: no closer)", true)
            .comparedByDifference()); // bounded in [-1, 0] and 0 when solved: a % of a solved baseline is undefined

    static final List<ParamDef> PROTOCOL = Stream.concat(Stream.of(
            ParamDef.integer(MAZE_WIDTH, 12, 3, 10_000, "N: columns of the 2 x N maze"),
            ParamDef.integer(TransferModels.CODE_SIZE, 0, 0, 10_000, "k: size of the task code (0 = the true task "
                    + "dimension, the number of obstacle columns (N - 1) / 2)"),
            ParamDef.integer(EPISODE_STEPS, 0, 0, 1_000_000, "steps of an evaluation episode (0 = 2N, more than "
                    + "any shortest path)")),
            TransferModels.shared(500, 100, 200).stream()).toList();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "meta-transfer: from a 2 x N maze's cell occupancies, the optimal action of every cell, scored by a "
                + "greedy rollout";
    }

    @Override
    public List<String> methods() {
        return METHODS;
    }

    @Override
    public List<MetricDef> metrics() {
        return METRICS;
    }

    @Override
    public List<PublishedClaim> claims() {
        String table = "meta-transfer paper, Table 3";
        String source = "paper (mean of 3 seeds)";
        List<PublishedClaim> claims = new ArrayList<>();
        for (PublishedTables.Row r : PublishedTables.of(NAME)) {
            int width = (int) r.axisValue();
            claims.add(PublishedClaim.value(table, source, new Side(r.method(), "full", r.metric()),
                    PublishedClaim.Statistic.MEAN, r.mean(), Map.of(r.axis(), width),
                    String.format(Locale.ROOT, "%s: final reward %.3f (sd %.3f) at width %d", r.method(), r.mean(),
                            r.sd(), width)));
        }
        for (String other : TransferModels.ENCODERS) {
            if (!other.equals("linear")) {
                claims.add(PublishedClaim.better(table, source, new Side("linear", "full", FINAL_REWARD),
                        new Side(other, "full", FINAL_REWARD), Map.of(MAZE_WIDTH, 12),
                        "the linear encoder is best on the 12-wide maze: better than " + other));
            }
        }
        return claims;
    }

    static int codeSize(ParamSet p) {
        int k = p.getInt(TransferModels.CODE_SIZE);
        return k > 0 ? k : MazeTask.obstacleColumns(p.getInt(MAZE_WIDTH));
    }

    @Override
    String trainingLossLabel() {
        return "mean training cross-entropy of the optimal actions";
    }

    @Override
    protected List<ParamDef> protocol() {
        return PROTOCOL;
    }

    @Override
    TransferTask trainingTask(GaussianStream train, ParamSet p) {
        return MazeTask.generate(train, p.getInt(MAZE_WIDTH)).task();
    }

    /** The model of a learnt method; null for the controls that learn nothing. */
    @Override
    TaskModel model(String method, ParamSet p) {
        if (method.equals("zero") || method.equals("random-policy")) {
            return null;
        }
        int width = p.getInt(MAZE_WIDTH);
        return TransferModels.model(method, p, 2, codeSize(p), QueryHead.ACTIONS, 2 * width, 2 * width);
    }

    /** Mean final reward over fresh mazes (the same mazes for every method of a seed and width). */
    @Override
    double evaluate(String method, TaskModel model, double[] params, ParamSet p, long seed, Map<String, Trace> traces) {
        GaussianStream eval = GaussianStream.forRun(seed, "eval");
        GaussianStream random = GaussianStream.forRun(seed, "policy");
        int width = p.getInt(MAZE_WIDTH);
        int steps = p.getInt(EPISODE_STEPS) > 0 ? p.getInt(EPISODE_STEPS) : 2 * width;
        int n = p.getInt(TransferModels.EVAL_TASKS);
        double sum = 0;
        for (int t = 0; t < n; t++) {
            MazeTask maze = MazeTask.generate(eval, width);
            MazeTask.Policy policy;
            if (method.equals("zero")) {
                policy = null; // stays at the start
            } else if (method.equals("random-policy")) {
                policy = (r, c) -> (int) random.uniform(0, MazeTask.ACTIONS);
            } else {
                policy = greedy(model, params, maze);
                if (policy == null) {
                    return Double.NaN;
                }
            }
            sum += policy == null ? -1.0 : maze.finalReward(policy, steps);
        }
        return sum / n;
    }

    /** The model's argmax action at every cell of the maze; null if a logit is not finite. */
    private static MazeTask.Policy greedy(TaskModel model, double[] params, MazeTask maze) {
        TransferTask support = maze.task();
        double[] cells = maze.allCellFeatures();
        TransferTask everyCell = new TransferTask(2, support.supportX, support.supportY, cells,
                new double[2 * maze.width], support.truth);
        double[] logits = new double[2 * maze.width * MazeTask.ACTIONS];
        model.predict(params, everyCell, logits);
        int[] action = new int[2 * maze.width];
        for (int cell = 0; cell < action.length; cell++) {
            int best = 0;
            for (int a = 0; a < MazeTask.ACTIONS; a++) {
                double l = logits[cell * MazeTask.ACTIONS + a];
                if (!Double.isFinite(l)) {
                    return null;
                }
                if (l > logits[cell * MazeTask.ACTIONS + best]) {
                    best = a;
                }
            }
            action[cell] = best;
        }
        return (r, c) -> action[r * maze.width + c];
    }
}
