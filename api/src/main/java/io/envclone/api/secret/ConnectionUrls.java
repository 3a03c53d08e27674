package io.envclone.api.secret;

import java.util.regex.Pattern;

/**
 * Makes connection URLs safe to log or return: the password, wherever a URL may carry one,
 * is replaced by {@value #MASK}. Logs, events, status and reports show URLs only through here.
 */
public final class ConnectionUrls {

    public static final String MASK = "****";

    // user:password@ in postgresql://, jdbc:postgresql://, kafka:// ... URLs
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/@:?#]*):[^/@?#]*@");
    // password=..., sslpassword=..., any key ending in "password", "secret" or "token" in a query string
    private static final Pattern QUERY_SECRET = Pattern.compile(
            "(?i)([?&;][a-z_.-]*(password|secret|token)=)[^&;#]*");

    private ConnectionUrls() {
    }

    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        String withoutUserInfoPassword = USER_INFO_PASSWORD.matcher(url).replaceAll("$1:" + MASK + "@");
        return QUERY_SECRET.matcher(withoutUserInfoPassword).replaceAll("$1" + MASK);
    }
}
