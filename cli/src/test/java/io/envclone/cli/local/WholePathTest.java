package io.envclone.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import io.envclone.api.crd.ClonePhase;

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

    /** Each service takes requests of this many bytes at most: less than the fingerprints of the demo clone below. */
    private static final int BODY_LIMIT = 300 * 1024;

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
                Path.of("target", "whole-path-logs"), true, java.util.EnumSet.allOf(LocalRuntime.Service.class),
                Map.of("QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE", BODY_LIMIT + ""));
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
        try (ServiceClient.Download fingerprints = client("cloner", services.cloner())
                .download("/api/clone/" + result.cloneId() + "/fingerprints")) {
            assertThat(fingerprints.length()).as("fingerprints larger than a request may be reached both services")
                    .isGreaterThan(BODY_LIMIT);
        }
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

    @ParameterizedTest
    @ValueSource(strings = {"cloner-service", "anonymizer-service", "validator-service"})
    void aServiceKilledMidCloneIsStartedAgainAndTheCloneEndsWithExactlyTheSourcesRows(String victim) throws Exception {
        String source = smallDemoSource();
        String environment = "wp-kill-" + victim.substring(0, victim.indexOf('-'));
        dropEnvironment(environment);
        List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        long[] landedAtKill = {-1};
        CloneDriver driver = new CloneDriver(client("cloner", services.cloner()), client("anonymizer", services.anonymizer()),
                client("validator", services.validator()), new StateDirectory(Files.createTempDirectory("wp-state-")),
                progress -> {
                    said.add(progress.message());
                    boolean moving = victim.startsWith("cloner") ? progress.phase() == ClonePhase.CLONING
                            : progress.rowsLanded() > 0 && progress.phase() != ClonePhase.READY;
                    if (moving && landedAtKill[0] < 0) {
                        landedAtKill[0] = progress.rowsLanded();
                        killQuietly(process(victim));
                    }
                }, new ProcessSupervision(services), CloneDriver.STALL_AFTER);

        CloneDriver.Result result = driver.run(request(source, environment, SMALL_BATCHES));

        assertThat(landedAtKill[0]).as("killed on the way").isGreaterThanOrEqualTo(0);
        assertThat(said).anySatisfy(line -> assertThat(line).startsWith("the " + victim + " died (exit ")
                .contains("started again (1 of 3)"));
        assertThat(result.reason()).as(String.join("\n", said)).isEmpty();
        assertThat(result.ready()).isTrue();
        assertThat(counts(environment)).as("exactly the source's rows, none twice").isEqualTo(counts(source));
        assertThat(landedAtKill[0]).isLessThan(result.rows());
    }

    @Test
    void aCloneInWhichNothingMovesStopsNamingWhatItWaitsForAndTheSameRunResumesIt() throws Exception {
        String source = smallDemoSource();
        String environment = "wp-stall";
        dropEnvironment(environment);
        StateDirectory state = new StateDirectory(Files.createTempDirectory("wp-state-"));
        long anonymizer = services.anonymizer().pid();
        boolean[] paused = {false};
        CloneDriver pausing = new CloneDriver(client("cloner", services.cloner()), client("anonymizer", services.anonymizer()),
                client("validator", services.validator()), state, progress -> {
                    if (progress.rowsLanded() > 0 && !paused[0]) {
                        paused[0] = true;
                        signal("STOP", anonymizer); // alive, listening, answering nothing: a consumer that stopped
                    }
                }, new ProcessSupervision(services), java.time.Duration.ofSeconds(8));
        try {
            assertThatThrownBy(() -> pausing.run(request(source, environment, SMALL_BATCHES)))
                    .isInstanceOf(CloneStopped.class).hasMessageStartingWith("stalled: nothing moved for 8 s in ")
                    .hasMessageContaining("anonymizer out of reach").hasMessageContaining("run the same command again");
        } finally {
            signal("CONT", anonymizer);
        }

        CloneDriver.Result resumed = new CloneDriver(client("cloner", services.cloner()),
                client("anonymizer", services.anonymizer()), client("validator", services.validator()), state,
                progress -> { }).run(request(source, environment, SMALL_BATCHES));

        assertThat(resumed.reason()).isEmpty();
        assertThat(resumed.resumed()).isTrue();
        assertThat(counts(environment)).isEqualTo(counts(source));
    }

    /** Batches of this many rows make a small clone long enough to be interrupted on its way. */
    private static final int SMALL_BATCHES = 100;

    private static String smallDemoSource() throws Exception {
        if (!server.databases().contains("wp_small_source")) {
            server.createDatabase("wp_small_source");
            try (Connection source = server.connect("wp_small_source")) {
                new DemoDatabaseGenerator().generate(source, new DemoOptions(0.01, 11));
            }
        }
        return "wp_small_source";
    }

    private static CloneDriver.Request request(String source, String environment, Integer batchSize) throws Exception {
        RuleSet rules = RuleSetFiles.read(LocalServices.root().resolve("deploy/samples/demo-rules.yaml"));
        return new CloneDriver.Request(database(source), database(environment), environment, "test", rules,
                ANONYMIZATION_KEY, null, null, Map.of(), 2, batchSize, environment, null, null, "whole-path-test");
    }

    private static ServiceProcess process(String name) {
        return services.running().stream().filter(service -> service.name().equals(name)).findFirst().orElseThrow();
    }

    private static void killQuietly(ServiceProcess service) {
        try {
            service.kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
