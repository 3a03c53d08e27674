package io.envclone.testing.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Runs scripts shaped like pg_dump output against the real server, each test in a fresh schema. */
@ExtendWith(RealInfrastructureExtension.class)
class PsqlScriptTest {

    private static final String DATABASE = "psql_script_test";
    private static EmbeddedPostgresServer server;
    private Connection connection;

    @BeforeAll
    static void createDatabase(EmbeddedPostgresServer postgres) {
        server = postgres;
        server.dropDatabase(DATABASE);
        server.createDatabase(DATABASE);
    }

    @AfterAll
    static void dropDatabase() {
        server.dropDatabase(DATABASE);
    }

    @BeforeEach
    void connect() throws SQLException {
        connection = server.connect(DATABASE);
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists s cascade; create schema s");
        }
    }

    @AfterEach
    void disconnect() throws SQLException {
        connection.close();
    }

    @Test
    void runsADumpWithFunctionsQuotesAndCopyData() throws IOException, SQLException {
        String dump = """
                --
                -- PostgreSQL database dump
                --
                SET standard_conforming_strings = on;
                SELECT pg_catalog.set_config('search_path', '', false);
                SET client_encoding = 'UTF8';

                CREATE TABLE s."odd;table" (id integer PRIMARY KEY, name text, note text);
                CREATE FUNCTION s.describe(p integer) RETURNS text LANGUAGE plpgsql AS $_$
                BEGIN
                  -- a comment; inside the body
                  RETURN 'row ' || $1 || '; ' || E'tab\\there';
                END;
                $_$;
                COMMENT ON TABLE s."odd;table" IS 'holds; semicolons /* and */ -- dashes';

                COPY s."odd;table" (id, name, note) FROM stdin;
                1\tO'Brien; Ünïcödé 😀\t\\N
                2\ttab\\tand\\nnewline\tback\\\\slash
                3\t-- not a comment\t$$ not; a quote
                \\.

                /* after; the data */ INSERT INTO s."odd;table" VALUES (4, $$dollar; 'quoted'$$, E'it\\'s');
                """;
        PsqlScript.Result result = PsqlScript.run(connection, new StringReader(dump), "dump.sql");

        assertThat(result.statements()).isEqualTo(8);
        assertThat(result.copies()).isEqualTo(1);
        assertThat(result.copiedRows()).isEqualTo(3);
        assertThat(strings("select id || '|' || name || '|' || coalesce(note, 'NULL') from s.\"odd;table\" order by id"))
                .containsExactly("1|O'Brien; Ünïcödé 😀|NULL", "2|tab\tand\nnewline|back\\slash",
                        "3|-- not a comment|$$ not; a quote", "4|dollar; 'quoted'|it's");
        assertThat(strings("select s.describe(7)")).containsExactly("row 7; tab\there");
        assertThat(strings("select obj_description('s.\"odd;table\"'::regclass)"))
                .containsExactly("holds; semicolons /* and */ -- dashes");
        assertThat(strings("show search_path")).containsExactly(""); // the session keeps what the script set
    }

    @Test
    void aFailingStatementNamesTheFileItsLineAndTheServerMessage(@TempDir Path folder) throws IOException, SQLException {
        Path file = folder.resolve("broken.sql");
        Files.writeString(file, """
                CREATE TABLE s.t (id integer);

                -- the next statement fails
                INSERT INTO s.t
                  SELECT id FROM s.missing;
                CREATE TABLE s.never (id integer);
                """, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PsqlScript.run(connection, file))
                .isInstanceOf(PsqlScriptException.class)
                .hasMessageStartingWith(file + ":4: statement failed: ERROR: relation \"s.missing\" does not exist")
                .hasMessageContaining("statement: INSERT INTO s.t ...")
                .satisfies(e -> assertThat(((PsqlScriptException) e).line()).isEqualTo(4));
        assertThat(strings("select count(*) from s.t")).containsExactly("0");
        assertThat(strings("select to_regclass('s.never') is null")).containsExactly("t");
    }

    @Test
    void badCopyDataNamesTheDataLineAndLeavesTheConnectionUsable() throws SQLException {
        String dump = "CREATE TABLE s.n (v integer);\n\nCOPY s.n (v) FROM stdin;\n1\n2\nthree\n4\n\\.\nSELECT 1;\n";

        assertThatThrownBy(() -> PsqlScript.run(connection, new StringReader(dump), "numbers.sql"))
                .isInstanceOf(PsqlScriptException.class)
                .hasMessageStartingWith("numbers.sql:3: statement failed (COPY data at line 6): ERROR: invalid input"
                        + " syntax for type integer: \"three\"");
        assertThat(strings("select count(*) from s.n")).containsExactly("0");
    }

    @Test
    void aMetaCommandStopsTheScriptBeforeItRuns() throws SQLException {
        String dump = "CREATE TABLE s.m (v integer);\n\\connect other\nINSERT INTO s.m VALUES (1);\n";

        assertThatThrownBy(() -> PsqlScript.run(connection, new StringReader(dump), "meta.sql"))
                .isInstanceOf(PsqlScriptException.class)
                .hasMessageStartingWith("meta.sql:2: psql meta-command \\connect is not supported");
        assertThat(strings("select count(*) from s.m")).containsExactly("0");
    }

    @Test
    void copyDataStreamsWithoutHoldingTheScript() throws IOException, SQLException {
        int rows = 300_000;
        Reader script = new GeneratedScript("CREATE TABLE s.big (id integer, label text);\nCOPY s.big FROM stdin;\n",
                rows, "\\.\nCREATE INDEX ON s.big (id);\n");

        PsqlScript.Result result = PsqlScript.run(connection, script, "generated");

        assertThat(result.copiedRows()).isEqualTo(rows);
        assertThat(strings("select count(*) || ' ' || sum(id) from s.big"))
                .containsExactly(rows + " " + ((long) rows * (rows + 1) / 2));
    }

    /** A script of {@code rows} COPY lines made while read, never held as a whole. */
    private static final class GeneratedScript extends Reader {

        private final int rows;
        private final String tail;
        private String chunk;
        private int at;
        private int row;

        GeneratedScript(String head, int rows, String tail) {
            this.chunk = head;
            this.rows = rows;
            this.tail = tail;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            while (chunk != null && at >= chunk.length()) {
                row++;
                chunk = row <= rows ? row + "\tlabel; 'number' " + row + "\n" : row == rows + 1 ? tail : null;
                at = 0;
            }
            if (chunk == null) {
                return -1;
            }
            int count = Math.min(length, chunk.length() - at);
            chunk.getChars(at, at + count, buffer, offset);
            at += count;
            return count;
        }

        @Override
        public void close() {
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
