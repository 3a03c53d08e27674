package io.envclone.api.orchestration;

import io.envclone.api.crd.CloneRequestStatus;
import java.time.Duration;

/**
 * What happens next: the action to take, the status to write once it is taken, and when to look
 * again ({@link Duration#ZERO} when the status is final).
 */
public record Decision(Action action, CloneRequestStatus status, Duration after) {
}
