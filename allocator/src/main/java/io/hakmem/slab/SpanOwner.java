package io.hakmem.slab;

import org.jspecify.annotations.NullMarked;

/**
 * A thread cache as the slab layer sees it. A span that a cache carves blocks from is its own:
 * no other cache takes blocks from it until the owner lets go, so two threads never hand out
 * neighbouring blocks of one cache line (false sharing) nor write the same span's state bytes.
 */
@NullMarked
public interface SpanOwner {

    /** {@return whether the owning thread can still come back for the span's blocks} */
    boolean isAlive();

    /** {@return a number that changes whenever the owner gave all its blocks back, as on revocation} */
    int generation();

    /** {@return where other threads' frees into this owner's spans wait for it} */
    RemoteInbox remoteInbox();
}
