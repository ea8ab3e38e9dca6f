package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

/**
 * Both {@code allocate} entries stay within C2's {@code MaxInlineSize} (35 bytes of bytecode by
 * default, read from the running JVM): where the caller's profile calls the site cold, C2 inlines
 * a method that small as long as the method has no C2 code of its own above a quarter of
 * {@code InlineSmallCode}, and a caller that keeps the allocation out of line pays about 1 ns per
 * block (see CONTRIBUTING). The code lengths are read from the class file, since no JDK API this
 * module compiles against reports them.
 */
class InlineBudgetTest {

    @Test
    void bothAllocateEntriesFitMaxInlineSize() throws IOException, JMException {
        int maxInlineSize = vmOption("MaxInlineSize");
        Map<String, Integer> codeLengths = codeLengths(HakmemArena.class);
        assertThat(codeLengths)
                .as("code length in bytes of HakmemArena's methods, by name and descriptor")
                .containsKeys(
                        "allocate(J)Ljava/lang/foreign/MemorySegment;",
                        "allocate(JJ)Ljava/lang/foreign/MemorySegment;");
        assertThat(codeLengths.get("allocate(J)Ljava/lang/foreign/MemorySegment;"))
                .as("bytes of bytecode in allocate(long)")
                .isLessThanOrEqualTo(maxInlineSize);
        assertThat(codeLengths.get("allocate(JJ)Ljava/lang/foreign/MemorySegment;"))
                .as("bytes of bytecode in allocate(long, long)")
                .isLessThanOrEqualTo(maxInlineSize);
    }

    /**
     * {@return a numeric HotSpot option of this JVM}, through the platform MBean server: this
     * module does not read {@code jdk.management}, which declares the typed interface.
     */
    private static int vmOption(String name) throws JMException {
        CompositeData option = (CompositeData) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=HotSpotDiagnostic"),
                        "getVMOption",
                        new Object[] {name},
                        new String[] {String.class.getName()});
        return Integer.parseInt((String) option.get("value"));
    }

    /** {@return the code length of each method of {@code type} with code, keyed by name and descriptor} */
    private static Map<String, Integer> codeLengths(Class<?> type) throws IOException {
        String resource = type.getSimpleName() + ".class";
        try (InputStream raw = Objects.requireNonNull(type.getResourceAsStream(resource), resource);
                DataInputStream in = new DataInputStream(raw)) {
            in.readInt(); // magic
            in.readUnsignedShort(); // minor version
            in.readUnsignedShort(); // major version
            String[] utf8 = readConstantPool(in);
            in.readUnsignedShort(); // access flags
            in.readUnsignedShort(); // this class
            in.readUnsignedShort(); // super class
            in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
            int fields = in.readUnsignedShort();
            for (int i = 0; i < fields; i++) {
                in.skipNBytes(6);
                skipAttributes(in);
            }
            Map<String, Integer> lengths = new HashMap<>();
            int methods = in.readUnsignedShort();
            for (int i = 0; i < methods; i++) {
                in.readUnsignedShort(); // access flags
                String key = utf8[in.readUnsignedShort()] + utf8[in.readUnsignedShort()];
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String name = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    if (name.equals("Code")) {
                        in.skipNBytes(4); // max stack, max locals
                        lengths.put(key, in.readInt());
                        in.skipNBytes(length - 8L);
                    } else {
                        in.skipNBytes(length);
                    }
                }
            }
            return lengths;
        }
    }

    /** Reads the constant pool; {@return its UTF-8 entries by index, null elsewhere} */
    private static String[] readConstantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // a long or double takes two entries
                }
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 15 -> in.skipNBytes(3);
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        return utf8;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt());
        }
    }
}
