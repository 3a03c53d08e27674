package io.envclone.cli.local;

/**
 * The clone stopped before its end for a reason outside it (a part that died and could not come
 * back, nothing moving any more): the message says which part and how to go on. The clone's record
 * stays, so the same command resumes it from the services' checkpoints and the landing ledger.
 */
public final class CloneStopped extends RuntimeException {

    public CloneStopped(String message) {
        super(message);
    }
}
