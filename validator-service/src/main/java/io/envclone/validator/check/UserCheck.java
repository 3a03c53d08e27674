package io.envclone.validator.check;

/**
 * A check the environment spec names: a read-only query and what it must return, run as
 * {@code role} when one is given (null: as the validator's connection).
 *
 * <p>{@code expect}, one of:
 * <ul>
 * <li>a value the query's single row and column must equal: a number ({@code 0}, {@code 2.5}),
 *     {@code true}, {@code false}, or quoted text ({@code 'confirmed'});</li>
 * <li>a comparison of that single value with a number: {@code > 0}, {@code >= 10}, {@code < 5},
 *     {@code <= 5}, {@code = 3}, {@code != 0} (or {@code <>});</li>
 * <li>the number of rows the query returns: {@code rows: 0}, or with a comparison, {@code rows: > 0}.</li>
 * </ul>
 * Example: {@code new UserCheck("every reservation has a loft", "select count(*) from reservations r
 * where not exists (select 1 from lofts l where l.id = r.loft_id)", "0", null)}.
 */
public record UserCheck(String name, String sql, String expect, String role) {
}
