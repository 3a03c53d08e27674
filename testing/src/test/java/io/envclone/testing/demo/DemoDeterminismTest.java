package io.envclone.testing.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The same seed and scale give the same bytes in every table; another seed gives other data. */
@ExtendWith(RealInfrastructureExtension.class)
class DemoDeterminismTest {

    private static final List<String> DATABASES = List.of("demo_determinism_a", "demo_determinism_b",
            "demo_determinism_c");
    /** Table → key order; every table is compared, not only users and messages. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("users", "id");
        TABLES.put("lofts", "id");
        TABLES.put("reservations", "id");
        TABLES.put("payments", "id");
        TABLES.put("conversations", "id");
        TABLES.put("conversation_participants", "conversation_id, user_id");
        TABLES.put("messages", "id");
        TABLES.put("notifications", "id");
        TABLES.put("audit.audit_log", "id");
        TABLES.put("monthly_revenue", "month, city, currency");
    }

    private static EmbeddedPostgresServer server;
    private static Map<String, String> first;
    private static Map<String, String> sameSeed;
    private static Map<String, String> otherSeed;

    @BeforeAll
    static void generateThreeTimes(EmbeddedPostgresServer postgres) throws SQLException {
        server = postgres;
        first = generate(DATABASES.get(0), 42);
        sameSeed = generate(DATABASES.get(1), 42);
        otherSeed = generate(DATABASES.get(2), 7);
    }

    @AfterAll
    static void drop() {
        DATABASES.forEach(server::dropDatabase);
    }

    @Test
    void theSameSeedGivesIdenticalTables() {
        assertThat(sameSeed).isEqualTo(first);
    }

    @Test
    void anotherSeedGivesOtherData() {
        assertThat(otherSeed.get("users")).isNotEqualTo(first.get("users"));
        assertThat(otherSeed.get("messages")).isNotEqualTo(first.get("messages"));
        assertThat(otherSeed.get("reservations")).isNotEqualTo(first.get("reservations"));
    }

    private static Map<String, String> generate(String database, long seed) throws SQLException {
        server.dropDatabase(database);
        server.createDatabase(database);
        try (Connection connection = server.connect(database)) {
            new DemoDatabaseGenerator().generate(connection, new DemoOptions(0.01, seed));
            Map<String, String> digests = new LinkedHashMap<>();
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                digests.put(table.getKey(), digest(connection, table.getKey(), table.getValue()));
            }
            return digests;
        }
    }

    private static String digest(Connection connection, String table, String order) throws SQLException {
        String sql = "select count(*) || ':' || md5(string_agg(t::text, E'\\n' order by " + order + ")) from " + table + " t";
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
