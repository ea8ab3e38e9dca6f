package io.hakmem.os;

import org.jspecify.annotations.NullMarked;

/** Picks the OS layer for a backend. */
@NullMarked
public final class OsMemories {

    private static volatile @org.jspecify.annotations.Nullable LinuxOsMemory linux;

    private OsMemories() {}

    /** {@return the layer for {@code choice}; one Linux layer is shared by all arenas} */
    public static OsMemory of(OsChoice choice) {
        return switch (choice.resolved()) {
            case LINUX -> linux();
            case PORTABLE, AUTO -> new PortableOsMemory();
        };
    }

    private static LinuxOsMemory linux() {
        LinuxOsMemory l = linux;
        if (l == null) {
            synchronized (OsMemories.class) {
                l = linux;
                if (l == null) {
                    l = NativeAccess.check(LinuxOsMemory::new);
                    linux = l;
                }
            }
        }
        return l;
    }
}
