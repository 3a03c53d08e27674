package io.envclone.cli.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code .env} file with some keys set: the lines of those keys replaced where they are ({@code
 * KEY=...} or {@code export KEY=...}), missing ones added at the end, every other line kept as it was.
 */
final class DotEnvFile {

    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=");

    private DotEnvFile() {
    }

    static void update(Path file, Map<String, String> values) throws IOException {
        Map<String, String> missing = new LinkedHashMap<>(values);
        List<String> lines = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file)) {
                Matcher assignment = ASSIGNMENT.matcher(line);
                if (assignment.find() && values.containsKey(assignment.group(1))) {
                    String key = assignment.group(1);
                    // a key given twice keeps one line, the first
                    if (missing.remove(key) != null) {
                        lines.add(key + "=" + values.get(key));
                    }
                } else {
                    lines.add(line);
                }
            }
        }
        missing.forEach((key, value) -> lines.add(key + "=" + value));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, lines);
    }
}
