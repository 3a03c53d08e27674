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
        if (value == null || value.length() < 10) {
            return value;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date: the date transformer needs YYYY-MM-DD values");
        }
        LocalDate fake = switch (keep) {
            case NONE -> date.plusDays(hash.pick("date", value, 2 * days + 1) - days);
            case MONTH -> date.withDayOfMonth(1 + hash.pick("date", value, date.lengthOfMonth()));
            case YEAR -> date.withDayOfYear(1 + hash.pick("date", value, date.lengthOfYear()));
        };
        return fake + value.substring(10);
    }
}
