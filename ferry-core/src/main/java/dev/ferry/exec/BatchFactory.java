package dev.ferry.exec;

import dev.ferry.model.HolderBatch;
import dev.ferry.model.Relation;

/** Makes the batch that loads one relation of one row group when its holders are read unloaded. */
@FunctionalInterface
public interface BatchFactory {
    HolderBatch create(RowGroup<?> group, Relation relation);
}
