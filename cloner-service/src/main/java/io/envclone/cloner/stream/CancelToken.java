package io.envclone.cloner.stream;

/** Asked by workers between chunks of a table; set by a cancel request. */
public final class CancelToken {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }

    void throwIfCancelled() throws CloneCancelledException {
        if (cancelled) {
            throw new CloneCancelledException();
        }
    }

    /** The clone was cancelled: workers stop, the snapshot is released, nothing unfinished is reported done. */
    public static final class CloneCancelledException extends Exception {
        CloneCancelledException() {
            super("the clone was cancelled");
        }
    }
}
