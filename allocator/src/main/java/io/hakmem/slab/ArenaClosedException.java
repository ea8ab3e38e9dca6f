package io.hakmem.slab;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The allocator's own refusal of a closed arena. A close racing a call can also make the JDK
 * throw "Already closed" from a segment access; the arena tells the two apart by this type and
 * rewords only the JDK's.
 */
@NullMarked
public final class ArenaClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was refused
     * @param cause the JDK's exception this one rewords, or null
     */
    public ArenaClosedException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
