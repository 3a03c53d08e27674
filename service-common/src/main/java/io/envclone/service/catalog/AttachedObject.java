package io.envclone.service.catalog;

import io.envclone.api.schema.SchemaObject;

/** An object that belongs to another catalog entry (a comment, a set of grants) and comes after it. */
record AttachedObject(SchemaObject object, DependencyReader.Key describes) {
}
