package io.envclone.api.source;

import io.envclone.api.secret.ConnectionUrls;
import io.envclone.api.secret.Secret;
import java.util.Objects;

/**
 * How to reach a source database: a JDBC URL, the user and the password (from a Secret in a
 * cluster). Printing it never shows the password, not even one written inside the URL.
 */
public record SourceReference(String url, String user, Secret password) {

    public SourceReference {
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("source.url must look like jdbc:postgresql://host:port/database, was "
                    + ConnectionUrls.redact(url));
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("source.user is missing: name the role envclone reads the source as");
        }
        Objects.requireNonNull(password, "source.password");
    }

    @Override
    public String toString() {
        return "SourceReference[url=" + ConnectionUrls.redact(url) + ", user=" + user + "]";
    }
}
