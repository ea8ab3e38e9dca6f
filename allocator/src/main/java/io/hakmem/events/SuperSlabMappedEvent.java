package io.hakmem.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import org.jspecify.annotations.NullMarked;

/** A 2 MiB SuperSlab was mapped from the OS. */
@NullMarked
@Name("hakmem.SuperSlabMapped")
@Category("hakmem")
@Label("SuperSlab Mapped")
@Description("A hakmem arena mapped a 2 MiB SuperSlab from the OS")
public final class SuperSlabMappedEvent extends SuperSlabEvent {}
