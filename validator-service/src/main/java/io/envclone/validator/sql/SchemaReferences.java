package io.envclone.validator.sql;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The places a DDL statement names a schema: a qualifier ({@code app.customer}, {@code "App".t}) and
 * the name after {@code SCHEMA} ({@code CREATE SCHEMA IF NOT EXISTS app}, {@code GRANT USAGE ON SCHEMA
 * app}). Strings, dollar-quoted bodies and comments are read past, never changed: a function's body
 * and its {@code search_path} are resolved when it runs, so they keep the names the copy will have
 * once it is switched to, while everything PostgreSQL binds at creation (tables, types, views,
 * policies, defaults, {@code BEGIN ATOMIC} bodies) is created under the names it is built with.
 */
public final class SchemaReferences {

    private SchemaReferences() {
    }

    /** {@code sql} with every reference to a schema of {@code renames} (keys) naming its new name (values) instead. */
    public static String renamed(String sql, Map<String, String> renames) {
        StringBuilder out = new StringBuilder(sql.length() + 32);
        new Lexer(sql).forEachName((start, end, name, isReference) -> {
            String to = isReference ? renames.get(name) : null;
            return to == null ? null : SqlNames.quoted(to);
        }, out);
        return out.toString();
    }

    /** The first schema {@code sql} names: the schema of the object a CREATE, ALTER, COMMENT or GRANT is about. */
    public static Optional<String> first(String sql) {
        String[] found = new String[1];
        new Lexer(sql).forEachName((start, end, name, isReference) -> {
            if (isReference && found[0] == null) {
                found[0] = name;
            }
            return null;
        }, null);
        return Optional.ofNullable(found[0]);
    }

    /** What to put in place of a name, or null to keep it. */
    @FunctionalInterface
    private interface NameVisitor {
        String visit(int start, int end, String name, boolean isSchemaReference);
    }

    /** A one-pass reader of PostgreSQL's lexical structure, enough to tell names from everything else. */
    private static final class Lexer {
        private final String sql;
        private int at;

        Lexer(String sql) {
            this.sql = sql;
        }

        void forEachName(NameVisitor visitor, StringBuilder out) {
            int afterSchema = 0; // 1: the last word was SCHEMA (IF NOT EXISTS may follow)
            while (at < sql.length()) {
                int start = at;
                char c = sql.charAt(at);
                String name = null;
                String tag;
                boolean word = false;
                if (c == '-' && next(1) == '-') {
                    skipTo("\n");
                } else if (c == '/' && next(1) == '*') {
                    skipComment();
                } else if (c == '\'') {
                    skipString(start > 0 && (sql.charAt(start - 1) == 'E' || sql.charAt(start - 1) == 'e')
                            && (start < 2 || !identifierPart(sql.charAt(start - 2))));
                    String replaced = objectNameLiteral(start, visitor);
                    if (replaced != null) {
                        afterSchema = 0;
                        if (out != null) {
                            out.append(replaced);
                        }
                        continue;
                    }
                } else if (c == '$' && (tag = dollarTag()) != null) {
                    at += tag.length();
                    skipTo(tag);
                } else if (c == '"') {
                    name = quotedIdentifier();
                } else if (identifierStart(c)) {
                    while (at < sql.length() && identifierPart(sql.charAt(at))) {
                        at++;
                    }
                    name = sql.substring(start, at).toLowerCase(Locale.ROOT);
                    word = true;
                } else {
                    at++;
                }
                String replacement = null;
                if (name != null) {
                    boolean reference = afterSchema > 0 && !(word && isOneOf(name, "if", "not", "exists"))
                            || qualifierFollows();
                    replacement = visitor.visit(start, at, name, reference);
                    afterSchema = word && name.equals("schema") ? 1
                            : afterSchema > 0 && word && isOneOf(name, "if", "not", "exists") ? afterSchema : 0;
                } else if (!Character.isWhitespace(c) && at > start) {
                    afterSchema = c == '-' || c == '/' ? afterSchema : 0; // comments do not end "SCHEMA ..."
                }
                if (out != null) {
                    out.append(replacement == null ? sql.substring(start, at) : replacement);
                }
            }
        }

        private static final java.util.regex.Pattern OBJECT_NAME_CAST = java.util.regex.Pattern.compile(
                "\\s*::\\s*(?:pg_catalog\\s*\\.\\s*)?(regclass|regtype|regproc|regprocedure|regnamespace)\\b",
                java.util.regex.Pattern.CASE_INSENSITIVE);

        /**
         * A string cast to an object name ({@code nextval('app.seq'::regclass)}, a default's or a view's) is
         * resolved when the statement runs, like a qualifier: its schema is visited as one. The literal as it
         * is to be written, or null to keep it.
         */
        private String objectNameLiteral(int start, NameVisitor visitor) {
            java.util.regex.Matcher cast = OBJECT_NAME_CAST.matcher(sql).region(at, sql.length());
            if (!cast.lookingAt() || at - start < 2 || sql.charAt(start) != '\'' ) {
                return null;
            }
            String text = sql.substring(start + 1, at - 1).replace("''", "'");
            boolean wholeIsSchema = cast.group(1).equalsIgnoreCase("regnamespace");
            Lexer inner = new Lexer(text);
            String schema;
            if (text.startsWith("\"")) {
                schema = inner.quotedIdentifier();
            } else {
                while (inner.at < text.length() && identifierPart(text.charAt(inner.at))) {
                    inner.at++;
                }
                schema = text.substring(0, inner.at).toLowerCase(Locale.ROOT);
            }
            if (schema.isEmpty() || !(wholeIsSchema ? inner.at == text.length() : inner.at < text.length()
                    && text.charAt(inner.at) == '.')) {
                return null;
            }
            String to = visitor.visit(start, at, schema, true);
            return to == null ? null : "'" + (to + text.substring(inner.at)).replace("'", "''") + "'";
        }

        private static boolean isOneOf(String word, String... words) {
            for (String candidate : words) {
                if (candidate.equals(word)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the next thing after the name just read (past blanks) is the dot of a qualified name. */
        private boolean qualifierFollows() {
            int i = at;
            while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
                i++;
            }
            return i < sql.length() && sql.charAt(i) == '.' && (i + 1 >= sql.length() || !Character.isDigit(sql.charAt(i + 1)));
        }

        private char next(int offset) {
            return at + offset < sql.length() ? sql.charAt(at + offset) : '\0';
        }

        private void skipTo(String end) {
            int found = sql.indexOf(end, at);
            at = found < 0 ? sql.length() : found + end.length();
        }

        private void skipComment() {
            int depth = 0;
            while (at < sql.length()) {
                if (sql.startsWith("/*", at)) {
                    depth++;
                    at += 2;
                } else if (sql.startsWith("*/", at)) {
                    depth--;
                    at += 2;
                    if (depth == 0) {
                        return;
                    }
                } else {
                    at++;
                }
            }
        }

        private void skipString(boolean backslashEscapes) {
            at++;
            while (at < sql.length()) {
                char c = sql.charAt(at);
                if (backslashEscapes && c == '\\') {
                    at += 2;
                } else if (c == '\'') {
                    at++;
                    if (at < sql.length() && sql.charAt(at) == '\'') {
                        at++;
                    } else {
                        return;
                    }
                } else {
                    at++;
                }
            }
        }

        /** The dollar-quote tag starting here ({@code $$}, {@code $body$}), or null where {@code $} is something else. */
        private String dollarTag() {
            if (at > 0 && identifierPart(sql.charAt(at - 1))) {
                return null; // a $ inside a name
            }
            int i = at + 1;
            while (i < sql.length() && sql.charAt(i) != '$') {
                if (!identifierPart(sql.charAt(i)) || sql.charAt(i) == '$' || (i == at + 1 && Character.isDigit(sql.charAt(i)))) {
                    return null; // $1, a parameter
                }
                i++;
            }
            return i < sql.length() ? sql.substring(at, i + 1) : null;
        }

        private String quotedIdentifier() {
            StringBuilder name = new StringBuilder();
            at++;
            while (at < sql.length()) {
                char c = sql.charAt(at++);
                if (c == '"') {
                    if (at < sql.length() && sql.charAt(at) == '"') {
                        name.append('"');
                        at++;
                    } else {
                        break;
                    }
                } else {
                    name.append(c);
                }
            }
            return name.toString();
        }

        private static boolean identifierStart(char c) {
            return Character.isLetter(c) || c == '_' || c >= 0x80;
        }

        private static boolean identifierPart(char c) {
            return identifierStart(c) || Character.isDigit(c) || c == '$';
        }
    }
}
