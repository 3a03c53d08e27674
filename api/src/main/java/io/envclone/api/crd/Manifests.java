package io.envclone.api.crd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The manifests {@code envclone} reads locally, the same YAML the operator reconciles: an unknown
 * key is an error naming it, not a field silently ignored.
 */
public final class Manifests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Manifests() {
    }

    public static TestEnvironment testEnvironment(Path file) throws IOException {
        return parse(Files.readString(file), file.toString(), TestEnvironment.class);
    }

    public static CloneRequest cloneRequest(Path file) throws IOException {
        return parse(Files.readString(file), file.toString(), CloneRequest.class);
    }

    public static <T> T parse(String text, String source, Class<T> kind) {
        try {
            return YAML.readValue(text, kind);
        } catch (JsonProcessingException e) {
            String path = e instanceof JsonMappingException mapping ? path(mapping) : "";
            throw new IllegalArgumentException(source + " is not a " + kind.getSimpleName() + ": "
                    + e.getOriginalMessage().split("\n")[0] + (path.isEmpty() ? "" : " at " + path));
        }
    }

    /** Where in the manifest, as {@code spec.anonymization.rules[2].colum}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
