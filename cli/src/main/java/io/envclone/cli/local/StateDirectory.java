package io.envclone.cli.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * What the command keeps between runs, in {@code ENVCLONE_STATE_DIR} (default {@code ~/.envclone}):
 * the local Kafka's log, the clone in flight of each environment (so a run that was killed resumes
 * it) and the local anonymization key. Files holding keys are readable by their owner only, like
 * a kubeconfig; a finished clone's file is deleted with its keys.
 */
public final class StateDirectory {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;

    public StateDirectory(Path root) {
        this.root = root.toAbsolutePath();
    }

    public static StateDirectory of(Map<String, String> environment) {
        String configured = environment.get("ENVCLONE_STATE_DIR");
        return new StateDirectory(configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".envclone"));
    }

    public Path root() {
        return root;
    }

    public Path kafka() {
        return root.resolve("kafka");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** The clone in flight into {@code environment}, if a run left one. */
    public Optional<CloneRecord> clone(String environment) {
        Path file = cloneFile(environment);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), CloneRecord.class));
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not readable (" + e.getMessage().split("\n")[0]
                    + "): delete it to start the clone of " + environment + " over", e);
        }
    }

    public void save(CloneRecord record) {
        writePrivate(cloneFile(record.environment()), () -> JSON.writeValueAsBytes(record));
    }

    public void forget(String environment) {
        try {
            Files.deleteIfExists(cloneFile(environment));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The key that makes local fake values: {@code ENVCLONE_ANONYMIZATION_KEY} (base64) when set,
     * else one made on first use and kept here, so the same data gives the same fake values run after run.
     */
    public byte[] anonymizationKey(Map<String, String> environment) {
        String given = environment.get("ENVCLONE_ANONYMIZATION_KEY");
        if (given != null && !given.isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(given.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ENVCLONE_ANONYMIZATION_KEY is not base64: make one with"
                        + " openssl rand -base64 32");
            }
            if (key.length < 32) {
                throw new IllegalArgumentException("ENVCLONE_ANONYMIZATION_KEY holds " + key.length
                        + " bytes, at least 32 are needed: make one with openssl rand -base64 32");
            }
            return key;
        }
        Path file = root.resolve("anonymization.key");
        try {
            if (!Files.isRegularFile(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                writePrivate(file, () -> Base64.getEncoder().encode(key));
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path cloneFile(String environment) {
        return root.resolve("clones").resolve(environment + ".json");
    }

    private interface Content {
        byte[] bytes() throws IOException;
    }

    /** Written whole or not at all, owner-only from the first byte. */
    private static void writePrivate(Path file, Content content) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            try {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(temporary);
            }
            Files.write(temporary, content.bytes());
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
