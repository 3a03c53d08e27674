package io.envclone.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.api.crd.ClonePhase;
import io.envclone.cli.local.CloneDriver;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    private long nanos;

    private ProgressDisplay display(StringWriter into) {
        return new ProgressDisplay(new PrintWriter(into), false, 1_000, () -> nanos);
    }

    private static CloneDriver.Progress at(ClonePhase phase, long cloned, long landed, String message) {
        return new CloneDriver.Progress(phase, message, cloned, landed, 0, "", false);
    }

    @Test
    void aNoticeIsSaidAtOnceWhateverThePhaseAndThePaceOfTheLines() {
        StringWriter out = new StringWriter();
        ProgressDisplay display = display(out);
        display.accept(at(ClonePhase.CLONING, 10, 0, "rows moving"));
        nanos += 1_000_000; // well within the 5 s between plain lines
        display.accept(new CloneDriver.Progress(ClonePhase.CLONING, "the anonymizer-service died (exit 137): started"
                + " again (1 of 3), the clone goes on", 20, 0, 0, "", true));

        assertThat(out.toString()).contains("[Cloning       ] the anonymizer-service died (exit 137): started again");
    }

    @Test
    void noPaceAndNoEtaFromTheFirstMomentsOfAStage() {
        StringWriter out = new StringWriter();
        ProgressDisplay display = display(out);
        display.accept(at(ClonePhase.FINISHING, 1_000, 0, ""));
        nanos += 300_000_000;
        display.accept(at(ClonePhase.FINISHING, 1_000, 11, ""));
        assertThat(display.line(at(ClonePhase.FINISHING, 1_000, 11, ""), 11)).doesNotContain("ETA").doesNotContain("rows/s");
        nanos += 3_000_000_000L;
        display.accept(at(ClonePhase.FINISHING, 1_000, 500, ""));
        assertThat(display.line(at(ClonePhase.FINISHING, 1_000, 500, ""), 500)).contains("rows/s").contains("ETA");
    }
}
