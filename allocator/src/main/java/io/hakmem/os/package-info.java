/**
 * The OS layer: where address ranges come from and go back to. Nothing above this package calls
 * the OS directly, so a test can swap in a layer that fails on demand.
 */
@NullMarked
package io.hakmem.os;

import org.jspecify.annotations.NullMarked;
