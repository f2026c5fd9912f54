package io.github.metasweep.model.pendulum.method;

import java.util.Locale;

/** How MAML splits one episode's rows into support (inner loop) and query (outer loss). */
public enum SupportQuerySplit {
    /** Support = even steps (0, 2, ...), query = odd steps: protocol section 6's default. */
    EVEN_ODD,
    ODD_EVEN,
    /** Support = first half of the episode, query = second half. */
    HALVES;

    public static SupportQuerySplit ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Row indices of the support ({@code support=true}) or query part of {@code rows} rows. */
    public int[] rows(int rows, boolean support) {
        int[] out;
        switch (this) {
            case HALVES -> {
                int half = rows / 2;
                int from = support ? 0 : half;
                int to = support ? half : rows;
                out = new int[to - from];
                for (int i = 0; i < out.length; i++) {
                    out[i] = from + i;
                }
            }
            default -> {
                int first = (this == EVEN_ODD) == support ? 0 : 1;
                out = new int[(rows - first + 1) / 2];
                for (int i = 0; i < out.length; i++) {
                    out[i] = first + 2 * i;
                }
            }
        }
        return out;
    }
}
