package io.envclone.testing.demo;

import io.envclone.testing.sql.TableCount;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoSummaryTest {

    private final DemoSummary summary = new DemoSummary(1, 42, List.of(new TableCount("public.users", 50_000),
            new TableCount("audit.audit_log", 39_569)), 89_569, 256_000_000, Duration.ofMillis(8_040));

    @Test
    void rendersOneLinePerTableThenTotalsSizeAndTime() {
        assertThat(summary.render()).contains("scale 1.0, seed 42")
                .containsPattern("public\\.users +50,000")
                .containsPattern("audit\\.audit_log +39,569")
                .containsPattern("total +89,569")
                .contains("database size 244.1 MB, generated in 8.0 s");
    }

    @Test
    void findsRowsByPlainOrQualifiedName() {
        assertThat(summary.rows("users")).isEqualTo(50_000);
        assertThat(summary.rows("audit.audit_log")).isEqualTo(39_569);
        assertThat(summary.rows("lofts")).isEqualTo(-1);
    }
}
