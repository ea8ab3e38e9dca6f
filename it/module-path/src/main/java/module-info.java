/**
 * A consumer of hakmem-java on the module path: it reads only the allocator's exported packages
 * and is started with {@code --enable-native-access=io.hakmem.allocator} and nothing else.
 */
module io.hakmem.it.modulepath {
    requires io.hakmem.allocator;
    // Reads the arena's MXBean, to check that JMX reaches it through the exported interface only.
    requires java.management;
}
