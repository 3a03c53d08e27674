package io.envclone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the whole pipeline on this machine, ending with a green report. */
class DemoCommandTest {

    @Test
    void theDemoClonesTheSampleEnvironmentThroughEveryServiceWithAGreenReport(@TempDir Path work) throws Exception {
        Path report = work.resolve("report.md");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int status = EnvcloneCli.run(new String[] {"demo", "--scale", "0.01", "--no-keep-running", "--output", "json",
                "--report", report.toString()}, Map.of("USER", "demo-test"), new PrintWriter(out, true),
                new PrintWriter(err, true));

        assertThat(status).as(err.toString()).isEqualTo(ExitCode.DONE);
        JsonNode outcome = new ObjectMapper().readTree(out.toString());
        assertThat(outcome.get("environment").asText()).isEqualTo("lofts-test");
        assertThat(outcome.get("phase").asText()).isEqualTo("Ready");
        assertThat(outcome.get("reportPassed").asBoolean()).isTrue();
        assertThat(outcome.get("rows").asLong()).isGreaterThan(9_000);
        assertThat(Files.readString(report)).contains("PASSED", "schema parity", "no source value in the copy",
                "no reservation ends before it starts");
        assertThat(err.toString()).contains("==> Generating the demo production database", "[Cloning", "[Ready");
    }
}
