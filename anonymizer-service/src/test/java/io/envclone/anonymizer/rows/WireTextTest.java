package io.envclone.anonymizer.rows;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.api.batch.CopyRows;
import io.envclone.api.batch.WireText;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.junit.RealInfrastructureExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

/**
 * The binary form of every type rules transform, against PostgreSQL itself: what the server sends
 * with COPY binary decodes to the server's own text output, encodes back to the very same bytes,
 * and a payload rewritten field by field loads again with COPY FROM.
 */
@ExtendWith(RealInfrastructureExtension.class)
class WireTextTest {

    private static final List<String> TYPES = List.of("text", "character varying", "character", "integer", "bigint",
            "smallint", "numeric", "date", "timestamp without time zone", "timestamp with time zone", "boolean", "uuid",
            "jsonb", "json");

    @Test
    void everyTransformedTypeDecodesToTheServersTextAndEncodesToTheSameBytes(RealInfrastructure infra) throws Exception {
        infra.postgres().dropDatabase("wire_text");
        infra.postgres().createDatabase("wire_text");
        try (Connection connection = infra.postgres().connect("wire_text"); var statement = connection.createStatement()) {
            statement.execute("set timezone = 'UTC'");
            statement.execute("create table sample (t text, v varchar(20), c char(5), i integer, b bigint, s smallint,"
                    + " n numeric(14,4), d date, ts timestamp, tz timestamptz, ok boolean, u uuid, jb jsonb, j json)");
            statement.execute("""
                    insert into sample values
                      ('Amina Benali', 'é ç ü', 'ab', -42, 9007199254740993, 7, 12500.0000, '1987-02-14',
                       '2024-05-01 10:00:00.123456', '2024-05-01 08:30:00+02', true, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
                       '{"email": "amina@gmail.com", "n": [1, 2]}', '{"a" : 1}'),
                      ('', '', '', 0, 0, 0, -0.0001, '2000-01-01', '1999-12-31 23:59:59', '1970-01-01 00:00:00+00', false,
                       '00000000-0000-0000-0000-000000000000', '[]', '[]'),
                      (null, null, null, null, null, null, 123456789.9876, null, null, null, null, null, null, null),
                      (null, null, null, null, null, null, 10000, null, null, null, null, null, null, null),
                      (null, null, null, null, null, null, 0.5, null, null, null, null, null, null, null)""");

            List<List<String>> serverText = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select t, v, c, i::text, b::text, s::text, n::text, d::text,"
                    + " ts::text, tz::text, ok::text, u::text, jb::text, j::text from sample")) {
                while (rows.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= TYPES.size(); i++) {
                        row.add(rows.getString(i));
                    }
                    serverText.add(row);
                }
            }
            ByteArrayOutputStream binary = new ByteArrayOutputStream();
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyOut("copy sample to stdout (format binary)", binary);

            List<List<String>> decoded = new ArrayList<>();
            CopyRows.Writer rewritten = new CopyRows.Writer(binary.size());
            CopyRows.forEach(binary.toByteArray(), row -> {
                List<String> values = new ArrayList<>();
                rewritten.startRow(row.fields());
                for (int field = 0; field < row.fields(); field++) {
                    String text = WireText.decode(TYPES.get(field), row.bytes(field));
                    values.add(text);
                    byte[] again = WireText.encode(TYPES.get(field), text);
                    assertThat(again).as("%s %s encodes back to the same bytes", TYPES.get(field), text)
                            .isEqualTo(row.bytes(field));
                    rewritten.field(again);
                }
                decoded.add(values);
            });
            assertThat(decoded).isEqualTo(serverText);

            statement.execute("create table copied (like sample)");
            copy.copyIn("copy copied from stdin (format binary)", new ByteArrayInputStream(rewritten.finish()));
            try (ResultSet same = statement.executeQuery("select string_agg(r, ' | ') from (select whole::text r from sample whole"
                    + " except all select other::text from copied other) d")) {
                same.next();
                assertThat(same.getString(1)).as("rows that differ after the round trip").isNull();
            }
        }
    }

    @Test
    void searchVectorsDecodeToTheServersTextAndEncodeToTheSameBytes(RealInfrastructure infra) throws Exception {
        infra.postgres().dropDatabase("wire_tsvector");
        infra.postgres().createDatabase("wire_tsvector");
        try (Connection connection = infra.postgres().connect("wire_tsvector"); var statement = connection.createStatement()) {
            statement.execute("create table vectors (v tsvector)");
            statement.execute("""
                    insert into vectors values (setweight(to_tsvector('simple', 'Amina Benali-Saadi'), 'A')
                        || to_tsvector('simple', 'l''été à Oran, Oran encore')), (''), ('a:1,3B,5C zz:2 ''it''''s'':4 back\\\\slash')""");
            List<String> serverText = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select v::text from vectors")) {
                while (rows.next()) {
                    serverText.add(rows.getString(1));
                }
            }
            ByteArrayOutputStream binary = new ByteArrayOutputStream();
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut("copy vectors to stdout (format binary)", binary);
            List<String> decoded = new ArrayList<>();
            CopyRows.forEach(binary.toByteArray(), row -> {
                String text = WireText.decode("tsvector", row.bytes(0));
                decoded.add(text);
                assertThat(WireText.encode("tsvector", text)).as("%s encodes back to the same bytes", text)
                        .isEqualTo(row.bytes(0));
            });
            assertThat(decoded).isEqualTo(serverText);
        }
    }
}
