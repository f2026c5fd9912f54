package io.github.metasweep.model.metatransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunSpec;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The maze generator, its optimal policy, the task the methods see, and the controls. */
class MazeTest {
    @Test
    void everyMazeIsSolvableAndTheOptimalPolicyReachesTheGoalOnAShortestPath() {
        GaussianStream random = GaussianStream.forRun(0, "mazes");
        for (int width : new int[] {6, 12, 24}) {
            for (int m = 0; m < 300; m++) {
                MazeTask maze = MazeTask.generate(random, width);
                assertTrue(maze.startDistance() > 0, "the goal is reachable from the start");
                for (int c = 0; c < width; c++) {
                    assertTrue(maze.free(0, c) || maze.free(1, c), "a column is never fully blocked");
                    if (c % 2 == 1 && c < width - 1) {
                        assertTrue(maze.free(0, c) != maze.free(1, c), "the bottom row is the top's complement");
                    } else {
                        assertTrue(maze.free(0, c) && maze.free(1, c), "other columns are free");
                    }
                }
                // following the optimal actions from the start reaches the goal in exactly startDistance steps
                int steps = maze.startDistance();
                assertEquals(0.0, maze.finalReward(maze::optimalAction, steps), 0.0);
                assertEquals(-1.0 / steps, maze.finalReward(maze::optimalAction, steps - 1), 1e-12);
                // the shortest path has N - 1 moves right plus one switch per change of free row
                int switches = 0;
                int row = 0;
                for (int c = 0; c < width; c++) {
                    if (!maze.free(row, c)) {
                        row = 1 - row;
                        switches++;
                    }
                }
                switches += row == 0 ? 1 : 0; // the goal is on the bottom row
                assertEquals(width - 1 + switches, maze.startDistance(), "width " + width);
            }
        }
    }

    @Test
    void theTaskIsEveryCellsOccupancyAndEveryFreeCellsOptimalAction() {
        MazeTask maze = MazeTask.generate(GaussianStream.forRun(3, "m"), 12);
        TransferTask t = maze.task();
        assertEquals(24, t.supportCount());
        int blocked = 0;
        for (double y : t.supportY) {
            blocked += (int) y;
        }
        assertEquals(MazeTask.obstacleColumns(12), blocked, "one blocked cell per obstacle column");
        assertEquals(24 - blocked - 1, t.queryCount(), "every free cell but the goal");
        for (double a : t.queryY) {
            assertTrue(a >= 0 && a < MazeTask.ACTIONS);
        }
    }

    static RunResult run(String method, Object... extra) {
        Map<String, Object> p = new HashMap<>(Map.of("maze_width", 6, "epochs", 30, "train_tasks", 40,
                "eval_tasks", 50, "decoder_hidden", 16, "learner_hidden", 16));
        for (int i = 0; i < extra.length; i += 2) {
            p.put((String) extra[i], extra[i + 1]);
        }
        return Benchmarks.get(MazeTransfer.NAME).run(RunSpec.resolve(MazeTransfer.NAME, method, "full", p, 1),
                RunListener.SILENT);
    }

    @Test
    void controlsScoreAsTheyMustAndTheOracleLearnsThePolicy() {
        assertEquals(-1.0, run("zero").metric("final_reward"), 0.0, "staying at the start never gets closer");
        double random = run("random-policy").metric("final_reward");
        assertTrue(random > -1.5 && random < 0, "a random walk: " + random);
        double oracle = run("query-oracle", "epochs", 150, "lr", 0.003).metric("final_reward");
        assertTrue(oracle > -0.1, "given the maze, the decoder learns its policy: " + oracle);
    }
}
