package io.envclone.validator.check;

import static io.envclone.validator.sql.SqlNames.quoted;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The INSERT of a copy of one existing row: identity, serial and defaulted primary-key columns
 * take their defaults, generated columns are left to PostgreSQL, and the text columns of a
 * unique key that keeps its value otherwise are made new. A new text value must still pass the
 * table's checks, so there are two ways to make one, tried in turn: a suffix, then one that keeps
 * the value's shape (its digits shifted, which keeps a national id's or a phone's length and
 * format; a prefix where there are no digits, which keeps an e-mail address valid).
 */
final class RowCopy {

    static final String ROW = "envclone_row";
    private static final SecureRandom RANDOM = new SecureRandom();

    enum Strategy { SUFFIX, SHAPE }

    private final SuiteTable table;
    private final List<SuiteTable.Column> copied = new ArrayList<>();
    private final Set<String> defaulted = new TreeSet<>();
    private final Set<String> madeNew = new TreeSet<>();

    RowCopy(SuiteTable table) {
        this.table = table;
        Set<String> primary = new TreeSet<>();
        table.uniqueKeys().stream().filter(SuiteTable.UniqueKey::primary).forEach(key -> primary.addAll(key.columns()));
        for (SuiteTable.Column column : table.columns()) {
            if (column.generated()) {
                continue;
            }
            if (column.identity() != ' ' || column.serial() || primary.contains(column.name()) && column.hasDefault()) {
                defaulted.add(column.name());
            } else {
                copied.add(column);
            }
        }
        // a unique key with a defaulted column is new already; otherwise its text columns are made new
        for (SuiteTable.UniqueKey key : table.uniqueKeys()) {
            if (key.columns().stream().noneMatch(defaulted::contains)) {
                copied.stream().filter(column -> column.text() && key.columns().contains(column.name()))
                        .forEach(column -> madeNew.add(column.name()));
            }
        }
    }

    /**
     * Why no copy can be made, or null: a unique key none of whose columns takes a default or is
     * text (a copy would repeat it). A nullable column there could be left null, but that is
     * another row than a copy, so it is not tried.
     */
    String blocked() {
        for (SuiteTable.UniqueKey key : table.uniqueKeys()) {
            if (key.columns().stream().noneMatch(column -> defaulted.contains(column) || madeNew.contains(column))) {
                return (key.primary() ? "primary key " : "unique key ") + key.name() + " (" + String.join(", ", key.columns())
                        + ") has no default and no text column a copy could make new";
            }
        }
        return null;
    }

    /** The ways worth trying: only a suffix where no value is made new (it is then never used). */
    List<Strategy> strategies() {
        return madeNew.isEmpty() ? List.of(Strategy.SUFFIX) : List.of(Strategy.SUFFIX, Strategy.SHAPE);
    }

    /** Parameters: the row's tableoid, then its ctid (as text). */
    String sql(Strategy strategy) {
        if (copied.isEmpty()) {
            return "insert into " + table.qualified() + " default values";
        }
        StringBuilder names = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (SuiteTable.Column column : copied) {
            String value = ROW + "." + quoted(column.name());
            names.append(names.length() == 0 ? "" : ", ").append(quoted(column.name()));
            values.append(values.length() == 0 ? "" : ", ")
                    .append(madeNew.contains(column.name()) ? newText(value, strategy) : value);
        }
        return "insert into " + table.qualified() + " (" + names + ") select " + values + " from " + table.from() + " "
                + ROW + " where " + ROW + ".tableoid = ?::oid and " + ROW + ".ctid = ?::tid";
    }

    /** Whether the copy makes some text value new (which a foreign key through it may then not find). */
    boolean makesNew() {
        return !madeNew.isEmpty();
    }

    /** Whether a unique key is new by a default (a collision there is the environment's: a sequence behind). */
    boolean keyTakesDefault(String keyName) {
        return table.uniqueKeys().stream().anyMatch(key -> key.name().equals(keyName)
                && key.columns().stream().anyMatch(defaulted::contains));
    }

    String describe() {
        return (defaulted.isEmpty() ? "" : "defaults for " + String.join(", ", defaulted))
                + (madeNew.isEmpty() ? "" : (defaulted.isEmpty() ? "" : "; ") + "new values for " + String.join(", ", madeNew));
    }

    private static String newText(String value, Strategy strategy) {
        String mark = Integer.toHexString(0x100000 + RANDOM.nextInt(0xEFFFFF));
        if (strategy == Strategy.SUFFIX) {
            return value + " || '-" + mark + "'";
        }
        // every digit d becomes (d + k) mod 10, k in 1..9: no digit keeps its value
        int k = 1 + RANDOM.nextInt(9);
        String shifted = "0123456789".substring(k) + "0123456789".substring(0, k);
        return "case when " + value + " ~ '[0-9]' then translate(" + value + ", '0123456789', '" + shifted + "')"
                + " else 'c" + mark + ".' || " + value + " end";
    }
}
