package io.hakmem.maven;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The few facts of a class file that decide whether it can be a workload, read without loading
 * the class: Maven may run on Java 17 while workloads are compiled for 22 or later, and a class
 * loader would refuse them.
 *
 * <pre>{@code
 * ClassFile file = ClassFile.read(in);
 * boolean usable = file.isConcreteClass() && file.hasPublicNoArgConstructor();
 * }</pre>
 *
 * @param name the internal name, such as {@code com/example/Mine}
 * @param accessFlags the class access flags
 * @param superName the internal name of the superclass, null for {@code java/lang/Object}
 * @param interfaces the internal names of the directly implemented interfaces
 * @param hasPublicNoArgConstructor whether a public {@code <init>()V} is declared
 * @param declaredParameters the names in its {@code @WorkloadParameters} annotation, or null when
 *     it has none
 */
@NullMarked
public record ClassFile(
        String name,
        int accessFlags,
        @Nullable String superName,
        List<String> interfaces,
        boolean hasPublicNoArgConstructor,
        @Nullable List<String> declaredParameters) {

    /** The descriptor of the annotation with which a workload declares the parameters it reads. */
    public static final String PARAMETERS_ANNOTATION = "Lio/hakmem/budget/WorkloadParameters;";

    private static final int MAGIC = 0xCAFEBABE;
    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_INTERFACE = 0x0200;
    private static final int ACC_ABSTRACT = 0x0400;

    /** {@return whether the class is public and neither an interface nor abstract} */
    public boolean isPublicConcreteClass() {
        return (accessFlags & ACC_PUBLIC) != 0 && (accessFlags & (ACC_INTERFACE | ACC_ABSTRACT)) == 0;
    }

    /**
     * Reads the facts a workload check needs from a class file, without loading it.
     *
     * @param in a class file; not closed
     * @return its facts
     * @throws IOException if it cannot be read or is not a class file
     */
    public static ClassFile read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC) {
            throw new IOException("not a class file");
        }
        data.readUnsignedShort();
        data.readUnsignedShort();
        ConstantPool pool = ConstantPool.read(data);
        int access = data.readUnsignedShort();
        String name = pool.className(data.readUnsignedShort());
        int superIndex = data.readUnsignedShort();
        String superName = superIndex == 0 ? null : pool.className(superIndex);
        int interfaceCount = data.readUnsignedShort();
        List<String> interfaces = new ArrayList<>(interfaceCount);
        for (int i = 0; i < interfaceCount; i++) {
            interfaces.add(pool.className(data.readUnsignedShort()));
        }
        skipMembers(data);
        boolean noArg = hasPublicNoArgConstructor(data, pool);
        List<String> declared = declaredParameters(data, pool);
        return new ClassFile(name, access, superName, List.copyOf(interfaces), noArg, declared);
    }

    private static void skipMembers(DataInputStream data) throws IOException {
        int count = data.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            data.skipNBytes(6);
            skipAttributes(data);
        }
    }

    private static boolean hasPublicNoArgConstructor(DataInputStream data, ConstantPool pool) throws IOException {
        int count = data.readUnsignedShort();
        boolean found = false;
        for (int i = 0; i < count; i++) {
            int access = data.readUnsignedShort();
            String name = pool.utf8(data.readUnsignedShort());
            String descriptor = pool.utf8(data.readUnsignedShort());
            skipAttributes(data);
            found |= (access & ACC_PUBLIC) != 0 && name.equals("<init>") && descriptor.equals("()V");
        }
        return found;
    }

    /** Reads the class's attributes, keeping the value of its {@code @WorkloadParameters}. */
    private static @Nullable List<String> declaredParameters(DataInputStream data, ConstantPool pool)
            throws IOException {
        List<String> declared = null;
        int count = data.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            String attribute = pool.utf8(data.readUnsignedShort());
            long length = Integer.toUnsignedLong(data.readInt());
            if (!attribute.equals("RuntimeVisibleAnnotations") && !attribute.equals("RuntimeInvisibleAnnotations")) {
                data.skipNBytes(length);
                continue;
            }
            int annotations = data.readUnsignedShort();
            for (int a = 0; a < annotations; a++) {
                List<String> values = annotation(data, pool);
                if (values != null) {
                    declared = values;
                }
            }
        }
        return declared;
    }

    /** One annotation; returns its string array value when it is @WorkloadParameters. */
    private static @Nullable List<String> annotation(DataInputStream data, ConstantPool pool) throws IOException {
        boolean wanted = pool.utf8(data.readUnsignedShort()).equals(PARAMETERS_ANNOTATION);
        List<String> values = wanted ? new ArrayList<>() : null;
        int pairs = data.readUnsignedShort();
        for (int p = 0; p < pairs; p++) {
            String element = pool.utf8(data.readUnsignedShort());
            elementValue(data, pool, wanted && element.equals("value") ? values : null);
        }
        return values == null ? null : List.copyOf(values);
    }

    /** Reads or skips an element value (JVMS 4.7.16.1); strings go to {@code strings} when given. */
    private static void elementValue(DataInputStream data, ConstantPool pool, @Nullable List<String> strings)
            throws IOException {
        int tag = data.readUnsignedByte();
        switch (tag) {
            case 's' -> {
                int index = data.readUnsignedShort();
                if (strings != null) {
                    strings.add(pool.utf8(index));
                }
            }
            case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 'c' -> data.skipNBytes(2);
            case 'e' -> data.skipNBytes(4);
            case '@' -> annotation(data, pool);
            case '[' -> {
                int count = data.readUnsignedShort();
                for (int i = 0; i < count; i++) {
                    elementValue(data, pool, strings);
                }
            }
            default -> throw new IOException("unknown annotation element tag " + tag);
        }
    }

    private static void skipAttributes(DataInputStream data) throws IOException {
        int count = data.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            data.readUnsignedShort();
            data.skipNBytes(Integer.toUnsignedLong(data.readInt()));
        }
    }

    /** The constant pool, keeping only what names classes and members. */
    private record ConstantPool(@Nullable String[] utf8, int[] classNameIndex) {

        static ConstantPool read(DataInputStream data) throws IOException {
            int count = data.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classNameIndex = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = data.readUTF();
                    case 7 -> classNameIndex[i] = data.readUnsignedShort();
                    case 8, 16, 19, 20 -> data.skipNBytes(2);
                    case 15 -> data.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipNBytes(4);
                    case 5, 6 -> {
                        data.skipNBytes(8);
                        i++; // eight-byte constants take two slots
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
                }
            }
            return new ConstantPool(utf8, classNameIndex);
        }

        String utf8(int index) throws IOException {
            String value = index > 0 && index < utf8.length ? utf8[index] : null;
            if (value == null) {
                throw new IOException("bad constant pool index " + index);
            }
            return value;
        }

        String className(int index) throws IOException {
            if (index <= 0 || index >= classNameIndex.length || classNameIndex[index] == 0) {
                throw new IOException("bad class index " + index);
            }
            return utf8(classNameIndex[index]);
        }
    }
}
