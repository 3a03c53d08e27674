package io.envclone.validator.check;

import io.envclone.api.schema.MigrationScript;
import io.envclone.service.catalog.CatalogAnalysis;
import io.envclone.service.catalog.CopyScope;
import io.envclone.service.catalog.PublicSchemaOwner;
import io.envclone.validator.sql.SchemaReferences;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The finished environment's schema against the source's: the target's catalogs are read with the
 * same analysis the cloner read the source with, rendered as the DDL that would build it, and
 * compared statement by statement with the DDL the environment was built from. Equal scripts are
 * equal schemas: every table, column, constraint, index, trigger, policy, function, view, type,
 * sequence, grant and comment. A statement's first line names the object in a finding; the
 * statement itself is DDL, never data.
 */
public final class SchemaParity {

    private SchemaParity() {
    }

    public static List<CheckResult> check(Connection target, MigrationScript source) throws SQLException {
        MigrationScript copy = RolledBack.run(target, false, connection -> MigrationScript.forEmptyTarget(
                CatalogAnalysis.read(connection)));
        Set<String> expected = statements(source);
        // inside one database the copy is some of its schemas: the source's statements about others are not its
        List<String> scope = CopyScope.current(target);
        if (!scope.isEmpty()) {
            expected.removeIf(statement -> SchemaReferences.first(statement).map(schema -> !scope.contains(schema))
                    .orElse(false));
        }
        Set<String> found = statements(copy);
        List<CheckResult> results = new ArrayList<>();
        for (String statement : expected) {
            if (!found.contains(statement)) {
                results.add(new CheckResult("schema " + headline(statement), false, "missing or different in the copy:"
                        + " the source has " + headline(statement)));
            }
        }
        for (String statement : found) {
            if (!expected.contains(statement)) {
                results.add(new CheckResult("schema " + headline(statement), false, "in the copy only: "
                        + headline(statement)));
            }
        }
        if (results.isEmpty()) {
            results.add(new CheckResult("schema parity", true, expected.size() + " definitions, all equal to the source's"));
        }
        return results;
    }

    private static Set<String> statements(MigrationScript script) {
        Set<String> statements = new LinkedHashSet<>();
        script.statements().forEach(statement -> statements.add(PublicSchemaOwner.definitionOnly(statement)));
        return statements;
    }

    private static String headline(String statement) {
        String first = statement.strip().split("\n", 2)[0];
        return first.length() > 160 ? first.substring(0, 160) + "…" : first;
    }
}
