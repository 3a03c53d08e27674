package io.envclone.api.source;

import java.util.Locale;
import java.util.Optional;

/**
 * Who a PostgreSQL server is, so that a target can be recognised as "the same server as
 * production" and refused. The cluster's system identifier (from {@code pg_control_system()},
 * where the role may read it) is the proof; without it, the address the server itself reports
 * and the address used to reach it stand in.
 *
 * @param systemIdentifier unique per cluster ({@code initdb}); empty where not permitted
 * @param host the host used to connect
 * @param port the port used to connect
 * @param serverAddress what the server reports as its own address ({@code inet_server_addr()}), empty over a socket
 * @param database the database connected to
 * @param serverVersion {@code server_version}
 */
public record ServerFingerprint(Optional<String> systemIdentifier, String host, int port, Optional<String> serverAddress,
        String database, String serverVersion) {

    /** The cluster's identifier: for superusers, or roles granted {@code pg_control_system()}. */
    public static final String SYSTEM_IDENTIFIER_QUERY = "select system_identifier::text from pg_control_system()";
    /** The address the server reports, the database and the version, in that order. */
    public static final String IDENTITY_QUERY = "select host(inet_server_addr()), current_database(),"
            + " current_setting('server_version')";

    /** Whether both fingerprints describe one PostgreSQL cluster (any of its databases). */
    public boolean sameServerAs(ServerFingerprint other) {
        if (systemIdentifier.isPresent() && other.systemIdentifier.isPresent()) {
            return systemIdentifier.equals(other.systemIdentifier);
        }
        // Without identifiers, be cautious: the same reported address and port, or the same name and port.
        boolean samePort = port == other.port;
        boolean sameReportedAddress = serverAddress.isPresent() && serverAddress.equals(other.serverAddress);
        return samePort && (sameReportedAddress || normalise(host).equals(normalise(other.host)));
    }

    /** Whether both fingerprints describe the same database of the same cluster. */
    public boolean sameDatabaseAs(ServerFingerprint other) {
        return sameServerAs(other) && database.equals(other.database);
    }

    private static String normalise(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.equals("localhost") || lower.equals("::1") || lower.startsWith("127.") ? "loopback" : lower;
    }
}
