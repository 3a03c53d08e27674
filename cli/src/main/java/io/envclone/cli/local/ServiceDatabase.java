package io.envclone.cli.local;

import java.util.HashMap;
import java.util.Map;

/** A database as the services are given it: a JDBC URL, a role, its password (sent, never printed). */
public record ServiceDatabase(String url, String user, String password) {

    Map<String, Object> json() {
        Map<String, Object> json = new HashMap<>();
        json.put("url", url);
        json.put("user", user);
        json.put("password", password);
        return json;
    }

    @Override
    public String toString() {
        return "ServiceDatabase[" + url + ", " + user + "]";
    }
}
