package io.envclone.anonymizer.transform;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers and amounts with noise of up to {@code percent} percent, chosen by the keyed hash: the
 * sign and the scale (decimal places) stay, so {@code 12500.00} becomes a plausible
 * {@code 11934.50}, never {@code -3} or {@code 11934.5032}.
 */
final class NumberTransformer implements Transformer {

    private final KeyedHash hash;
    private final BigDecimal percent;

    NumberTransformer(KeyedHash hash, double percent) {
        if (percent <= 0 || percent >= 100) {
            throw new IllegalArgumentException("percent must be above 0 and below 100, was " + percent);
        }
        this.hash = hash;
        this.percent = BigDecimal.valueOf(percent);
    }

    @Override
    public String apply(String value, Row row) {
        if (value == null) {
            return null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: the number transformer needs numeric values");
        }
        // a factor in [1 - p, 1 + p] in steps of p/1000, never exactly 1
        long drawn = hash.pick("number", value, 2000) - 1000L;
        BigDecimal step = BigDecimal.valueOf(drawn >= 0 ? drawn + 1 : drawn).multiply(percent)
                .divide(BigDecimal.valueOf(100_000));
        return number.multiply(BigDecimal.ONE.add(step)).setScale(Math.max(number.scale(), 0), RoundingMode.HALF_EVEN)
                .toPlainString();
    }
}
