package io.envclone.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.anonymize.RuleSetFiles;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.fixtures.Pagila;
import io.envclone.testing.fixtures.RequiresPagila;
import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole path through the real services, each in its own process as in the cluster: cloner →
 * Kafka → anonymizer → Kafka → validator, on the demo database and on Pagila (which nobody here
 * wrote). The copy must have the source's schema and counts, hold none of the source's personal
 * values anywhere (text and JSON included), and come with a green report.
 */
@ExtendWith(RealInfrastructureExtension.class)
class WholePathTest {

    private static final String ROLE = "envclone_local";
    private static final String PASSWORD = "l0cal-Contr0l-s3cret";
    private static final byte[] ANONYMIZATION_KEY = "whole-path-test-anonymization-key".getBytes(StandardCharsets.UTF_8);

    private static EmbeddedPostgresServer server;
    private static LocalServices services;

    @BeforeAll
    static void services(RealInfrastructure infra) throws Exception {
        server = infra.postgres();
        for (String control : List.of("envclone_cloner", "envclone_validator")) {
            server.createDatabase(control);
            server.createLoginRole(ROLE, PASSWORD, control);
        }
        services = LocalServices.start(LocalServices.root(), infra.kafka().bootstrapServers(),
                new LocalServices.ControlDatabase("localhost", server.port(), ROLE, PASSWORD),
                Path.of("target", "whole-path-logs"), true);
    }

    @AfterAll
    static void stop() throws Exception {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void theDemoDatabaseLandsAnonymizedWithItsSchemaAndCountsAndAGreenReport() throws Exception {
        server.dropDatabase("wp_demo_source");
        server.createDatabase("wp_demo_source");
        try (Connection source = server.connect("wp_demo_source")) {
            new DemoDatabaseGenerator().generate(source, new DemoOptions(0.02, 7));
        }
        dropEnvironment("wp-demo");
        RuleSet rules = RuleSetFiles.read(LocalServices.root().resolve("deploy/samples/demo-rules.yaml"));

        CloneDriver.Result result = run("wp_demo_source", "wp-demo", "test", rules);

        assertThat(result.reason()).as(result.report()).isEmpty();
        assertThat(result.ready()).isTrue();
        assertThat(result.reportPassed()).isTrue();
        assertThat(result.report()).contains("PASSED").contains("schema parity").contains("no source value in the copy");
        assertThat(counts("wp-demo")).isEqualTo(counts("wp_demo_source")).isNotEmpty();
        String personal = """
                select email::text from public.users union all select phone from public.users
                union all select iban from public.users union all select national_id::text from public.users
                union all select guest_email::text from public.reservations""";
        assertThat(leaks("wp_demo_source", "wp_demo_source", personal)).as("the search finds them where they are")
                .containsKeys("public.users.email", "public.messages.body", "public.notifications.payload");
        assertThat(leaks("wp_demo_source", "wp-demo", personal)).as("source values found in the copy, by column").isEmpty();
    }

    @Test
    @RequiresPagila
    void pagilaLandsAnonymizedByTheRulesDiscoveryProposed() throws Exception {
        server.dropDatabase("wp_pagila_source");
        server.createDatabase("wp_pagila_source");
        Pagila.load(server, "wp_pagila_source");
        dropEnvironment("wp-pagila");
        RuleSet rules = discoveredRules("wp_pagila_source");
        assertThat(CloneDriver.fingerprintColumns(rules)).contains("public.customer.email", "public.address.phone");

        CloneDriver.Result result = run("wp_pagila_source", "wp-pagila", "test", rules);

        assertThat(result.reason()).as(result.report()).isEmpty();
        assertThat(result.ready()).isTrue();
        assertThat(result.report()).contains("PASSED");
        assertThat(counts("wp-pagila")).isEqualTo(counts("wp_pagila_source")).isNotEmpty();
        Map<String, Integer> leaks = leaks("wp_pagila_source", "wp-pagila", """
                select email from public.customer where email is not null union all select phone from public.address
                union all select first_name || ' ' || last_name from public.customer""");
        assertThat(leaks).as("source values found in the copy, by column").isEmpty();
    }

    private CloneDriver.Result run(String source, String environment, String type, RuleSet rules)
            throws Exception {
        CloneDriver driver = new CloneDriver(client("cloner", services.cloner()), client("anonymizer", services.anonymizer()),
                client("validator", services.validator()), new StateDirectory(Files.createTempDirectory("wp-state-")),
                progress -> { });
        return driver.run(new CloneDriver.Request(database(source), database(environment), environment, type, rules,
                ANONYMIZATION_KEY, null, null, Map.of(), 2, null, environment, null, null, "whole-path-test"));
    }

    private static ServiceClient client(String name, ServiceProcess service) {
        return new ServiceClient(name, service.baseUrl());
    }

    private static ServiceDatabase database(String name) {
        return new ServiceDatabase(server.jdbcUrl(name), EmbeddedPostgresServer.SUPERUSER, "unused-by-trust");
    }

    private static void dropEnvironment(String environment) {
        for (String suffix : List.of("", "__build", "__previous", "__pristine")) {
            server.dropDatabase(environment + suffix);
        }
    }

    /** The proposal of the anonymizer's discovery for the source's columns and 50 sample rows of each table. */
    private static RuleSet discoveredRules(String database) throws Exception {
        DatabaseUrl source = new DatabaseUrl(EmbeddedPostgresServer.SUPERUSER, server.host(), server.port(), database, "");
        return Discovery.of(client("anonymizer", services.anonymizer()),
                SourceSample.read(source, io.envclone.api.schema.SchemaSelection.defaults())).rules();
    }

    private static Map<String, Long> counts(String database) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        List<String> tables = new ArrayList<>();
        try (Connection connection = server.connect(database); Statement sql = connection.createStatement()) {
            try (ResultSet table = sql.executeQuery("select schemaname || '.' || tablename from pg_tables"
                    + " where schemaname not in ('pg_catalog', 'information_schema')")) {
                while (table.next()) {
                    tables.add(table.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet count = sql.executeQuery("select count(*) from only " + table)) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        }
        return counts;
    }

    /**
     * Every text and JSON column of the copy searched for the source's values ({@code query} gives
     * them): each value of the copy whole, each email, phone, id number and IBAN in it, and each
     * pair of words in it (a full name inside a text); how many values hold one, by column.
     */
    private static Map<String, Integer> leaks(String source, String copy, String query) throws SQLException {
        java.util.Set<String> values = new java.util.HashSet<>();
        try (Connection connection = server.connect(source); Statement sql = connection.createStatement();
                ResultSet value = sql.executeQuery(query)) {
            while (value.next()) {
                if (value.getString(1) != null && value.getString(1).length() >= 6) {
                    values.add(value.getString(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        assertThat(values).as("source values to look for").hasSizeGreaterThan(50);
        Map<String, Integer> found = new TreeMap<>();
        try (Connection connection = server.connect(copy)) {
            List<String[]> columns = new ArrayList<>();
            try (Statement sql = connection.createStatement(); ResultSet column = sql.executeQuery("""
                    select table_schema, table_name, column_name from information_schema.columns
                    where table_schema not in ('pg_catalog', 'information_schema')
                      and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'USER-DEFINED')""")) {
                while (column.next()) {
                    columns.add(new String[] {column.getString(1), column.getString(2), column.getString(3)});
                }
            }
            for (String[] column : columns) {
                int hits = 0;
                try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("select \""
                        + column[2] + "\"::text from \"" + column[0] + "\".\"" + column[1] + "\"")) {
                    while (row.next()) {
                        if (row.getString(1) != null && holdsOne(row.getString(1), values)) {
                            hits++;
                        }
                    }
                }
                if (hits > 0) {
                    found.put(column[0] + "." + column[1] + "." + column[2], hits);
                }
            }
        }
        return found;
    }

    private static boolean holdsOne(String original, java.util.Set<String> values) {
        String text = original.toLowerCase(java.util.Locale.ROOT);
        if (values.contains(text)) {
            return true;
        }
        java.util.regex.Matcher token = io.envclone.api.fingerprint.TextPatterns.LEAK_TOKENS.matcher(original);
        while (token.find()) {
            if (values.contains(token.group().toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        String[] words = text.split("[^\\p{L}\\p{N}@.+'-]+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (values.contains(words[i] + " " + words[i + 1])) {
                return true;
            }
        }
        return false;
    }
}
