package io.hakmem.events;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import org.jspecify.annotations.NullMarked;

/** An allocation failed with {@link OutOfMemoryError}; the arena stays usable. */
@NullMarked
@Name("hakmem.AllocationFailure")
@Category("hakmem")
@Label("Allocation Failure")
@Description("A hakmem arena threw OutOfMemoryError: maxMappedBytes was reached or the OS refused a mapping")
public final class AllocationFailureEvent extends Event {

    /** Why: LIMIT, OS_REFUSED or ADDRESS_SPACE (see {@code slab.FailureReason}). */
    @Label("Reason")
    public String reason = "";

    /** The error's message, with the sizes and the limit. */
    @Label("Message")
    public String message = "";

    /** The size of the mapping that was refused: 2 MiB for a SuperSlab, more for a large block. */
    @Label("Mapping Size")
    @Description("Bytes the arena tried to map: 2 MiB for a SuperSlab, the dedicated mapping for a large block")
    @DataAmount
    public long mappingBytes;
}
