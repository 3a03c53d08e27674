package io.envclone.testing.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A loopback TCP forwarder placed between a client and a real server, so that a test can
 * make the server unreachable ({@link #cut()}) and reachable again ({@link #restore()})
 * without stopping it: the network fault that health checks and retries must survive.
 *
 * <p>While cut, every open connection is closed and new ones are accepted and closed at
 * once, which a client sees as "connection reset", the same as a dead peer.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tcp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean cut = new AtomicBoolean();
    private volatile boolean closed;

    private TcpProxy(String targetHost, int targetPort, int listenPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket();
        this.listener.setReuseAddress(true);
        this.listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort));
        pumps.execute(this::acceptLoop);
    }

    /** Starts a proxy on a free loopback port that forwards to {@code host:port}. */
    public static TcpProxy forward(String host, int port) {
        return forward(host, port, 0);
    }

    /** Starts a proxy on {@code listenPort} (0: any free port) that forwards to {@code host:port}. */
    public static TcpProxy forward(String host, int port, int listenPort) {
        try {
            return new TcpProxy(host, port, listenPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open proxy port " + listenPort, e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String hostAndPort() {
        return "localhost:" + port();
    }

    /** Drops every connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        cut.set(true);
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut.set(false);
    }

    public boolean isCut() {
        return cut.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (cut.get()) {
                    closeQuietly(client);
                    continue;
                }
                connect(client);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        open.add(client);
        open.add(upstream);
        pumps.execute(() -> pump(client, upstream));
        pumps.execute(() -> pump(upstream, client));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (SocketException e) {
            // the other side or cut() closed the connection: nothing to report
        } catch (IOException e) {
            // same as above, for streams closed mid-read
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    @Override
    public void close() {
        closed = true;
        cut();
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        pumps.shutdownNow();
    }
}
