package io.envclone.api.schema;

import java.util.ArrayList;
import java.util.List;

/** Takes back what a GRANT object gave, so the source's grants can replace it. */
final class Grants {

    private Grants() {
    }

    static String revocation(String grantSql) {
        List<String> revokes = new ArrayList<>();
        for (String statement : grantSql.split(";\n")) {
            if (statement.startsWith("GRANT ")) {
                String grant = statement.replace(" WITH GRANT OPTION", "");
                int to = grant.lastIndexOf(" TO ");
                revokes.add("REVOKE " + grant.substring("GRANT ".length(), to) + " FROM " + grant.substring(to + 4));
            }
        }
        return revokes.isEmpty() ? "SELECT 1" : String.join(";\n", revokes);
    }
}
