package io.envclone.anonymizer.transform;

import java.util.List;
import java.util.Locale;

/**
 * Names and places from the locale's pools, chosen by the keyed hash of the input, so the same
 * person gets the same fake name everywhere. A full name maps its first word as a first name and
 * the rest as a last name: {@code users.full_name} stays consistent with {@code users.first_name}
 * and {@code users.last_name}. An input in capitals gives an output in capitals.
 */
final class NameTransformer implements Transformer {

    enum Kind { FULL_NAME, FIRST_NAME, LAST_NAME, COMPANY, CITY, ADDRESS }

    private final Kind kind;
    private final KeyedHash hash;
    private final FakePools pools;

    NameTransformer(Kind kind, KeyedHash hash, FakePools pools) {
        this.kind = kind;
        this.hash = hash;
        this.pools = pools;
    }

    @Override
    public String apply(String value, Row row) {
        if (value == null) {
            return null;
        }
        String key = Template.normalized(value);
        String fake = switch (kind) {
            case FIRST_NAME -> first(key);
            case LAST_NAME -> last(key);
            case FULL_NAME -> {
                int space = key.indexOf(' ');
                yield space < 0 ? first(key) : first(key.substring(0, space)) + " " + last(key.substring(space + 1).strip());
            }
            case COMPANY -> pick(pools.companies, "company", key);
            case CITY -> pick(pools.cities, "city", key);
            case ADDRESS -> (1 + hash.pick("address-number", key, 199)) + " " + pick(pools.streets, "address", key);
        };
        boolean capitals = value.equals(value.toUpperCase(Locale.ROOT)) && !value.equals(value.toLowerCase(Locale.ROOT));
        return capitals ? fake.toUpperCase(Locale.ROOT) : fake;
    }

    private String first(String key) {
        return pick(pools.firstNames, "first_name", key);
    }

    private String last(String key) {
        return pick(pools.lastNames, "last_name", key);
    }

    /** From the pool by the keyed hash; never the input itself (a real "Martin" may be in the pool), drawn again if so. */
    private String pick(List<String> pool, String domain, String key) {
        String fake = pool.get(hash.pick(domain, key, pool.size()));
        for (int draw = 2; fake.equalsIgnoreCase(key) && draw < 10; draw++) {
            fake = pool.get(hash.pick(domain + "#" + draw, key, pool.size()));
        }
        return fake;
    }
}
