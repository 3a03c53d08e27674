package io.envclone.validator.report;

/**
 * One table in a report ({@code schema.table}): its rows in the environment and in the source's
 * snapshot, and the milliseconds its checks took; each null where not known.
 */
public record TableFigure(String table, Long rows, Long sourceRows, Long checkMillis) {
}
