package io.envclone.cli.commands;

import io.envclone.cli.local.CloneDriver;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --stall-timeout}: how long a clone may show no movement before it stops with a message instead of waiting on. */
public final class StallOption {

    @Option(names = "--stall-timeout", paramLabel = "DURATION", converter = StallOption.Parse.class,
            description = "Stop a clone in which nothing moved (no row read or landed, no stage changed) for this long:"
                    + " 90s, 10m, 1h or ISO-8601 (default 10m). The clone resumes when run again.")
    Duration stallTimeout;

    public Duration stallTimeout() {
        return stallTimeout == null ? CloneDriver.STALL_AFTER : stallTimeout;
    }

    /** {@code 90s}, {@code 10m}, {@code 1h}, or ISO-8601 ({@code PT10M}); never zero or negative. */
    public static final class Parse implements ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d+)([smh])");

        @Override
        public Duration convert(String text) {
            Matcher shortForm = SHORT.matcher(text.strip());
            Duration duration;
            if (shortForm.matches()) {
                long amount = Long.parseLong(shortForm.group(1));
                duration = switch (shortForm.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            } else {
                try {
                    duration = Duration.parse(text.strip());
                } catch (java.time.format.DateTimeParseException e) {
                    throw new TypeConversionException("'" + text + "' is no duration: write 90s, 10m, 1h or PT10M");
                }
            }
            if (duration.isZero() || duration.isNegative()) {
                throw new TypeConversionException("'" + text + "' is no time to wait: give more than zero, e.g. 10m");
            }
            return duration;
        }
    }
}
