package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;
import java.util.ArrayDeque;

/**
 * A 2 x N maze of the paper's Table 3 (docs/protocols/meta-transfer.md): on every other top-row cell (the odd
 * columns before the last) an obstacle with probability 0.5, and on the bottom row the complement of the top row
 * in those columns, so each such column has exactly one free cell and the columns between them are free: always
 * solvable. Start top-left, goal bottom-right. Actions right, left, up, down; a move into an obstacle or off the
 * grid stays. The optimal action of a cell is the first action (in that order) that reaches a cell one step
 * closer to the goal, from breadth-first distances.
 */
final class MazeTask {
    static final int ACTIONS = 4;
    static final int RIGHT = 0;
    static final int LEFT = 1;
    static final int UP = 2;
    static final int DOWN = 3;
    private static final int[] DROW = {0, 0, -1, 1};
    private static final int[] DCOL = {1, -1, 0, 0};

    final int width;
    final boolean[][] blocked;
    final int[][] distance;

    MazeTask(boolean[][] blocked) {
        this.width = blocked[0].length;
        this.blocked = blocked;
        this.distance = distancesToGoal();
    }

    /** The number of random obstacle columns: the true task dimension. */
    static int obstacleColumns(int width) {
        return (width - 1) / 2;
    }

    static MazeTask generate(GaussianStream random, int width) {
        boolean[][] b = new boolean[2][width];
        for (int c = 1; c < width - 1; c += 2) {
            b[0][c] = random.uniform(0, 1) < 0.5;
            b[1][c] = !b[0][c];
        }
        return new MazeTask(b);
    }

    private int[][] distancesToGoal() {
        int[][] d = new int[2][width];
        for (int[] row : d) {
            java.util.Arrays.fill(row, -1);
        }
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        d[1][width - 1] = 0;
        queue.add(new int[] {1, width - 1});
        while (!queue.isEmpty()) {
            int[] cell = queue.poll();
            for (int a = 0; a < ACTIONS; a++) {
                int r = cell[0] + DROW[a];
                int c = cell[1] + DCOL[a];
                if (free(r, c) && d[r][c] < 0) {
                    d[r][c] = d[cell[0]][cell[1]] + 1;
                    queue.add(new int[] {r, c});
                }
            }
        }
        return d;
    }

    boolean free(int row, int col) {
        return row >= 0 && row < 2 && col >= 0 && col < width && !blocked[row][col];
    }

    /** The cell after {@code action} from (row, col), as {@code row * width + col}. */
    int move(int row, int col, int action) {
        int r = row + DROW[action];
        int c = col + DCOL[action];
        return free(r, c) ? r * width + c : row * width + col;
    }

    /** The optimal action of a free cell that is not the goal. */
    int optimalAction(int row, int col) {
        for (int a = 0; a < ACTIONS; a++) {
            int next = move(row, col, a);
            if (distance[next / width][next % width] == distance[row][col] - 1) {
                return a;
            }
        }
        throw new IllegalStateException("cell (" + row + ", " + col + ") has no step towards the goal");
    }

    int startDistance() {
        return distance[0][0];
    }

    /** The features of a cell: row and column scaled to [-1, 1]. */
    private void features(int row, int col, double[] into, int at) {
        into[at] = 2.0 * row - 1;
        into[at + 1] = 2.0 * col / (width - 1) - 1;
    }

    /**
     * As the methods see it: support = every cell with its occupancy (1 an obstacle), query = every free cell but
     * the goal with its optimal action; the truth (for the oracle) is the occupancy of every cell.
     */
    TransferTask task() {
        int cells = 2 * width;
        double[] sx = new double[2 * cells];
        double[] sy = new double[cells];
        int free = 0;
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < width; c++) {
                int i = r * width + c;
                features(r, c, sx, 2 * i);
                sy[i] = blocked[r][c] ? 1 : 0;
                free += blocked[r][c] || (r == 1 && c == width - 1) ? 0 : 1;
            }
        }
        double[] qx = new double[2 * free];
        double[] qy = new double[free];
        int q = 0;
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < width; c++) {
                if (!blocked[r][c] && !(r == 1 && c == width - 1)) {
                    features(r, c, qx, 2 * q);
                    qy[q++] = optimalAction(r, c);
                }
            }
        }
        return new TransferTask(2, sx, sy, qx, qy, sy.clone());
    }

    /** A policy of the maze's cells. */
    interface Policy {
        int action(int row, int col);
    }

    /**
     * The episode's score: from the start, {@code steps} actions of the policy (stopping at the goal); minus the
     * remaining distance to the goal over the start's distance (0 reached, -1 never moved closer).
     */
    double finalReward(Policy policy, int steps) {
        int row = 0;
        int col = 0;
        for (int t = 0; t < steps && distance[row][col] > 0; t++) {
            int next = move(row, col, policy.action(row, col));
            row = next / width;
            col = next % width;
        }
        return -(double) distance[row][col] / startDistance();
    }

    /** The features of every cell in row-major order, for a model's query (its action at each cell). */
    double[] allCellFeatures() {
        double[] x = new double[4 * width];
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < width; c++) {
                features(r, c, x, 2 * (r * width + c));
            }
        }
        return x;
    }
}
