package io.envclone.testing.demo;

import io.envclone.testing.sql.Queries;
import io.envclone.testing.sql.TableCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Generates the demo database once at scale 0.01 into a fresh database and checks its shape. */
@ExtendWith(RealInfrastructureExtension.class)
class DemoDatabaseGeneratorTest {

    private static final String DATABASE = "demo_generator_test";
    static final Pattern PHONE = Pattern.compile("^(\\+213 [567]\\d{2}( \\d{2}){3}|0[567]\\d{2}( \\d{2}){3}|0[567]\\d{8})$");
    private static final List<String> TABLES = List.of("public.users", "public.lofts", "public.reservations",
            "public.payments", "public.conversations", "public.conversation_participants", "public.messages",
            "public.notifications", "audit.audit_log");

    private static EmbeddedPostgresServer server;
    private static Connection connection;
    private static DemoSummary summary;

    @BeforeAll
    static void generate(EmbeddedPostgresServer postgres) throws SQLException {
        server = postgres;
        server.dropDatabase(DATABASE);
        server.createDatabase(DATABASE);
        connection = server.connect(DATABASE);
        summary = new DemoDatabaseGenerator().generate(connection, DemoOptions.defaults());
    }

    @AfterAll
    static void drop() throws SQLException {
        if (connection != null) {
            connection.close();
        }
        server.dropDatabase(DATABASE);
    }

    @Test
    void everyTableHasTheRowsTheSummaryReports() throws SQLException {
        assertThat(summary.tables()).extracting(TableCount::table).containsExactlyElementsOf(TABLES);
        for (String table : TABLES) {
            long rows = longValue("select count(*) from " + table);
            assertThat(rows).as(table).isPositive().isEqualTo(summary.rows(table));
        }
        assertThat(summary.totalRows()).isBetween(9_000L, 13_000L);
        assertThat(summary.databaseBytes()).isGreaterThan(1_000_000L);
        assertThat(summary.render()).contains("public.users", "audit.audit_log", "total", "MB");
    }

    @Test
    void usersCarryCompleteAlgerianPersonalData() throws SQLException {
        assertThat(longValue("select count(*) from users where email is null or phone is null or national_id is null"
                + " or iban is null or birth_date is null or address is null")).isZero();
        assertThat(longValue("select count(distinct lower(email)) from users")).isEqualTo(longValue("select count(*) from users"));
        assertThat(longValue("select count(distinct national_id) from users")).isEqualTo(longValue("select count(*) from users"));
        List<String> phones = strings("select phone from users union all select guest_phone from reservations");
        assertThat(phones).allMatch(phone -> PHONE.matcher(phone).matches());
        assertThat(phones).anyMatch(phone -> phone.startsWith("+213 ")).anyMatch(phone -> phone.startsWith("05"))
                .anyMatch(phone -> phone.startsWith("06")).anyMatch(phone -> phone.startsWith("07"));
        List<String> ibans = strings("select iban from users");
        assertThat(ibans).allMatch(iban -> iban.matches("DZ\\d{22}") && AlgerianFormats.isValidIban(iban));
        assertThat(strings("select national_id from users")).allMatch(nin -> nin.matches("\\d{18}"));
        assertThat(strings("select distinct city from users")).contains("Alger", "Oran", "Constantine");
        assertThat(longValue("select count(*) from users where role = 'host'")).isPositive();
        assertThat(longValue("select count(*) from users where full_name <> first_name || ' ' || last_name")).isZero();
    }

    @Test
    void foreignKeysExistAreValidatedAndDenormalisedCopiesAgree() throws SQLException {
        List<String> foreignKeys = strings("select conrelid::regclass || '.' || conname from pg_constraint"
                + " where contype = 'f' and convalidated and connamespace = 'public'::regnamespace");
        assertThat(foreignKeys).contains("users.users_manager_id_fkey", "lofts.lofts_owner_id_fkey",
                "reservations.reservations_loft_id_fkey", "reservations.reservations_guest_id_fkey",
                "payments.payments_reservation_id_fkey", "conversations.conversations_reservation_id_fkey",
                "conversation_participants.conversation_participants_user_id_fkey",
                "messages.messages_sender_participant_fkey", "notifications.notifications_user_id_fkey");
        assertThat(longValue("select count(*) from reservations r join users u on u.id = r.guest_id"
                + " where r.guest_email <> u.email or r.guest_name <> u.full_name or r.guest_phone <> u.phone")).isZero();
        // Stays of one loft never overlap, as a booking system guarantees.
        assertThat(longValue("select count(*) from reservations a join reservations b on a.loft_id = b.loft_id"
                + " and a.id < b.id and a.check_in < b.check_out and b.check_in < a.check_out"
                + " where a.status <> 'cancelled' and b.status <> 'cancelled'")).isZero();
        assertThat(longValue("select count(*) from reservations r join lofts l on l.id = r.loft_id"
                + " where r.currency <> l.currency or l.owner_id = r.guest_id")).isZero();
    }

    @Test
    void paymentsAreRoutedToYearlyPartitions() throws SQLException {
        Map<String, Long> perPartition = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select tableoid::regclass::text, count(*) from payments group by 1")) {
            while (rows.next()) {
                perPartition.put(rows.getString(1), rows.getLong(2));
            }
        }
        assertThat(perPartition).containsKeys("payments_2023", "payments_2024", "payments_2025", "payments_default");
        assertThat(perPartition.size()).isGreaterThanOrEqualTo(5);
        assertThat(longValue("select count(*) from only payments")).isZero();
        assertThat(longValue("select count(*) from payments_2024 where paid_at < '2024-01-01 00:00+01'"
                + " or paid_at >= '2025-01-01 00:00+01'")).isZero();
        assertThat(longValue("select count(*) from payments_default where status <> 'pending'")).isZero();
        assertThat(longValue("select count(*) from pg_inherits where inhparent = 'payments'::regclass")).isEqualTo(8);
    }

    @Test
    void rowLevelSecurityIsEnabledWithPolicies() throws SQLException {
        assertThat(strings("select relname from pg_class where relrowsecurity and relnamespace = 'public'::regnamespace"))
                .containsExactlyInAnyOrder("users", "reservations", "messages");
        assertThat(strings("select tablename || ':' || policyname from pg_policies where schemaname = 'public'"))
                .contains("users:users_self_or_staff", "reservations:reservations_guest_or_host",
                        "messages:messages_participants");
    }

    @Test
    void theAuditTriggerRecordsLaterChanges() throws SQLException {
        long loadedHistory = longValue("select count(*) from audit.audit_log");
        assertThat(loadedHistory).isPositive();
        assertThat(longValue("select count(distinct table_name) from audit.audit_log")).isEqualTo(3);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local app.user_id = '1'");
            statement.executeUpdate("update users set phone = '+213 555 00 11 22' where id = 10");
            statement.executeUpdate("delete from payments where id = 1");
            assertThat(strings("select operation || ':' || (old_row ->> 'phone') || '>' || (new_row ->> 'phone')"
                    + " || ':' || changed_by from audit.audit_log where table_name = 'users' and row_id = 10"
                    + " order by id desc limit 1"))
                    .singleElement().asString().startsWith("UPDATE:").endsWith(">+213 555 00 11 22:1");
            assertThat(longValue("select count(*) from audit.audit_log where table_name = 'payments' and row_id = 1"
                    + " and operation = 'DELETE' and new_row is null")).isEqualTo(1);
            assertThat(longValue("select count(*) from users where id = 10 and updated_at = now()")).isEqualTo(1);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @Test
    void theMaterializedViewIsPopulated() throws SQLException {
        assertThat(strings("select relispopulated::text from pg_class where oid = 'monthly_revenue'::regclass"))
                .containsExactly("true");
        assertThat(longValue("select count(*) from monthly_revenue")).isPositive();
        assertThat(strings("select distinct currency from monthly_revenue")).contains("DZD", "EUR");
        assertThat(longValue("select count(*) from reservation_overview")).isEqualTo(summary.rows("reservations"));
    }

    @Test
    void messagesAndNotificationsHoldPersonalData() throws SQLException {
        assertThat(longValue("select count(*) from messages where body ~ '[a-z0-9._-]+@[a-z0-9.-]+\\.[a-z]{2,}'"))
                .isPositive();
        assertThat(longValue("select count(*) from messages where body ~ '(\\+213 |0)[567][0-9]{2}( ?[0-9]{2}){3}'"))
                .isPositive();
        assertThat(longValue("select count(*) from messages where body ~ 'DZ[0-9]{22}'")).isPositive();
        assertThat(longValue("select count(*) from messages where body like '%' || chr(10) || '%'")).isPositive();
        assertThat(longValue("select count(*) from notifications where payload ->> 'email' like '%@%'"))
                .isEqualTo(summary.rows("notifications"));
        assertThat(longValue("select count(*) from notifications where payload -> 'reservation' ->> 'check_in' is not null"
                + " and payload -> 'guest' ->> 'phone' is not null")).isPositive();
        assertThat(longValue("select count(*) from messages m where not exists (select 1 from conversation_participants p"
                + " where p.conversation_id = m.conversation_id and p.user_id = m.sender_id)")).isZero();
    }

    @Test
    void theApplicationRoleHasItsGrants() throws SQLException {
        assertThat(strings("select rolcanlogin::text from pg_roles where rolname = 'loft_app'")).containsExactly("false");
        assertThat(strings("select has_table_privilege('loft_app', 'public.users', 'select, insert, update, delete')::text"
                + " || has_table_privilege('loft_app', 'public.payments', 'insert')::text"
                + " || has_sequence_privilege('loft_app', 'public.payments_id_seq', 'usage')::text"
                + " || has_table_privilege('loft_app', 'audit.audit_log', 'insert')::text"
                + " || has_function_privilege('loft_app', 'public.loft_occupancy(bigint, date, date)', 'execute')::text"))
                .containsExactly("truetruetruefalsetrue");
    }

    @Test
    void theSchemaUsesTheFeaturesACloneMustCarry() throws SQLException {
        assertThat(strings("select typname from pg_type where typtype = 'e' and typnamespace = 'public'::regnamespace"))
                .contains("user_role", "reservation_status", "payment_method", "payment_status");
        assertThat(strings("select typname from pg_type where typtype = 'd' and typnamespace = 'public'::regnamespace"))
                .contains("email_address");
        assertThat(strings("select attidentity::text from pg_attribute where attrelid = 'notifications'::regclass"
                + " and attname = 'id'")).containsExactly("a");
        assertThat(strings("select attgenerated::text from pg_attribute where attrelid = 'reservations'::regclass"
                + " and attname = 'nights'")).containsExactly("s");
        assertThat(longValue("select count(*) from reservations where nights <> check_out - check_in or nights < 1")).isZero();
        assertThat(strings("select tgname from pg_trigger where not tgisinternal and tgparentid = 0"))
                .contains("users_audit", "reservations_audit", "payments_audit", "users_touch", "lofts_touch");
        assertThat(strings("select col_description('users'::regclass, attnum) from pg_attribute"
                + " where attrelid = 'users'::regclass and attname in ('email', 'iban', 'national_id')"))
                .allMatch(comment -> comment.startsWith("PII"));
        assertThat(strings("select indexname from pg_indexes where schemaname = 'public'"))
                .contains("users_email_active_key", "reservations_upcoming_idx", "notifications_unread_idx");
        assertThat(strings("select (loft_occupancy(loft_id, date '2024-01-01', date '2025-01-01') between 0 and 1)::text"
                + " from reservations group by loft_id")).containsOnly("true");
    }

    @Test
    void sequencesContinueAfterTheLoadedIds() throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into conversations (subject) values ('test')");
            statement.executeUpdate("insert into notifications (user_id, kind, channel, payload)"
                    + " values (1, 'welcome', 'email', '{}')");
            statement.executeUpdate("insert into payments (reservation_id, amount, currency, method, status, paid_at)"
                    + " select id, 100, 'DZD', 'cash', 'succeeded', now() from reservations order by id limit 1");
            assertThat(longValue("select max(id) from conversations")).isEqualTo(summary.rows("conversations") + 1);
            assertThat(longValue("select max(id) from notifications")).isEqualTo(summary.rows("notifications") + 1);
            assertThat(longValue("select max(id) from payments")).isEqualTo(summary.rows("payments") + 1);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @Test
    void aSecondGenerationIntoTheSameDatabaseIsRefused() {
        assertThatThrownBy(() -> new DemoDatabaseGenerator().generate(connection, DemoOptions.defaults()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("database already holds a demo database; use an empty database");
    }

    private static long longValue(String sql) throws SQLException {
        return Queries.longValue(connection, sql);
    }

    private static List<String> strings(String sql) throws SQLException {
        return Queries.strings(connection, sql);
    }
}
