package io.envclone.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * JSON over HTTP to one envclone service, as the operator's REST clients talk to it. A refusal
 * or an error comes back as a {@link ServiceException} with the service's problem+json: its
 * status, the field at fault and the detail that says the fix.
 */
public final class ServiceClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ServiceClient(String name, String baseUrl) {
        this.name = name;
        this.baseUrl = baseUrl;
    }

    /** A refusal or failure the service answered, with its problem's status, field and detail. */
    public static final class ServiceException extends RuntimeException {
        private final String service;
        private final int status;
        private final String field;
        private final String detail;

        ServiceException(String service, int status, String field, String detail) {
            super(service + " answered " + status + (field == null ? "" : " on " + field) + ": " + detail);
            this.service = service;
            this.status = status;
            this.field = field;
            this.detail = detail;
        }

        public String service() {
            return service;
        }

        /** What the service said, without who and how. */
        public String detail() {
            return detail;
        }

        public int status() {
            return status;
        }

        public String field() {
            return field;
        }
    }

    /** The service could not be reached at all: a retry may succeed. */
    public static final class UnreachableException extends IllegalStateException {
        private final String service;

        UnreachableException(String service, String message, Throwable cause) {
            super(message, cause);
            this.service = service;
        }

        public String service() {
            return service;
        }
    }

    public String name() {
        return name;
    }

    /**
     * How long a look at a resource's state may take: a service that hangs (stopped, out of memory) is
     * then out of reach, not a caller that waits with it.
     */
    static final Duration LOOK = Duration.ofSeconds(15);

    /** A resource's state, which may not exist: empty on 404. */
    public java.util.Optional<JsonNode> find(String path) {
        try {
            return java.util.Optional.of(send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), LOOK));
        } catch (ServiceException e) {
            if (e.status() == 404) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    /** A POST to something that may be gone already (a cancel, an abandon): a 404 is no error. */
    public void postIfKnown(String path, Object body) {
        try {
            post(path, body);
        } catch (ServiceException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public JsonNode post(String path, Object body) {
        return send(withBody("POST", path, body));
    }

    public JsonNode put(String path, Object body) {
        return send(withBody("PUT", path, body));
    }

    /** A binary resource as it streams in, with its length; the caller closes it. */
    public record Download(java.io.InputStream body, long length) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    public Download download(String path) {
        HttpResponse<java.io.InputStream> response = exchange(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/octet-stream").timeout(Duration.ofMinutes(5)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() >= 300) {
            try (java.io.InputStream body = response.body()) {
                throw problem(response.statusCode(), new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw unreachable(e);
            }
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElseThrow(() -> new IllegalStateException(
                "the " + name + " sent " + path + " without its length"));
        return new Download(response.body(), length);
    }

    /** Bytes PUT as {@code application/octet-stream}. */
    public void putBytes(String path, byte[] bytes) {
        send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** A text resource, e.g. a report as Markdown. */
    public String text(String path, String mediaType) {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", mediaType).timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw problem(response.statusCode(), response.body());
        }
        return response.body();
    }

    private HttpRequest.Builder withBody(String method, String path, Object body) {
        try {
            return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (IOException e) {
            throw new IllegalArgumentException("the request to the " + name + " could not be written: " + e.getMessage(), e);
        }
    }

    private JsonNode send(HttpRequest.Builder builder) {
        return send(builder, Duration.ofMinutes(5));
    }

    private JsonNode send(HttpRequest.Builder builder, Duration timeout) {
        HttpResponse<String> response = exchange(builder.header("Accept", "application/json").timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw problem(response.statusCode(), response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    /** One request and its answer; a service that does not answer (or answers garbage) is out of reach. */
    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the " + name, e);
        }
    }

    private UnreachableException unreachable(IOException e) {
        return new UnreachableException(name, "the " + name + " at " + baseUrl + " did not answer: " + e.getMessage(), e);
    }

    private ServiceException problem(int status, String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return new ServiceException(name, status, problem.path("field").isTextual() ? problem.get("field").asText() : null,
                    problem.path("detail").asText(body));
        } catch (IOException notJson) {
            return new ServiceException(name, status, null, body.length() > 300 ? body.substring(0, 300) : body);
        }
    }
}
