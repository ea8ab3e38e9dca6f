package io.hakmem.events;

import io.hakmem.slab.ArenaListener;
import io.hakmem.slab.DrainReason;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import org.jspecify.annotations.NullMarked;

/** One thread took the cached blocks of another thread's magazines back to the heap. */
@NullMarked
@Name("hakmem.MagazineDrain")
@Category("hakmem")
@Label("Magazine Drain")
@Description("A thread revoked another thread's hakmem cache and gave its blocks back: at trim, "
        + "because the owner was idle, or because the owner died")
public final class MagazineDrainEvent extends Event implements ArenaListener.Drain {

    /** The name of the thread whose cache was drained. */
    @Label("Owner Thread")
    public String ownerThread = "";

    /** Blocks given back. */
    @Label("Blocks")
    public long blocks;

    /** TRIM, IDLE or DEAD_THREAD. */
    @Label("Reason")
    @Description("TRIM, IDLE or DEAD_THREAD")
    public String reason = "";

    /** Starts timing a revocation; {@link #finished} ends it when the blocks are back. */
    MagazineDrainEvent() {
        begin();
    }

    /**
     * Ends the revocation and commits the event when a recording wants it and the cache was
     * another thread's and held blocks; a thread draining its own cache is not news.
     */
    @Override
    public void finished(Thread owner, long given, DrainReason why) {
        end();
        if (given > 0 && owner != Thread.currentThread() && shouldCommit()) {
            ownerThread = owner.getName();
            blocks = given;
            reason = why.name();
            commit();
        }
    }
}
