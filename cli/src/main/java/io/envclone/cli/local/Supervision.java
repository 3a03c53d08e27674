package io.envclone.cli.local;

import java.util.List;

/**
 * Between two steps of a clone, whether the parts it runs on are still there: a part that died is
 * started again (what was done is said in words), or the clone stops with {@link CloneStopped}
 * naming the part.
 */
@FunctionalInterface
public interface Supervision {

    /** Parts that run elsewhere (given by URL) are not this command's to watch. */
    Supervision NONE = List::of;

    /** What was done to bring the parts back, empty when all were there. */
    List<String> check() throws InterruptedException;
}
