package io.envclone.testing.demo;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Command line: {@code --url jdbc:postgresql://host:port/db [--user U] [--password P] [--scale S]
 * [--seed N]}. The password may come from {@code PGPASSWORD} instead; it is never printed.
 */
public final class DemoDatabaseMain {

    static final String USAGE = "usage: DemoDatabaseMain --url jdbc:postgresql://host:port/database [--user USER]"
            + " [--password PASSWORD (or env PGPASSWORD)] [--scale S (default 0.01; 1 = ~1M rows)] [--seed N (default 42)]";

    private DemoDatabaseMain() {
    }

    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the process exit status (0 ok, 1 failed, 2 bad arguments). */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Properties properties = new Properties();
        if (arguments.user() != null) {
            properties.setProperty("user", arguments.user());
        }
        if (arguments.password() != null) {
            properties.setProperty("password", arguments.password());
        }
        out.println("generating the demo database into " + withoutParameters(arguments.url()) + " (scale "
                + arguments.options().scale() + ", seed " + arguments.options().seed() + ")...");
        try (Connection connection = DriverManager.getConnection(arguments.url(), properties)) {
            out.print(new DemoDatabaseGenerator().generate(connection, arguments.options()).render());
            return 0;
        } catch (SQLException | RuntimeException e) {
            err.println("demo database generation failed: " + e.getMessage());
            return 1;
        }
    }

    /** The URL without its query string, which may carry a password. */
    static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    record Arguments(String url, String user, String password, DemoOptions options) {

        @Override
        public String toString() {
            return "Arguments[url=" + withoutParameters(url) + ", user=" + user + ", password=***, options=" + options + "]";
        }

        static Arguments parse(String[] args, Map<String, String> env) {
            String url = null;
            String user = null;
            String password = env.get("PGPASSWORD");
            DemoOptions defaults = DemoOptions.defaults();
            double scale = defaults.scale();
            long seed = defaults.seed();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--url" -> url = value;
                    case "--user" -> user = value;
                    case "--password" -> password = value;
                    case "--scale" -> scale = number(name, value, Double::parseDouble);
                    case "--seed" -> seed = number(name, value, Long::parseLong);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (url == null || !url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("--url jdbc:postgresql://... is required");
            }
            return new Arguments(url, user, password, new DemoOptions(scale, seed));
        }

        private static <T> T number(String name, String value, java.util.function.Function<String, T> parse) {
            try {
                return parse.apply(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, was " + value);
            }
        }
    }
}
