package io.envclone.api.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyOrderTest {

    private static ObjectId id(ObjectKind kind, String name) {
        return new ObjectId(kind, "public", name);
    }

    private static SchemaObject object(ObjectId id, ObjectId... dependsOn) {
        return new SchemaObject(id, "create " + id, Set.of(dependsOn));
    }

    private static List<ObjectId> order(SchemaObject... objects) {
        return DependencyOrder.of(List.of(objects)).stream().map(SchemaObject::id).toList();
    }

    @Test
    void everythingComesAfterWhatItDependsOn() {
        ObjectId status = id(ObjectKind.TYPE, "status");
        ObjectId price = id(ObjectKind.FUNCTION, "default_price()");
        ObjectId lofts = id(ObjectKind.TABLE, "lofts");
        ObjectId overview = id(ObjectKind.VIEW, "overview");
        ObjectId onOverview = id(ObjectKind.VIEW, "a_view_on_overview");

        // deliberately given in the wrong order, and with names that sort the wrong way
        assertThat(order(object(onOverview, overview), object(overview, lofts), object(lofts, status, price),
                object(price), object(status)))
                .containsExactly(status, price, lofts, overview, onOverview);
    }

    @Test
    void circularForeignKeysOrderBecauseKeysAreSeparateObjects() {
        ObjectId a = id(ObjectKind.TABLE, "a");
        ObjectId b = id(ObjectKind.TABLE, "b");
        ObjectId aToB = id(ObjectKind.FOREIGN_KEY, "a.a_b_fkey");
        ObjectId bToA = id(ObjectKind.FOREIGN_KEY, "b.b_a_fkey");
        ObjectId selfReference = id(ObjectKind.FOREIGN_KEY, "a.a_parent_fkey");

        assertThat(order(object(bToA, b, a), object(aToB, a, b), object(selfReference, a), object(b), object(a)))
                .containsExactly(a, b, aToB, selfReference, bToA);
    }

    @Test
    void dependenciesOutsideTheSetAreAlreadyThere() {
        ObjectId users = id(ObjectKind.TABLE, "users");
        ObjectId platformType = new ObjectId(ObjectKind.TYPE, "extensions", "citext");
        assertThat(order(object(users, platformType))).containsExactly(users);
    }

    @Test
    void theSameModelAlwaysGivesTheSameOrder() {
        SchemaObject[] objects = {object(id(ObjectKind.TABLE, "c")), object(id(ObjectKind.TABLE, "a")),
            object(id(ObjectKind.INDEX, "a.a_idx"), id(ObjectKind.TABLE, "a")), object(id(ObjectKind.TABLE, "b"))};
        assertThat(order(objects)).isEqualTo(order(objects[3], objects[2], objects[1], objects[0]))
                .extracting(ObjectId::name).containsExactly("a", "b", "c", "a.a_idx");
    }

    @Test
    void aRealCycleIsAnErrorNamingItsMembers() {
        ObjectId v1 = id(ObjectKind.VIEW, "v1");
        ObjectId v2 = id(ObjectKind.VIEW, "v2");
        assertThatThrownBy(() -> order(object(v1, v2), object(v2, v1), object(id(ObjectKind.TABLE, "t"))))
                .hasMessageContaining("cycle").hasMessageContaining("view public.v1").hasMessageContaining("view public.v2");
    }
}
