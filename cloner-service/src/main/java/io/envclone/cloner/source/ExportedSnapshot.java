package io.envclone.cloner.source;

/** A snapshot held open by one session so that parallel readers see the very same data. */
public record ExportedSnapshot(String id, Runnable release) implements AutoCloseable {

    @Override
    public void close() {
        release.run();
    }
}
