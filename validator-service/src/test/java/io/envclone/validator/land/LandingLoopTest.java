package io.envclone.validator.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.batch.BatchCipher;
import io.envclone.api.batch.BatchHeaders;
import io.envclone.api.batch.TableBatch;
import io.envclone.api.fingerprint.PiiClass;
import io.envclone.api.fingerprint.SourceFingerprints;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.batch.SourceBatches;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The anonymized topic landed through a real broker into real targets: a validator that dies half
 * way and its successor land every batch exactly once; a clone whose batch leaks a source value
 * fails with the reason, and nothing of that batch or after it lands.
 */
@ExtendWith(RealInfrastructureExtension.class)
class LandingLoopTest {

    private static final BatchCipher CIPHER = BatchCipher.fromBase64("key", Base64.getEncoder().encodeToString(
            "a-32-byte-key-for-landing-tests!".getBytes(StandardCharsets.UTF_8)));
    private static final byte[] FINGERPRINT_KEY = "landing-fingerprint-key".getBytes(StandardCharsets.UTF_8);
    private static final RuleSet RULES = new RuleSet("demo-1", RuleSet.STRICT,
            List.of(ColumnRule.of("public.users.email", "email")));

    @Test
    void aValidatorDyingHalfWayAndItsSuccessorLandEveryBatchOnce(RealInfrastructure infra) throws Exception {
        EmbeddedPostgresServer server = infra.postgres();
        String topic = "envclone.batches.anonymized.loop-" + System.nanoTime();
        List<TableBatch> batches;
        Map<String, Long> sourceCounts;
        server.dropDatabase("loop_source");
        server.createDatabase("loop_source");
        try (Connection source = server.connect("loop_source")) {
            new DemoDatabaseGenerator().generate(source, DemoOptions.defaults());
            batches = SourceBatches.batches(source, "loop-1", 300);
            sourceCounts = DemoTargets.counts(source);
        }
        SourceBatches.send(batches, infra.kafka().bootstrapServers(), topic, CIPHER,
                Map.of(BatchHeaders.RULES_VERSION, RULES.version()));

        try (Connection target = DemoTargets.emptyLike(server, "loop_source", "loop_target")) {
            Landings landings = new Landings();
            // no source value is fingerprinted here: this test is about landing each batch once
            landings.register("loop-1", CIPHER, new LeakGate(RULES, SourceFingerprints.sized(FINGERPRINT_KEY, 10)),
                    new BatchLander(target));
            AtomicInteger landed = new AtomicInteger();
            Map<String, Integer> outcomes = new ConcurrentHashMap<>();
            LandingLoop.Listener dying = new LandingLoop.Listener() {
                @Override
                public void landed(String cloneId, TableBatch batch, BatchLander.Outcome outcome) {
                    if (landed.incrementAndGet() == batches.size() / 2) {
                        throw new OutOfMemoryError("simulated crash after landing, before the offsets are committed");
                    }
                }
            };
            Thread first = new Thread(new LandingLoop(infra.kafka().bootstrapServers(), "validator-loop-1", topic,
                    landings, dying), "landing-1");
            first.setUncaughtExceptionHandler((thread, error) -> { });
            first.start();
            first.join(Duration.ofSeconds(60).toMillis());
            assertThat(first.isAlive()).as("the first validator died").isFalse();

            LandingLoop.Listener counting = new LandingLoop.Listener() {
                @Override
                public void landed(String cloneId, TableBatch batch, BatchLander.Outcome outcome) {
                    outcomes.merge(outcome.name(), 1, Integer::sum);
                }
            };
            try (LandingLoop second = new LandingLoop(infra.kafka().bootstrapServers(), "validator-loop-1", topic,
                    landings, counting)) {
                Thread thread = new Thread(second, "landing-2");
                thread.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> ledgerSize(server) == batches.size());
            }
            assertThat(outcomes.get("ALREADY_LANDED")).as("batches landed but not committed, delivered again").isPositive();
            assertThat(DemoTargets.counts(target)).isEqualTo(sourceCounts);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(earliestOffsets(infra, topic))
                    .as("landed and committed records are deleted from the topic").isPositive());
        }
    }

    @Test
    void aLeakingBatchFailsItsCloneAndNothingOfItLands(RealInfrastructure infra) throws Exception {
        EmbeddedPostgresServer server = infra.postgres();
        String topic = "envclone.batches.anonymized.leak-" + System.nanoTime();
        server.dropDatabase("leak_loop_source");
        server.createDatabase("leak_loop_source");
        SourceFingerprints source = SourceFingerprints.sized(FINGERPRINT_KEY, 10_000);
        List<TableBatch> users;
        try (Connection connection = server.connect("leak_loop_source"); Statement sql = connection.createStatement()) {
            new DemoDatabaseGenerator().generate(connection, DemoOptions.defaults());
            try (ResultSet emails = sql.executeQuery("select email::text from public.users")) {
                while (emails.next()) {
                    source.add(PiiClass.EMAIL, emails.getString(1));
                }
            }
            users = SourceBatches.batches(connection, "leak-1", 200).stream()
                    .filter(batch -> batch.table().equals("users")).toList();
        }
        // batches that were never anonymized, yet carry the rules version: the gate is the last line
        SourceBatches.send(users, infra.kafka().bootstrapServers(), topic, CIPHER,
                Map.of(BatchHeaders.RULES_VERSION, RULES.version()));
        try (Connection target = DemoTargets.emptyLike(server, "leak_loop_source", "leak_loop_target")) {
            Landings landings = new Landings();
            landings.register("leak-1", CIPHER, new LeakGate(RULES, source), new BatchLander(target));
            List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (LandingLoop loop = new LandingLoop(infra.kafka().bootstrapServers(), "validator-leak-1", topic, landings,
                    new LandingLoop.Listener() {
                        @Override
                        public void failed(String cloneId, String reason) {
                            failures.add(reason);
                        }
                    })) {
                new Thread(loop, "landing-leak").start();
                await().atMost(Duration.ofSeconds(60)).until(() -> !failures.isEmpty());
            }
            assertThat(failures).singleElement().asString().startsWith("batch leak-1/public.users#0.1.")
                    .endsWith("refused, nothing of it landed: public.users.email (rule email): a value of the source"
                            + " reached the copy (the whole value: a source email): check the rule").doesNotContain("@");
            assertThat(landings.find("leak-1").orElseThrow().failure()).isEqualTo(failures.get(0));
            assertThat(DemoTargets.counts(target).get("public.users")).isZero();
        }
    }

    private static long ledgerSize(EmbeddedPostgresServer server) throws Exception {
        try (Connection connection = server.connect("loop_target"); Statement sql = connection.createStatement();
                ResultSet count = sql.executeQuery("select count(*) from envclone_landing.landed_batch")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** The sum over the topic's partitions of the first offset the broker still holds. */
    private static long earliestOffsets(RealInfrastructure infra, String topic) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers()))) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> earliest = new java.util.HashMap<>();
            partitions.forEach(partition -> earliest.put(new org.apache.kafka.common.TopicPartition(topic,
                    partition.partition()), org.apache.kafka.clients.admin.OffsetSpec.earliest()));
            return admin.listOffsets(earliest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }
}
