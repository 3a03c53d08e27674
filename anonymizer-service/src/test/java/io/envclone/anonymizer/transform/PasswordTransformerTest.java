package io.envclone.anonymizer.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envclone.api.anonymize.ColumnRule;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.junit.RealInfrastructureExtension;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing in to a copy with the test password, checked by PostgreSQL's own pgcrypto
 * ({@code crypt}, the bcrypt Supabase Auth stores) and digests: the replaced hash accepts the
 * test password, refuses the real one, and keeps the column's format (bcrypt cost, hex digest).
 */
@ExtendWith(RealInfrastructureExtension.class)
class PasswordTransformerTest {

    private static final Transformers TRANSFORMERS = new Transformers(
            new KeyedHash("environment-key-one".getBytes(StandardCharsets.UTF_8)));

    private static Transformer password(String... options) {
        ColumnRule rule = ColumnRule.of("auth.users.encrypted_password", "password");
        for (int i = 0; i < options.length; i += 2) {
            rule = rule.withOption(options[i], options[i + 1]);
        }
        return TRANSFORMERS.create(rule);
    }

    @Test
    void aSupabaseBcryptHashAcceptsTheTestPasswordAndNotTheRealOne(RealInfrastructure infra) throws Exception {
        infra.postgres().dropDatabase("passwords");
        infra.postgres().createDatabase("passwords");
        try (Connection connection = infra.postgres().connect("passwords"); Statement statement = connection.createStatement()) {
            statement.execute("create extension pgcrypto");
            String real;
            try (ResultSet hash = statement.executeQuery("select crypt('amina-2019!', gen_salt('bf', 6))")) {
                hash.next();
                real = hash.getString(1);
            }
            String fake = password("password", "training-day").apply(real, Row.NONE);

            assertThat(fake).startsWith("$2a$06$").hasSize(60).isNotEqualTo(real);
            assertThat(crypt(connection, "training-day", fake)).isEqualTo(fake);
            assertThat(crypt(connection, "amina-2019!", fake)).isNotEqualTo(fake);
            assertThat(password("password", "training-day").apply(real, Row.NONE)).as("deterministic").isEqualTo(fake);

            try (ResultSet sha1 = statement.executeQuery("select encode(digest('envclone-test', 'sha1'), 'hex')")) {
                sha1.next();
                // Pagila's staff.password is a bare SHA-1: the copy's is the SHA-1 of the test password
                assertThat(password().apply("8cb2237d0679ca88db6464eac60da96345513964", Row.NONE)).isEqualTo(sha1.getString(1));
            }
        }
    }

    private static String crypt(Connection connection, String password, String hash) throws Exception {
        try (PreparedStatement crypt = connection.prepareStatement("select crypt(?, ?)")) {
            crypt.setString(1, password);
            crypt.setString(2, hash);
            try (ResultSet result = crypt.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    @Test
    void everyFormatIsKeptAndNullStaysNull() {
        Transformer same = password();
        assertThat(same.apply(null, Row.NONE)).isNull();
        assertThat(same.apply("5F4DCC3B5AA765D61D8327DEB882CF99", Row.NONE)).matches("[0-9A-F]{32}");
        assertThat(same.apply("5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", Row.NONE))
                .matches("[0-9a-f]{64}");
        assertThat(same.apply("pbkdf2_sha256$600000$abc$ZmFrZWhhc2g=", Row.NONE)).startsWith("pbkdf2_sha256$600000$");
        assertThat(same.apply("hunter2", Row.NONE)).as("a plain-text password stays plain text: a hash would not fit varchar(50)")
                .isEqualTo(PasswordTransformer.DEFAULT_PASSWORD);
        assertThat(password("format", "plain").apply("$2a$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234", Row.NONE))
                .isEqualTo("envclone-test");
        assertThatThrownBy(() -> password("format", "argon2")).hasMessageContaining("option format is 'argon2'")
                .hasMessageContaining("auth.users.encrypted_password");
    }
}
