package io.hakmem.events;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.MemoryAddress;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import org.jspecify.annotations.NullMarked;

/** A run of empty slabs was purged (their pages given back, the addresses kept). */
@NullMarked
@Name("hakmem.SlabPurged")
@Category("hakmem")
@Label("Slabs Purged")
@Description("A hakmem arena gave the pages of a run of empty 64 KiB slabs back to the OS "
        + "(madvise MADV_DONTNEED) and kept the address range")
// Purges come in batches from one trim or free; the stack is that of the surrounding event.
@StackTrace(false)
public final class SlabPurgedEvent extends Event {

    /** Where the first purged slab starts. */
    @Label("Address")
    @MemoryAddress
    public long address;

    /** How many contiguous slabs were purged. */
    @Label("Slabs")
    public int slabs;

    /** Their bytes. */
    @Label("Bytes")
    @DataAmount
    public long bytes;
}
