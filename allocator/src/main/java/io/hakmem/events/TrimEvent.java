package io.hakmem.events;

import io.hakmem.slab.ArenaListener;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import org.jspecify.annotations.NullMarked;

/** A trim: thread caches revoked, empty slabs purged, empty SuperSlabs unmapped. */
@NullMarked
@Name("hakmem.Trim")
@Category("hakmem")
@Label("Trim")
@Description(
        "A hakmem arena gave memory that holds no block back to the OS, from trim() or the " + "background trimmer")
public final class TrimEvent extends Event implements ArenaListener.Trim {

    /** Bytes unmapped or purged. */
    @Label("Bytes Returned")
    @DataAmount
    public long bytesReturned;

    /** Blocks taken back from thread caches first. */
    @Label("Cached Blocks Revoked")
    public long blocksRevoked;

    /** Whether the background trimmer ran it rather than a call to trim(). */
    @Label("Background")
    public boolean background;

    /** Starts timing a trim; {@link #finished} ends it. */
    TrimEvent() {
        begin();
    }

    /** Ends the trim and commits the event when a recording wants it. */
    @Override
    public void finished(long returned, long revoked, boolean inBackground) {
        end();
        if (shouldCommit()) {
            bytesReturned = returned;
            blocksRevoked = revoked;
            background = inBackground;
            commit();
        }
    }
}
