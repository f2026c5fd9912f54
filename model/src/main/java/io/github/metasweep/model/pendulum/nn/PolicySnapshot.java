package io.github.metasweep.model.pendulum.nn;

import io.github.metasweep.model.core.nn.Gemm;
import io.github.metasweep.model.pendulum.env.PendulumPolicy;

/**
 * The policy frozen at one set of parameters, evaluated per step on plain float arrays (no native
 * calls, no allocation). Taken once per episode. Not thread-safe: it owns its scratch buffers.
 */
public final class PolicySnapshot implements PendulumPolicy {
    private final int hidden;
    private final float[] w1;
    private final float[] b1;
    private final float[] g1;
    private final float[] w2;
    private final float[] b2;
    private final float[] g2;
    private final float[] w3;
    private final float b3;
    private final float[] h1;
    private final float[] h2;
    private final int[] active;

    public PolicySnapshot(NetworkShape shape, double[] p) {
        ParameterLayout layout = shape.layout();
        this.hidden = shape.hidden();
        this.w1 = floats(p, layout.get("pi.w1"));
        this.b1 = floats(p, layout.get("pi.b1"));
        this.w2 = floats(p, layout.get("pi.w2"));
        this.b2 = floats(p, layout.get("pi.b2"));
        this.w3 = floats(p, layout.get("pi.w3"));
        this.b3 = (float) p[layout.get("pi.b3").offset()];
        this.g1 = new float[hidden];
        this.g2 = new float[hidden];
        if (shape.gated()) {
            Gates gates = Gates.of(shape, layout, p);
            copy(gates.gate(0), g1);
            copy(gates.gate(1), g2);
        } else {
            java.util.Arrays.fill(g1, 1f);
            java.util.Arrays.fill(g2, 1f);
        }
        this.h1 = new float[hidden];
        this.h2 = new float[hidden];
        this.active = new int[hidden];
    }

    @Override
    public float act(float theta, float thetaDot) {
        final int h = hidden;
        for (int j = 0; j < h; j++) {
            float z = theta * w1[j] + thetaDot * w1[h + j] + b1[j];
            h1[j] = z > 0f ? z * g1[j] : 0f;
        }
        System.arraycopy(b2, 0, h2, 0, h);
        Gemm.addScaledRows(h1, w2, h2, h, h, active);
        float out = b3;
        for (int j = 0; j < h; j++) {
            float z = h2[j];
            if (z > 0f) {
                out += z * g2[j] * w3[j];
            }
        }
        return (float) StrictMath.tanh(out) * 2f;
    }

    private static float[] floats(double[] p, Segment s) {
        float[] out = new float[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) p[s.offset() + i];
        }
        return out;
    }

    private static void copy(double[] from, float[] to) {
        for (int i = 0; i < to.length; i++) {
            to[i] = (float) from[i];
        }
    }
}
