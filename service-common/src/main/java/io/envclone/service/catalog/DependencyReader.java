package io.envclone.service.catalog;

import io.envclone.api.schema.ObjectId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each analysed object needs first, from the server's own record of it ({@code pg_depend}),
 * as pg_dump does. Catalog entries that are parts of an object (a column default, a view's
 * rewrite rule, a table's row type, an array type, a constraint's index) stand for that object.
 */
final class DependencyReader {

    private static final String PARTS = """
            select 'pg_attrdef'::regclass::oid, d.oid, 'pg_class'::regclass::oid, d.adrelid from pg_catalog.pg_attrdef d
            union all
            select 'pg_rewrite'::regclass::oid, r.oid, 'pg_class'::regclass::oid, r.ev_class from pg_catalog.pg_rewrite r
            union all
            select 'pg_type'::regclass::oid, t.oid, 'pg_class'::regclass::oid, t.typrelid
              from pg_catalog.pg_type t join pg_catalog.pg_class c on c.oid = t.typrelid where c.relkind <> 'c'
            union all
            select 'pg_class'::regclass::oid, c.oid, 'pg_type'::regclass::oid, c.reltype
              from pg_catalog.pg_class c where c.relkind = 'c'
            union all
            select 'pg_type'::regclass::oid, e.typarray, 'pg_type'::regclass::oid, e.oid
              from pg_catalog.pg_type e where e.typarray <> 0
            union all
            select 'pg_type'::regclass::oid, r.rngmultitypid, 'pg_type'::regclass::oid, r.rngtypid from pg_catalog.pg_range r
            union all
            select 'pg_class'::regclass::oid, k.conindid, 'pg_constraint'::regclass::oid, k.oid
              from pg_catalog.pg_constraint k where k.contype in ('p', 'u', 'x') and k.conindid <> 0
            """;

    /** Normal and automatic dependencies, except a sequence's ownership by its column (restored by OWNED BY). */
    private static final String EDGES = """
            select d.classid, d.objid, d.refclassid, d.refobjid from pg_catalog.pg_depend d
            where d.deptype in ('n', 'a')
              and not (d.deptype = 'a' and d.classid = 'pg_class'::regclass
                       and exists (select 1 from pg_catalog.pg_class s where s.oid = d.objid and s.relkind = 'S'))
            """;

    /** Where an object lives in the catalogs. */
    record Key(long classOid, long oid) {
    }

    /** The dependencies found, and a way to name the analysed object behind any catalog entry. */
    record Result(Map<ObjectId, Set<ObjectId>> dependencies, java.util.function.Function<Key, ObjectId> resolver) {
    }

    private DependencyReader() {
    }

    /** For each object, the ids of the analysed objects it depends on. */
    static Result read(Connection connection, List<CatalogObject> objects) throws SQLException {
        Map<Key, ObjectId> byKey = new HashMap<>();
        objects.stream().filter(object -> object.oid() != 0)
                .forEach(object -> byKey.put(new Key(object.classOid(), object.oid()), object.object().id()));
        Map<Key, Key> partOf = new HashMap<>();
        CatalogQuery.list(connection, PARTS, row -> partOf.put(new Key(row.getLong(1), row.getLong(2)),
                new Key(row.getLong(3), row.getLong(4))));
        Map<ObjectId, Set<ObjectId>> dependencies = new HashMap<>();
        CatalogQuery.list(connection, EDGES, row -> {
            ObjectId dependent = resolve(new Key(row.getLong(1), row.getLong(2)), byKey, partOf);
            ObjectId dependency = resolve(new Key(row.getLong(3), row.getLong(4)), byKey, partOf);
            if (dependent != null && dependency != null && !dependent.equals(dependency)) {
                dependencies.computeIfAbsent(dependent, id -> new TreeSet<>()).add(dependency);
            }
            return null;
        });
        return new Result(dependencies, key -> resolve(key, byKey, partOf));
    }

    private static ObjectId resolve(Key key, Map<Key, ObjectId> byKey, Map<Key, Key> partOf) {
        Key current = key;
        for (int hops = 0; hops < 4 && current != null; hops++) {
            ObjectId id = byKey.get(current);
            if (id != null) {
                return id;
            }
            current = partOf.get(current);
        }
        return null;
    }
}
