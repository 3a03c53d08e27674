package io.envclone.cli.demo;

/** A step of a command failed; the message says which and why, without secrets. */
final class StepFailure extends RuntimeException {

    StepFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
