package io.envclone.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.envclone.cli.ExitCode;
import io.envclone.cli.local.DatabaseUrl;
import io.envclone.cli.local.LocalRuntime;
import io.envclone.cli.local.LocalServices;
import io.envclone.cli.local.ServiceClient;
import io.envclone.cli.local.StateDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What the commands beside {@code clone} share: the services' options and {@code --output}, the
 * services a command needs started (or those given), progress where it does not mix with the
 * answer, one JSON document on stdout with {@code --output json}, and a service's answer turned
 * into the exit status: 403 refused (3), 400 bad usage naming the field (2), anything else failed (1).
 */
abstract class ServiceCommand implements Callable<Integer> {

    /** What {@code --output json} prints when the command did not do what it was asked. */
    record Failure(String outcome, String reason, String service, Integer status, String field) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions services;

    @Mixin
    OutputOptions output;

    /** The process environment: PGPASSWORD, the variables --*-password-env name, ENVCLONE_STATE_DIR. */
    final Map<String, String> variables;

    ServiceCommand(Map<String, String> variables) {
        this.variables = variables;
    }

    /** Does the command's work once its options are understood; returns the exit status. */
    abstract int execute() throws Exception;

    @Override
    public final Integer call() throws Exception {
        try {
            return execute();
        } catch (ServiceClient.ServiceException e) {
            return answered(e);
        }
    }

    /** {@code url} of {@code option} with its password from {@code passwordVariable} (PGPASSWORD when null). */
    DatabaseUrl database(String option, String url, String passwordVariable) {
        try {
            return DatabaseUrl.parse(option, url, passwordVariable, variables);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    DatabaseUrl source(SourceOptions given) {
        return database("--source", given.url, given.passwordVariable);
    }

    DatabaseUrl target(TargetOptions given) {
        return database("--target", given.url, given.passwordVariable);
    }

    /** {@code needed}, started for this command (control databases on {@code control}'s server) or given. */
    LocalRuntime start(Set<LocalRuntime.Service> needed, DatabaseUrl control) throws IOException, InterruptedException {
        LocalRuntime.External external;
        try {
            external = services.external(needed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return LocalRuntime.start(needed, control, external, LocalServices.root(), StateDirectory.of(variables).logs(),
                this::step, false);
    }

    /** Whether stdout carries the answer itself (then progress goes to stderr, as with json). */
    boolean answerOnStdout() {
        return output.json();
    }

    void step(String what) {
        PrintWriter progress = answerOnStdout() ? err() : out();
        progress.println("==> " + what);
        progress.flush();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    void printJson(Object document) throws IOException {
        out().println(JSON.writeValueAsString(document));
        out().flush();
    }

    /** Refused before anything was done: the reason on stderr (and as the JSON document), exit 3. */
    int refused(String reason) throws IOException {
        return failed(ExitCode.REFUSED, new Failure("refused", reason, null, null, null));
    }

    private int answered(ServiceClient.ServiceException e) throws IOException {
        int status = switch (e.status()) {
            case 403 -> ExitCode.REFUSED;
            case 400 -> ExitCode.BAD_USAGE;
            default -> ExitCode.FAILED;
        };
        String outcome = status == ExitCode.REFUSED ? "refused" : status == ExitCode.BAD_USAGE ? "bad usage" : "failed";
        // a request's fault names its field first already ("name environment must be ..."); say it once
        String reason = e.field() == null || e.detail().startsWith(e.field()) ? e.detail() : e.field() + ": " + e.detail();
        return failed(status, new Failure(outcome, "the " + e.service() + " answered " + e.status() + ": " + reason,
                e.service(), e.status(), e.field()));
    }

    private int failed(int status, Failure failure) throws IOException {
        if (output.json()) {
            printJson(failure);
        }
        err().println("envclone: " + failure.outcome() + ": " + failure.reason());
        err().flush();
        return status;
    }
}
