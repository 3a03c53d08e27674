package io.envclone.service.catalog;

import io.envclone.api.schema.SchemaObject;

/** An analysed object and where it lives in the catalogs ({@code pg_depend}'s classid and objid). */
public record CatalogObject(long classOid, long oid, SchemaObject object) {
}
