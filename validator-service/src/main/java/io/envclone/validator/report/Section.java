package io.envclone.validator.report;

import io.envclone.validator.check.CheckResult;
import java.util.List;

/** One part of a validation (row counts, health, a schema comparison...): its checks and how long they took. */
public record Section(String name, long durationMillis, List<CheckResult> checks) {

    public Section {
        checks = List.copyOf(checks);
    }
}
