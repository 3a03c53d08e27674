// How long schema analysis and migration generation take on the scale-1 demo database and Pagila.
// Run: bench/schema-analysis/run.sh (from the repository root, after ./mvnw -B install -DskipTests).
import io.envclone.api.schema.*;
import io.envclone.api.secret.Secret;
import io.envclone.api.source.SourceReference;
import io.envclone.cloner.schema.*;
import io.envclone.cloner.source.*;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import io.envclone.testing.demo.*;
import io.envclone.testing.fixtures.Pagila;
public class AnalyzeTiming {
  public static void main(String[] a) throws Exception {
    try (var server = EmbeddedPostgresServer.start()) {
      server.createDatabase("demo1");
      try (var c = server.connect("demo1")) { new DemoDatabaseGenerator().generate(c, new DemoOptions(1, 42)); }
      server.createDatabase("pagila");
      try (var c = server.connect("pagila")) { Pagila.load(c); }
      for (String db : new String[]{"demo1", "pagila"}) {
        for (int i = 0; i < 4; i++) {
          long t = System.nanoTime();
          SchemaModel m;
          try (var s = new ReadOnlySourceConnector().open(new SourceReference(server.jdbcUrl(db), "postgres", Secret.of("")))) {
            m = new SchemaAnalyzer().analyze(s, SchemaSelection.everything());
          }
          long t2 = System.nanoTime();
          MigrationScript.forEmptyTarget(m);
          System.out.printf("%s run %d: analyse %d ms (+ script %d ms), %d objects%n", db, i, (t2 - t) / 1_000_000, (System.nanoTime() - t2) / 1_000_000, m.objects().size());
        }
      }
    }
  }
}
