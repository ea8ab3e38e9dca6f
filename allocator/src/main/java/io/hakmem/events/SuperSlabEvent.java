package io.hakmem.events;

import io.hakmem.slab.SuperSlab;
import jdk.jfr.DataAmount;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.MemoryAddress;
import org.jspecify.annotations.NullMarked;

/** What every event about one whole SuperSlab records: where it is and how large. */
@NullMarked
abstract class SuperSlabEvent extends Event {

    /** Where the SuperSlab starts. */
    @Label("Address")
    @MemoryAddress
    public long address;

    /** Its size. */
    @Label("Size")
    @DataAmount
    public long size;

    /**
     * Names the SuperSlab.
     *
     * @param base the SuperSlab's address
     */
    final void at(long base) {
        address = base;
        size = SuperSlab.SIZE;
    }
}
