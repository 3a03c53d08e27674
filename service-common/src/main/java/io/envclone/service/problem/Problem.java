package io.envclone.service.problem;

/** An RFC 9457 problem detail; {@code field} names the request field at fault, when one is. */
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
