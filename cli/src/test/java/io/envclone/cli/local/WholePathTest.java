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

    // the control databases are the superuser's, as `envclone clone` makes them on the same server in CloneCommandTest
    private static final String ROLE = EmbeddedPostgresServer.SUPERUSER;
    private static final String PASSWORD = "unused-by-trust";
    private static final byte[] ANONYMIZATION_KEY = "whole-path-test-anonymization-key".getBytes(StandardCharsets.UTF_8);

    private static EmbeddedPostgresServer server;
    private static LocalServices services;

    @BeforeAll
    static void services(RealInfrastructure infra) throws Exception {
        server = infra.postgres();
        for (String control : List.of("envclone_cloner", "envclone_validator")) {
            server.createDatabase(control);
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
        String personal = CopyInspection.DEMO_PERSONAL;
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
        assertThat(CloneDriver.fingerprintColumns(rules)).contains("public.customer.email:email", "public.address.phone:phone");

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
        return CopyInspection.counts(server, database);
    }

    private static Map<String, Integer> leaks(String source, String copy, String query) throws SQLException {
        return CopyInspection.leaks(server, source, copy, query);
    }
}
