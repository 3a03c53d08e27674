package io.envclone.api.orchestration;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Conditions per the Kubernetes API conventions: one per type, status {@code True}, {@code False}
 * or {@code Unknown}, a CamelCase reason, a message, the generation seen, and a
 * {@code lastTransitionTime} that moves only when the status does.
 */
public final class Conditions {

    public static final String READY = "Ready";
    public static final String PROGRESSING = "Progressing";

    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";

    private Conditions() {
    }

    /** {@code conditions} with the condition of {@code type} set; the others as they were. */
    public static List<Condition> set(List<Condition> conditions, String type, boolean status, String reason,
            String message, Long observedGeneration, Instant now) {
        String value = status ? TRUE : FALSE;
        List<Condition> updated = new ArrayList<>();
        boolean found = false;
        for (Condition condition : conditions) {
            if (!type.equals(condition.getType())) {
                updated.add(condition);
                continue;
            }
            found = true;
            String transition = value.equals(condition.getStatus()) && condition.getLastTransitionTime() != null
                    ? condition.getLastTransitionTime() : now.toString();
            updated.add(condition(type, value, reason, message, observedGeneration, transition));
        }
        if (!found) {
            updated.add(condition(type, value, reason, message, observedGeneration, now.toString()));
        }
        return List.copyOf(updated);
    }

    /** The condition of {@code type}, or null. */
    public static Condition find(List<Condition> conditions, String type) {
        return conditions.stream().filter(c -> Objects.equals(type, c.getType())).findFirst().orElse(null);
    }

    private static Condition condition(String type, String status, String reason, String message,
            Long observedGeneration, String lastTransitionTime) {
        return new ConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
                .withObservedGeneration(observedGeneration).withLastTransitionTime(lastTransitionTime).build();
    }
}
