package io.envclone.anonymizer.transform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Dates (and the date part of timestamps), shifted by up to {@code days} days either way, the
 * shift chosen by the keyed hash of the value; {@code keep: year} or {@code keep: month} picks a
 * day within the same year or month instead, so ages and monthly reports keep their shape.
 */
final class DateTransformer implements Transformer {

    enum Keep { NONE, YEAR, MONTH }

    private final KeyedHash hash;
    private final int days;
    private final Keep keep;

    DateTransformer(KeyedHash hash, int days, Keep keep) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, was " + days);
        }
        this.hash = hash;
        this.days = days;
        this.keep = keep;
    }

    @Override
    public String apply(String value, Row row) {
        if (value == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.length() < 10 ? value : value.substring(0, 10));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date: the date transformer needs YYYY-MM-DD values");
        }
        // never a shift of 0: the date always moves
        LocalDate fake = switch (keep) {
            case NONE -> {
                int shift = hash.pick("date", value, 2 * days) - days;
                yield date.plusDays(shift >= 0 ? shift + 1 : shift);
            }
            case MONTH -> date.withDayOfMonth(1 + (date.getDayOfMonth()
                    + hash.pick("date", value, date.lengthOfMonth() - 1)) % date.lengthOfMonth());
            case YEAR -> date.withDayOfYear(1 + (date.getDayOfYear()
                    + hash.pick("date", value, date.lengthOfYear() - 1)) % date.lengthOfYear());
        };
        return fake + value.substring(10);
    }
}
