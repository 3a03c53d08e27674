package io.envclone.cloner.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How tables are cut into key ranges, what SQL reads a chunk, and which row filters are refused. */
class ChunkingTest {

    private static final SourceTable USERS = new SourceTable("public", "users", "public.users", "public.users",
            List.of("id", "email"), List.of("id", "email"), List.of("bigint", "text"), List.of("bigint", "text"), "id",
            10_000_000);

    @Test
    void keyRangesCoverEveryKeyOnceAndAreOpenAtBothEnds() {
        List<ChunkBounds> ranges = KeyRanges.split(1, 1000, 4);
        assertThat(ranges).containsExactly(new ChunkBounds(null, 251L), new ChunkBounds(251L, 501L),
                new ChunkBounds(501L, 751L), new ChunkBounds(751L, null));
        for (long key : new long[] {Long.MIN_VALUE, 0, 1, 250, 251, 1000, 5_000_000}) {
            assertThat(ranges.stream().filter(range -> contains(range, key))).as("key %d", key).hasSize(1);
        }
    }

    @Test
    void keyRangesNeverOverflowAndNeverOutnumberTheKeys() {
        assertThat(KeyRanges.split(5, 7, 10)).hasSize(3);
        assertThat(KeyRanges.split(42, 42, 8)).containsExactly(ChunkBounds.WHOLE_TABLE);
        List<ChunkBounds> extreme = KeyRanges.split(Long.MIN_VALUE, Long.MAX_VALUE, 2);
        assertThat(extreme).containsExactly(new ChunkBounds(null, 0L), new ChunkBounds(0L, null));
        assertThatThrownBy(() -> KeyRanges.split(10, 1, 2)).hasMessageContaining("below min");
    }

    @Test
    void aChunkReadsItsRangeWithTheFilterAndNeverInheritedRows() {
        assertThat(new TableChunk(USERS, 0, 1, ChunkBounds.WHOLE_TABLE).copyOutSql(null))
                .isEqualTo("COPY public.users (id, email) TO STDOUT (FORMAT binary)");
        assertThat(new TableChunk(USERS, 1, 3, new ChunkBounds(100L, 200L)).copyOutSql("email like '%@x'"))
                .isEqualTo("COPY (SELECT id, email FROM ONLY public.users WHERE id >= 100 and id < 200"
                        + " and (email like '%@x')) TO STDOUT (FORMAT binary)");
        assertThat(new TableChunk(USERS, 0, 1, ChunkBounds.WHOLE_TABLE).copyOutSql("id < 10"))
                .isEqualTo("COPY (SELECT id, email FROM ONLY public.users WHERE (id < 10)) TO STDOUT (FORMAT binary)");
    }

    @Test
    void aFilterOnAPartitionedTableAppliesToItsPartitions() {
        SourceTable partition = new SourceTable("public", "payments_2024", "public.payments_2024", "public.payments",
                List.of("id"), List.of("id"), List.of("bigint"), List.of("bigint"), "id", 1);
        RowFilters filters = new RowFilters(Map.of("public.payments", "amount > 0"));
        assertThat(filters.forTable(partition)).isEqualTo("amount > 0");
        assertThat(filters.forTable(USERS)).isNull();
    }

    @Test
    void aFilterThatIsNotOneConditionIsRefusedNamingIt() {
        assertThatThrownBy(() -> new RowFilters(Map.of("public.users", "true; drop table users")))
                .hasMessageStartingWith("where.public.users ").hasMessageContaining("one condition");
        assertThatThrownBy(() -> new RowFilters(Map.of("public.users", "id > 0) or (true")))
                .hasMessageContaining("closes a parenthesis");
        assertThatThrownBy(() -> new RowFilters(Map.of("public.users", "name = 'x")))
                .hasMessageContaining("unclosed quote");
        assertThatThrownBy(() -> new RowFilters(Map.of("users", "id > 0"))).hasMessageContaining("schema.table");
        assertThatThrownBy(() -> new RowFilters(Map.of("public.users", " "))).hasMessageContaining("is empty");
        assertThat(new RowFilters(Map.of("public.users", "name = 'it''s (fine;'")).byTable()).isNotEmpty()
                .as("quotes hide what they hold, a ; inside a string is just text");
    }

    @Test
    void optionsOutOfRangeNameTheirField() {
        CloneOptions defaults = CloneOptions.of(io.envclone.api.schema.SchemaSelection.everything(), 2);
        assertThatThrownBy(() -> defaults.withChunkBytes(100)).hasMessageStartingWith("chunkBytes ");
        assertThatThrownBy(() -> CloneOptions.of(io.envclone.api.schema.SchemaSelection.everything(), 0))
                .hasMessageStartingWith("parallelism ");
    }

    private static boolean contains(ChunkBounds range, long key) {
        return (range.lower() == null || key >= range.lower()) && (range.upper() == null || key < range.upper());
    }
}
