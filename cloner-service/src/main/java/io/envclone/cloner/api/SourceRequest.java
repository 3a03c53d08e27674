package io.envclone.cloner.api;

import io.envclone.service.problem.InvalidRequestException;
import io.envclone.api.secret.ConnectionUrls;
import io.envclone.api.secret.Secret;
import io.envclone.api.source.SourceReference;

/**
 * A source as a request names it. In a cluster the operator fills it from a Secret; it is
 * held in memory for the request only and never printed.
 */
public record SourceRequest(String url, String user, String password) {

    SourceReference toReference(String field) {
        if (url == null || url.isBlank()) {
            throw new InvalidRequestException(field + ".url", "is missing: give jdbc:postgresql://host:port/database");
        }
        try {
            return new SourceReference(url, user, Secret.of(password == null ? "" : password));
        } catch (IllegalArgumentException e) {
            // SourceReference names fields "source.*"; say which source of the request it was
            throw new InvalidRequestException(field + e.getMessage().substring("source".length(),
                    e.getMessage().indexOf(' ')), e.getMessage().substring(e.getMessage().indexOf(' ') + 1));
        }
    }

    @Override
    public String toString() {
        return "SourceRequest[url=" + ConnectionUrls.redact(url) + ", user=" + user + "]";
    }
}
