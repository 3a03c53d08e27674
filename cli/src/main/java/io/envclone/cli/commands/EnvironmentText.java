package io.envclone.cli.commands;

import io.envclone.cli.local.EnvironmentState;
import java.io.PrintWriter;

/** An environment for people: what it holds, and what each copy beside it is for. */
final class EnvironmentText {

    private EnvironmentText() {
    }

    static void print(PrintWriter out, EnvironmentState state) {
        out.println(state.environment() + ": " + (state.type() == null ? "" : state.type() + " environment, ")
                + "clone " + state.cloneId() + ", created " + state.createdAt());
        if (!state.scenarios().isEmpty()) {
            out.println("  scenarios applied: " + String.join(", ", state.scenarios()));
        }
        for (EnvironmentState.Copy copy : state.copies()) {
            if (copy.role().equals("live")) {
                continue;
            }
            out.println(String.format("  %-40s %-9s clone %s%s", copy.database(), copy.role(), copy.cloneId(),
                    purpose(copy)));
        }
    }

    private static String purpose(EnvironmentState.Copy copy) {
        return switch (copy.role()) {
            case "pristine" -> " (envclone reset starts from it)";
            case "previous" -> (copy.keptUntil() == null ? "" : ", kept until " + copy.keptUntil())
                    + " (envclone rollback returns to it)";
            case "build" -> " (a clone being built)";
            default -> "";
        };
    }
}
