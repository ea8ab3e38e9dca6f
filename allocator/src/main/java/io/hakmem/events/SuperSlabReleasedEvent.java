package io.hakmem.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;
import org.jspecify.annotations.NullMarked;

/** A SuperSlab went back to the OS. */
@NullMarked
@Name("hakmem.SuperSlabReleased")
@Category("hakmem")
@Label("SuperSlab Released")
@Description("A hakmem arena unmapped a SuperSlab: it became empty (EMPTY), trim() dropped it from "
        + "the empty-SuperSlab cache (TRIM), or the arena was closed (CLOSE)")
public final class SuperSlabReleasedEvent extends SuperSlabEvent {

    /** How long it was mapped. */
    @Label("Lifetime")
    @Timespan(Timespan.NANOSECONDS)
    public long lifetime;

    /** EMPTY, TRIM or CLOSE. */
    @Label("Reason")
    @Description("EMPTY, TRIM or CLOSE")
    public String reason = "";
}
