package io.envclone.api.anonymize;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rule files, YAML or JSON (JSON is YAML): an unknown key is an error naming it, not a rule silently ignored. */
public final class RuleSetFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RuleSetFiles() {
    }

    public static RuleSet read(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    public static RuleSet parse(String text, String source) {
        try {
            return YAML.readValue(text, RuleSet.class);
        } catch (IOException e) {
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                    ? json.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException(source + " is not a rule set: " + message.split("\n")[0]
                    + " (expected version, policy and rules: [{column, type, options, paths, reason}])");
        }
    }
}
