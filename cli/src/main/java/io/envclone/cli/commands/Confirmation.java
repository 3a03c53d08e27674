package io.envclone.cli.commands;

import java.io.Console;

/**
 * What stands for {@code --yes} on a terminal: the environment's name, typed. Without a terminal
 * (a script, a CI job) nothing can be typed, and only {@code --yes} confirms.
 */
final class Confirmation {

    private Confirmation() {
    }

    /** Asks {@code question} and whether the answer is {@code name}; false when there is no terminal. */
    static boolean typed(String question, String name) {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        String typed = console.readLine("%s", question + " Type its name to go on: ");
        return name.equals(typed == null ? null : typed.trim());
    }
}
