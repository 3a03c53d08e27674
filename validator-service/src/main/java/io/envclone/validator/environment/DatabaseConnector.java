package io.envclone.validator.environment;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a connection to a database of the target server, with the credentials the request brought. */
@FunctionalInterface
public interface DatabaseConnector {

    Connection connect(String database) throws SQLException;
}
