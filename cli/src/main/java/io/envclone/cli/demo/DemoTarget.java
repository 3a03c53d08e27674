package io.envclone.cli.demo;

import java.sql.Connection;
import java.sql.SQLException;

/** Where the demo production database goes: a fresh embedded server, or a server the user names. */
interface DemoTarget extends AutoCloseable {

    /** A connection to the empty database to fill; the caller closes it. */
    Connection connect() throws SQLException;

    /** Where the database is, safe to print: no password. */
    String jdbcUrl();

    /** A command a person can paste to look at the data, or empty when we cannot know one. */
    String psqlCommand();

    /** Whether the server lives only as long as this command. */
    boolean ephemeral();

    @Override
    void close();
}
