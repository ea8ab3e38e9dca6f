package io.hakmem.events;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.MemoryAddress;
import jdk.jfr.Name;
import org.jspecify.annotations.NullMarked;

/** A 2 MiB SuperSlab was mapped from the OS. */
@NullMarked
@Name("hakmem.SuperSlabMapped")
@Category("hakmem")
@Label("SuperSlab Mapped")
@Description("A hakmem arena mapped a 2 MiB SuperSlab from the OS")
public final class SuperSlabMappedEvent extends Event {

    /** Where the SuperSlab starts. */
    @Label("Address")
    @MemoryAddress
    public long address;

    /** Its size. */
    @Label("Size")
    @DataAmount
    public long size;
}
