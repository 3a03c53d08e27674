package io.envclone.anonymizer.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The keys of sampled JSON values whose names read as personal data ({@code username},
 * {@code full_name}): a reviewer of a {@code scrub} rule wants to know what it is expected to hide.
 */
final class JsonKeys {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonKeys() {
    }

    /** Path to what the key's name reads as ({@code guest.email} to "an email address"), sorted by path. */
    static Map<String, String> personal(String table, List<String> values) {
        Map<String, String> found = new TreeMap<>();
        for (String value : values) {
            if (value == null) {
                continue;
            }
            try {
                walk(JSON.readTree(value), "", table, found);
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                // a sampled value that is not JSON tells nothing about keys
            }
        }
        return found;
    }

    private static void walk(JsonNode node, String path, String table, Map<String, String> found) {
        if (node.isArray()) {
            node.forEach(element -> walk(element, path, table, found));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String here = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (field.getValue().isContainerNode()) {
                walk(field.getValue(), here, table, found);
            } else {
                NameClassifier.classify(table, field.getKey())
                        .filter(verdict -> verdict.kind() != null)
                        .ifPresent(verdict -> found.put(here, verdict.kind().what));
            }
        }
    }
}
