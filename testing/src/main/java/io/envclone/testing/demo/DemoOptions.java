package io.envclone.testing.demo;

/**
 * What to generate: {@code scale} 1 is about a million rows (0.01 about ten thousand), and
 * {@code seed} fixes every value, so the same options always give the same data.
 */
public record DemoOptions(double scale, long seed) {

    public static final double MAX_SCALE = 100;

    public DemoOptions {
        // Written as !(scale > 0) so that NaN is refused too.
        if (!(scale > 0) || scale > MAX_SCALE) {
            throw new IllegalArgumentException(
                    "scale must be > 0 and <= " + (int) MAX_SCALE + " (1 is about a million rows), was " + scale);
        }
    }

    /** Scale 0.01 (about ten thousand rows), seed 42: the size tests use. */
    public static DemoOptions defaults() {
        return new DemoOptions(0.01, 42);
    }
}
