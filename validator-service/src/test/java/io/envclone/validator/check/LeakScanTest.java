package io.envclone.validator.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.fingerprint.PiiClass;
import io.envclone.api.fingerprint.SourceFingerprints;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import io.envclone.validator.land.LeakGate;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole finished copy read back for source values, with the leak gate's own test. */
@ExtendWith(RealInfrastructureExtension.class)
class LeakScanTest {

    private static final byte[] KEY = "leak-scan-test-fingerprint-key".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSourceEmailLeftInAMessageBodyAndAPhoneInAJsonDocumentAreFoundByColumn(RealInfrastructure infra) throws Exception {
        EmbeddedPostgresServer server = infra.postgres();
        server.dropDatabase("leak_scan");
        server.createDatabase("leak_scan");
        try (Connection copy = server.connect("leak_scan")) {
            new DemoDatabaseGenerator().generate(copy, DemoOptions.defaults());
            SourceFingerprints source = SourceFingerprints.sized(KEY, 10);
            source.add(PiiClass.EMAIL, "amina.source@real-mail.dz");
            source.add(PiiClass.PHONE, "+33 6 12 98 76 54"); // French: no demo phone has it
            LeakGate gate = new LeakGate(new RuleSet("1", "strict", List.of()), source);

            assertThat(LeakScan.scan(copy, gate::leaks)).singleElement().satisfies(clean -> {
                assertThat(clean.passed()).isTrue();
                assertThat(clean.detail()).containsPattern("\\d+ distinct values in \\d+ text and JSON columns");
            });

            // a loft's address is the source's by decision where the rules keep it, a leak where they replace it
            String address;
            try (Statement sql = copy.createStatement(); ResultSet row = sql.executeQuery(
                    "select address from public.lofts order by id limit 1")) {
                row.next();
                address = row.getString(1);
            }
            source.add(PiiClass.STREET_ADDRESS, address);
            LeakGate keepingAddresses = new LeakGate(new RuleSet("1", "strict", List.of(
                    io.envclone.api.anonymize.ColumnRule.of("public.lofts.address", "keep"))), source);
            assertThat(LeakScan.scan(copy, keepingAddresses::leaks)).extracting(CheckResult::name)
                    .doesNotContain("no source value in public.lofts.address");
            LeakGate replacingAddresses = new LeakGate(new RuleSet("1", "strict", List.of(
                    io.envclone.api.anonymize.ColumnRule.of("public.lofts.address", "address"))), source);
            assertThat(LeakScan.scan(copy, replacingAddresses::leaks)).extracting(CheckResult::name)
                    .contains("no source value in public.lofts.address");
            source = SourceFingerprints.sized(KEY, 10);
            source.add(PiiClass.EMAIL, "amina.source@real-mail.dz");
            source.add(PiiClass.PHONE, "+33 6 12 98 76 54"); // French: no demo phone has it
            gate = new LeakGate(new RuleSet("1", "strict", List.of()), source);

            try (Statement sql = copy.createStatement()) {
                sql.execute("update public.messages set body = 'write to Amina.Source@real-mail.dz please'"
                        + " where id in (select id from public.messages order by id limit 2)");
                sql.execute("update public.notifications set payload = payload || '{\"to\": \"06 12 98 76 54\"}'"
                        + " where id = (select min(id) from public.notifications)");
            }
            List<CheckResult> found = LeakScan.scan(copy, gate::leaks);
            assertThat(found).noneMatch(CheckResult::passed).extracting(CheckResult::name)
                    .containsExactly("no source value in public.messages.body",
                            "no source value in public.notifications.payload");
            assertThat(found.get(0).detail()).startsWith("1 distinct value of the source is in public.messages.body")
                    .doesNotContain("real-mail");
            try (Statement sql = copy.createStatement(); ResultSet rows = sql.executeQuery(
                    "select count(*) from public.messages where body like '%real-mail%'")) {
                rows.next();
                assertThat(rows.getLong(1)).as("the scan only reads").isEqualTo(2);
            }
        }
    }

    @Test
    void aPartitionIsJudgedAsItsRootTableWhoseSourceHoldsTheTokenInThatColumn(RealInfrastructure infra) throws Exception {
        EmbeddedPostgresServer server = infra.postgres();
        server.dropDatabase("leak_scan_partitions");
        server.createDatabase("leak_scan_partitions");
        try (Connection copy = server.connect("leak_scan_partitions"); Statement sql = copy.createStatement()) {
            sql.execute("create table public.payment (id int, paid date, provider_ref text) partition by range (paid)");
            sql.execute("create table public.payment_2022 partition of public.payment"
                    + " for values from ('2022-01-01') to ('2023-01-01')");
            sql.execute("insert into public.payment values (1, '2022-03-01', 'SAT-0612987654')");
            SourceFingerprints source = SourceFingerprints.sized(KEY, 10);
            source.add(PiiClass.PHONE, "06 12 98 76 54"); // a customer's phone: its digits are in the reference
            LeakGate gate = new LeakGate(new RuleSet("1", "strict", List.of()), source);

            assertThat(LeakScan.scan(copy, gate::leaks)).extracting(CheckResult::name)
                    .as("a source phone inside a column without a rule").containsExactly(
                            "no source value in public.payment_2022.provider_ref");
            // the source held it there, as the cloner's fingerprinting records it
            io.envclone.api.fingerprint.SourceMatcher.tokens("SAT-0612987654")
                    .forEach(token -> source.addPublic("public.payment.provider_ref", token.text()));
            assertThat(LeakScan.scan(copy, gate::leaks)).singleElement().extracting(CheckResult::passed)
                    .as("public in the root table's column, so in its partitions").isEqualTo(true);
        }
    }
}
