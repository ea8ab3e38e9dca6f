package io.hakmem.events;

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
public final class MagazineDrainEvent extends Event {

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

    /**
     * Starts timing a revocation.
     *
     * @return the event to {@link #finish} when the blocks are back
     */
    public static MagazineDrainEvent start() {
        MagazineDrainEvent event = new MagazineDrainEvent();
        event.begin();
        return event;
    }

    /**
     * Ends the revocation and commits the event when a recording wants it and the cache was
     * another thread's and held blocks; a thread draining its own cache is not news.
     *
     * @param owner the thread whose cache was drained
     * @param given blocks given back
     * @param why TRIM, IDLE or DEAD_THREAD
     */
    public void finish(Thread owner, long given, String why) {
        end();
        if (given > 0 && owner != Thread.currentThread() && shouldCommit()) {
            ownerThread = owner.getName();
            blocks = given;
            reason = why;
            commit();
        }
    }
}
