package borderwatch.sim;

import java.util.SplittableRandom;

/** Counts of random arrivals in a period: Knuth's method for small rates, a normal approximation above 30. */
public final class Poisson {

    private Poisson() {
    }

    public static int sample(SplittableRandom random, double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 30) {
            return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
        }
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
