package io.hakmem.junit;

import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Picks the frame of an allocation stack that a reader wants to see: the test's own code, not the
 * allocator, this extension, the JDK or the Kotlin standard library.
 */
@NullMarked
final class UserFrames {

    private static final List<String> FOREIGN_PREFIXES =
            List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "org.junit.");

    private UserFrames() {}

    /**
     * @param stack innermost frame first
     * @param testClassName the outermost test class; its frames (and its nested classes') win
     * @return the frame to show, or null for an empty stack
     */
    static @Nullable StackTraceElement userFrame(List<StackTraceElement> stack, @Nullable String testClassName) {
        if (stack.isEmpty()) {
            return null;
        }
        if (testClassName != null) {
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().equals(testClassName)
                        || frame.getClassName().startsWith(testClassName + "$")) {
                    return frame;
                }
            }
        }
        for (StackTraceElement frame : stack) {
            if (!isLibraryFrame(frame.getClassName())) {
                return frame;
            }
        }
        return stack.get(0);
    }

    static String format(StackTraceElement frame) {
        String file = frame.getFileName() == null ? "Unknown Source" : frame.getFileName();
        String line = frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "";
        return frame.getClassName() + "." + frame.getMethodName() + "(" + file + line + ")";
    }

    /** Frames of the JDK, Kotlin, JUnit, and hakmem itself (but not code in sub-packages of io.hakmem.junit). */
    static boolean isLibraryFrame(String className) {
        for (String prefix : FOREIGN_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        String pkg = className.lastIndexOf('.') < 0 ? "" : className.substring(0, className.lastIndexOf('.'));
        if (pkg.equals("io.hakmem.junit")) {
            return true;
        }
        return (pkg.equals("io.hakmem") || pkg.startsWith("io.hakmem.")) && !pkg.startsWith("io.hakmem.junit.");
    }
}
