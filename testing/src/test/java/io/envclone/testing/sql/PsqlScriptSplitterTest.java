package io.envclone.testing.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The splitter on tricky inputs; no database needed. */
class PsqlScriptSplitterTest {

    @Test
    void splitsOnSemicolonsAndReportsTheLineOfTheFirstToken() throws IOException {
        List<PsqlScriptSplitter.Statement> statements = split("""
                --
                -- pg_dump header; with a semicolon
                --

                SET statement_timeout = 0;
                SELECT pg_catalog.set_config('search_path', '', false); select
                  2 ;;

                /* leading; block comment */ CREATE TABLE t (
                    id integer
                );
                select 'no semicolon at the end'
                """);
        assertThat(statements).extracting(PsqlScriptSplitter.Statement::sql).containsExactly(
                "SET statement_timeout = 0",
                "SELECT pg_catalog.set_config('search_path', '', false)",
                "select\n  2",
                "CREATE TABLE t (\n    id integer\n)",
                "select 'no semicolon at the end'");
        assertThat(statements).extracting(PsqlScriptSplitter.Statement::line).containsExactly(5, 6, 6, 9, 12);
    }

    @Test
    void semicolonsInsideQuotesAndCommentsDoNotSplit() throws IOException {
        String[] tricky = {
            "select 'a;b', 'it''s; fine', '' as empty",
            "select E'it\\'s; escaped', e'back\\\\', E'double ''; quote'",
            "select 'C:\\', 'standard strings keep backslashes;'",
            "select \"odd;name\", \"with \"\"; quotes\"\"\" from \"t;\"",
            "create function f() returns int as $$ begin return 1; end; $$ language plpgsql",
            "create function g() returns text as $body$\nbegin\n  return $$;inner;$$ || $x$;$x$;\nend;\n$body$ language plpgsql",
            "select 1 -- a comment; with a semicolon\n + 2",
            "select /* one; /* nested; */ still comment; */ 3",
            "select $1::text, $2 from x$y$ where a$$b = 1",
            "select $_$ '; \" $_$, $ä$;$ä$",
            "select 'multi\nline; string\n\\not a meta-command'",
            "select E'\\\n;'",
        };
        List<PsqlScriptSplitter.Statement> statements = split(String.join(";\n", tricky) + ";\n");
        assertThat(statements).extracting(PsqlScriptSplitter.Statement::sql).containsExactly(tricky);
    }

    @Test
    void anEStringNeedsAnEThatIsNotTheEndOfAWord() throws IOException {
        // "some'" is not an E string: the backslash inside stays ordinary and the quote after it closes.
        assertThat(split("select some'\\'; select 2;")).extracting(PsqlScriptSplitter.Statement::sql)
                .containsExactly("select some'\\'", "select 2");
        assertThat(split("select (E'a\\'b;c'); select 2;")).extracting(PsqlScriptSplitter.Statement::sql)
                .containsExactly("select (E'a\\'b;c')", "select 2");
    }

    @Test
    void copyFromStdinGivesTheLinesUpToTheBackslashDot() throws IOException {
        PsqlScriptSplitter splitter = new PsqlScriptSplitter(new StringReader("""
                COPY public.actor (actor_id, first_name) FROM stdin;
                1\tO'Brien; -- not a comment
                2\t\\N
                \\.
                3\t$$ not a quote
                \\.

                SELECT pg_catalog.setval('public.actor_actor_id_seq', 2, true);
                """), "test.sql");
        PsqlScriptSplitter.Statement copy = splitter.next();
        assertThat(copy.isCopyFromStdin()).isTrue();
        assertThat(read(splitter.copyData())).isEqualTo("1\tO'Brien; -- not a comment\n2\t\\N\n");
        assertThatThrownBy(splitter::next).isInstanceOf(PsqlScriptException.class)
                .hasMessageContaining("test.sql:5:"); // "3 $$..." is SQL again: an unterminated dollar quote
    }

    @Test
    void copyDataAndTheNextStatement() throws IOException {
        PsqlScriptSplitter splitter = new PsqlScriptSplitter(new StringReader("""
                copy t from STDIN with (format csv);
                a,"b;c"
                \\.
                copy t to stdout;
                select 1;
                """), "test.sql");
        assertThat(splitter.next().isCopyFromStdin()).isTrue();
        assertThat(read(splitter.copyData())).isEqualTo("a,\"b;c\"\n");
        PsqlScriptSplitter.Statement copyOut = splitter.next();
        assertThat(copyOut.isCopyFromStdin()).isFalse();
        assertThat(copyOut.line()).isEqualTo(4);
        assertThat(splitter.next().sql()).isEqualTo("select 1");
        assertThat(splitter.next()).isNull();
    }

    @Test
    void copyDataWithoutItsEndIsAnError() throws IOException {
        PsqlScriptSplitter splitter = new PsqlScriptSplitter(new StringReader("\nCOPY t FROM stdin;\n1\n2\n"), "cut.sql");
        splitter.next();
        Reader data = splitter.copyData();
        assertThatThrownBy(() -> read(data)).isInstanceOf(PsqlScriptException.class)
                .hasMessage("cut.sql:2: the COPY data starting at line 3 has no ending \\. line");
    }

    @Test
    void copyDataNeverSplitsASurrogatePair() throws IOException {
        PsqlScriptSplitter splitter = new PsqlScriptSplitter(new StringReader("COPY t FROM stdin;\nab\uD83D\uDE00c\n\\.\n"), "x");
        splitter.next();
        Reader data = splitter.copyData();
        char[] buffer = new char[3];
        assertThat(data.read(buffer, 0, 3)).isEqualTo(2);
        assertThat(data.read(buffer, 0, 3)).isEqualTo(3);
        assertThat(new String(buffer, 0, 3)).isEqualTo("\uD83D\uDE00c");
    }

    @Test
    void psqlMetaCommandsAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> split("select 1;\n\n\\connect other\nselect 2;"))
                .isInstanceOf(PsqlScriptException.class)
                .hasMessage("dump.sql:3: psql meta-command \\connect is not supported: only SQL statements and"
                        + " COPY ... FROM stdin data are")
                .extracting(e -> ((PsqlScriptException) e).line()).isEqualTo(3);
        assertThatThrownBy(() -> split("select 1;\n\\restrict abc123\n"))
                .hasMessageStartingWith("dump.sql:2: psql meta-command \\restrict is not supported");
        assertThatThrownBy(() -> split("select 1 \\gset\n"))
                .hasMessageStartingWith("dump.sql:1: psql meta-command \\gset");
        assertThatThrownBy(() -> split("select 1;\n\\.\n"))
                .hasMessage("dump.sql:2: \\. outside COPY ... FROM stdin data");
    }

    @Test
    void unterminatedQuotesAndCommentsAreNamed() {
        assertThatThrownBy(() -> split("select 1;\n\ncreate function f() as $fn$\nbegin;\n"))
                .hasMessage("dump.sql:3: the script ends inside a dollar-quoted string $fn$");
        assertThatThrownBy(() -> split("select 'open;\n")).hasMessage("dump.sql:1: the script ends inside a quoted string");
        assertThatThrownBy(() -> split("select 1;\n/* open\n")).hasMessage("dump.sql:2: the script ends inside a /* comment */");
    }

    @Test
    void textAfterCopyOnItsLineIsRefused() throws IOException {
        PsqlScriptSplitter splitter = new PsqlScriptSplitter(new StringReader("COPY t FROM stdin; select 1;\n\\.\n"), "x.sql");
        splitter.next();
        assertThatThrownBy(splitter::copyData).hasMessageStartingWith("x.sql:1: text after COPY ... FROM stdin");
    }

    @Test
    void anEmptyScriptHasNoStatements() throws IOException {
        assertThat(split("")).isEmpty();
        assertThat(split("-- only a comment\n/* and; another */\n;\n  \n")).isEmpty();
    }

    private static List<PsqlScriptSplitter.Statement> split(String script) throws IOException {
        PsqlScriptSplitter splitter = new PsqlScriptSplitter(new StringReader(script), "dump.sql");
        List<PsqlScriptSplitter.Statement> statements = new ArrayList<>();
        for (PsqlScriptSplitter.Statement next = splitter.next(); next != null; next = splitter.next()) {
            statements.add(next);
        }
        return statements;
    }

    private static String read(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[7];
        for (int count = reader.read(buffer); count >= 0; count = reader.read(buffer)) {
            text.append(buffer, 0, count);
        }
        return text.toString();
    }
}
