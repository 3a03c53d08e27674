package io.envclone.cli.demo;

import io.envclone.api.secret.ConnectionUrls;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.ParameterException;

/** Prints each step of a command as it starts and how long it took; turns a failure into a one-line reason. */
final class Steps {

    @FunctionalInterface
    interface Step<T> {
        T run() throws Exception;
    }

    private final PrintWriter progress;

    Steps(PrintWriter progress) {
        this.progress = progress;
    }

    <T> T run(String name, Step<T> step) {
        progress.println("==> " + name + " ...");
        progress.flush();
        long started = System.nanoTime();
        try {
            T result = step.run();
            progress.printf(Locale.ROOT, "    done in %.1f s%n", (System.nanoTime() - started) / 1e9);
            progress.flush();
            return result;
        } catch (ParameterException e) {
            throw e;
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : ConnectionUrls.redact(e.getMessage());
            throw new StepFailure(name.toLowerCase(Locale.ROOT) + " failed: " + reason, e);
        }
    }
}
