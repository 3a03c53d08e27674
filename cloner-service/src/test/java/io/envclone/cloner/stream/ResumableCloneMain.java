package io.envclone.cloner.stream;

import io.envclone.api.secret.Secret;
import io.envclone.api.source.SourceReference;
import io.envclone.cloner.clone.ControlDatabaseCheckpoints;
import io.envclone.api.schema.SchemaSelection;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;

/**
 * A cloner process that checkpoints into a control database: {@link ResumeAfterFailureTest}
 * kills it with SIGKILL mid-clone, as a crash or an evicted pod would. Args: jdbcUrl user
 * bootstrapServers topic controlPort controlDatabase cloneId.
 */
public final class ResumableCloneMain {

    public static void main(String[] args) throws Exception {
        Pool control = controlPool(Integer.parseInt(args[4]), args[5]);
        new CloneStreamer(args[2], args[3], args[3] + ".events").stream(args[6],
                new SourceReference(args[0], args[1], Secret.of("")), ResumeAfterFailureTest.options(),
                SnapshotStreamingTest.CIPHER, new ControlDatabaseCheckpoints(control), CloneStreamer.Hooks.none());
        System.out.println("FINISHED before it was killed");
        control.close();
    }

    static Pool controlPool(int port, String database) {
        return PgBuilder.pool().connectingTo(new PgConnectOptions().setHost("localhost").setPort(port)
                .setDatabase(database).setUser("postgres")).build();
    }

    static SchemaSelection everything() {
        return SchemaSelection.everything();
    }
}
