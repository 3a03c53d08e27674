package io.envclone.anonymizer.transform;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers and amounts with noise of up to {@code percent} percent, chosen by the keyed hash: the
 * sign and the scale (decimal places) stay, so {@code 12500.00} becomes a plausible
 * {@code 11934.50}, never {@code -3} or {@code 11934.5032}. Noise is relative, so an amount stays
 * plausible for its row's currency (a DZD price stays a DZD price; the currency column is kept).
 * With {@code factorBy}, the factor comes from another column of the row (a reservation's id):
 * every amount sharing it is scaled alike, so a reservation's payments still add up to its total
 * (to rounding at the column's scale: at most half a unit of the last place per amount).
 */
final class NumberTransformer implements Transformer {

    private final KeyedHash hash;
    private final BigDecimal percent;
    private final String factorBy;

    NumberTransformer(KeyedHash hash, double percent, String factorBy) {
        if (percent <= 0 || percent >= 100) {
            throw new IllegalArgumentException("percent must be above 0 and below 100, was " + percent);
        }
        this.hash = hash;
        this.percent = BigDecimal.valueOf(percent);
        this.factorBy = factorBy == null || factorBy.isBlank() ? null : factorBy.strip();
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
        String by = factorBy == null ? null : row.column(factorBy);
        long drawn = (by == null ? hash.pick("number", value, 2000) : hash.pick("number-factor", by.strip(), 2000)) - 1000L;
        BigDecimal step = BigDecimal.valueOf(drawn >= 0 ? drawn + 1 : drawn).multiply(percent)
                .divide(BigDecimal.valueOf(100_000));
        return number.multiply(BigDecimal.ONE.add(step)).setScale(Math.max(number.scale(), 0), RoundingMode.HALF_EVEN)
                .toPlainString();
    }
}
