package example.kotlin

import java.lang.foreign.ValueLayout
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class ToolchainTest {
    @Test
    fun `compiles against a JDK with java_lang_foreign`() {
        assertEquals(4L, ValueLayout.JAVA_INT.byteSize())
    }
}
