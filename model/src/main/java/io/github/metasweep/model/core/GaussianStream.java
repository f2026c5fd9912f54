package io.github.metasweep.model.core;

import java.util.SplittableRandom;

/**
 * A seeded stream of uniform and standard normal numbers, bit-identical on every JVM.
 *
 * <p>Normals use the Box-Muller transform with {@link StrictMath}, so no JDK-specific sampler
 * (such as the Java 17 ziggurat) can change a run's numbers.
 */
public final class GaussianStream {
    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    public GaussianStream(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Seed of the named independent stream of a run's seed (SplitMix64 finaliser of seed and name). */
    public static long streamSeed(long runSeed, String streamName) {
        long h = runSeed * 0x9E3779B97F4A7C15L + streamName.hashCode();
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    public static GaussianStream forRun(long runSeed, String streamName) {
        return new GaussianStream(streamSeed(runSeed, streamName));
    }

    /** Uniform in [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u1;
        do {
            u1 = random.nextDouble();
        } while (u1 <= 0.0);
        double u2 = random.nextDouble();
        double radius = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double angle = 2.0 * StrictMath.PI * u2;
        spare = radius * StrictMath.sin(angle);
        hasSpare = true;
        return radius * StrictMath.cos(angle);
    }
}
