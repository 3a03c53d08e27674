package io.envclone.cli.commands;

import io.envclone.api.schema.SchemaSelection;
import io.envclone.cli.ExitCode;
import io.envclone.cli.local.DatabaseUrl;
import io.envclone.cli.local.Discovery;
import io.envclone.cli.local.LocalRuntime;
import io.envclone.cli.local.SourceSample;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code envclone discover}: the personal data in a source, and the rule file that would anonymize it. */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = {"Propose the rules that anonymize a source's personal data.",
            "Columns are judged by their names, their types and a sample of " + SourceSample.ROWS_PER_TABLE + " rows",
            "a table, read in a read-only transaction; nothing read is printed or kept.",
            "The rule file gives a reason per rule: review it, then envclone clone --rules.",
            "Only the anonymizer runs (no control database is made)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed", "2:bad usage"})
public final class DiscoverCommand extends ServiceCommand {

    /** What {@code --output json} prints; {@code ruleFile} is the YAML itself when no -o was given. */
    record Discovered(String source, int columns, List<Discovery.Finding> sensitive, int rules, String writtenTo,
            String ruleFile) {
    }

    private static final int REASON_WIDTH = 100;

    @ArgGroup(exclusive = false, multiplicity = "1")
    SourceOptions sourceOptions;

    @Option(names = {"-o", "--rules-file"}, paramLabel = "rules.yaml", description = "Where to write the rule file (default: stdout).")
    Path rulesFile;

    public DiscoverCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    boolean answerOnStdout() {
        return output.json() || rulesFile == null;
    }

    @Override
    int execute() throws Exception {
        DatabaseUrl source = source(sourceOptions);
        step("sampling " + source + " read-only (" + SourceSample.ROWS_PER_TABLE + " rows a table)");
        SourceSample sample = SourceSample.read(source, SchemaSelection.defaults());
        Discovery discovery;
        try (LocalRuntime runtime = start(EnumSet.of(LocalRuntime.Service.ANONYMIZER), null)) {
            discovery = Discovery.of(runtime.anonymizer(), sample, source);
        }
        if (rulesFile != null) {
            Files.writeString(rulesFile, discovery.ruleFile());
        }
        if (output.json()) {
            printJson(new Discovered(source.toString(), discovery.columns(), discovery.findings(),
                    discovery.rules().rules().size(), rulesFile == null ? null : rulesFile.toAbsolutePath().toString(),
                    rulesFile == null ? discovery.ruleFile() : null));
            return ExitCode.DONE;
        }
        // with the rule file on stdout, the findings go to stderr so the file can be redirected as it is
        PrintWriter findings = rulesFile == null ? err() : out();
        findings.println(discovery.findings().size() + " sensitive columns of " + discovery.columns() + " in " + source
                + ":");
        for (Discovery.Finding finding : discovery.findings()) {
            findings.println(String.format("  %-45s %-12s %s%s", finding.column(), finding.rule(),
                    shortened(finding.reason()), finding.resolved() ? "" : " (no rule could be proposed: write one)"));
        }
        if (rulesFile == null) {
            findings.flush();
            out().print(discovery.ruleFile());
            out().flush();
        } else {
            out().println(discovery.rules().rules().size() + " rules written to " + rulesFile.toAbsolutePath()
                    + ": review them, then envclone clone --rules " + rulesFile);
        }
        return ExitCode.DONE;
    }

    /** A reason fit for one line; the rule file has each in full. */
    private static String shortened(String reason) {
        return reason.length() <= REASON_WIDTH ? reason : reason.substring(0, REASON_WIDTH - 3) + "...";
    }
}
