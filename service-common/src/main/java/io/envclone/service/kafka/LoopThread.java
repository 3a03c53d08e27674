package io.envclone.service.kafka;

/** A stream loop on its own daemon thread for the life of a service: started once, closed and awaited on shutdown. */
public final class LoopThread<L extends Runnable & AutoCloseable> {

    private static final long STOP_WAIT_MS = 10_000;

    private final L loop;
    private final Thread thread;

    private LoopThread(L loop, String name) {
        this.loop = loop;
        this.thread = new Thread(loop, name);
        thread.setDaemon(true);
    }

    public static <L extends Runnable & AutoCloseable> LoopThread<L> start(L loop, String name) {
        LoopThread<L> started = new LoopThread<>(loop, name);
        started.thread.start();
        return started;
    }

    /** Closes the loop and waits for it to finish what it was doing (ten seconds at most). */
    public void stop() throws Exception {
        loop.close();
        thread.join(STOP_WAIT_MS);
    }
}
