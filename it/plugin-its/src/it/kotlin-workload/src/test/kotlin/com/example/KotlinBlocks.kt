package com.example

import io.hakmem.budget.Workload
import io.hakmem.budget.WorkloadContext

/** Allocates `blocks` blocks of `size` bytes, writes them, marks the peak, frees them. */
class KotlinBlocks : Workload {
    override fun run(context: WorkloadContext) {
        val arena = context.arena()
        val size = context.parameter("size", 17L)
        val blocks = List(context.parameter("blocks", 50_000L).toInt()) { i ->
            arena.allocate(size).also { it.fill(i.toByte()) }
        }
        context.measure()
        blocks.forEach(arena::free)
    }
}
