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
    // the source may hold many names of the pools (foreign guests): a fake equal to a real one is refused by the
    // validator's gate, so draw until it is not, a few dozen times at most
    private static final int MAX_DRAWS = 64;

    private final FakePools pools;
    private final RealValues real;
    private final RealValues fullNames;
    private final Dealer dealer;

    /**
     * {@code fullNames}: the source's full names, which a last name drawn beside a fake first name must not complete;
     * {@code dealer}: the fakes dealt one per source value, for the values it deals.
     */
    NameTransformer(Kind kind, KeyedHash hash, FakePools pools, RealValues real, RealValues fullNames, Dealer dealer) {
        this.kind = kind;
        this.hash = hash;
        this.pools = pools;
        this.real = real;
        this.fullNames = fullNames;
        this.dealer = dealer;
    }

    @Override
    public String apply(String value, Row row) {
        if (value == null) {
            return null;
        }
        String key = Template.normalized(value);
        // a fake that is one of the source's values is drawn again; names repeat, so after a few draws the last stands
        String first = kind == Kind.LAST_NAME ? row.fakeFirstName() : null;
        String fake = dealer.dealt(key);
        if (fake == null) {
            fake = candidate(key, 1);
            for (int draw = 2; draw <= MAX_DRAWS && (real.seen(fake) || first != null && fullNames.seen(first + " " + fake));
                    draw++) {
                fake = candidate(key, draw);
            }
        }
        boolean capitals = value.equals(value.toUpperCase(Locale.ROOT)) && !value.equals(value.toLowerCase(Locale.ROOT));
        return capitals ? fake.toUpperCase(Locale.ROOT) : fake;
    }

    private String candidate(String key, int draw) {
        return switch (kind) {
            case FIRST_NAME -> first(key, draw);
            case LAST_NAME -> last(key, draw);
            case FULL_NAME -> {
                int space = key.indexOf(' ');
                yield space < 0 ? first(key, draw)
                        : first(key.substring(0, space), draw) + " " + last(key.substring(space + 1).strip(), draw);
            }
            case COMPANY -> pick(pools.companies, "company", key, draw);
            case CITY -> pick(pools.cities, "city", key, draw);
            case ADDRESS -> (1 + hash.pick(drawn("address-number", draw), key, 199)) + " "
                    + pick(pools.streets, "address", key, draw);
        };
    }

    private String first(String key, int draw) {
        return pick(pools.firstNames, "first_name", key, draw);
    }

    private String last(String key, int draw) {
        return pick(pools.lastNames, "last_name", key, draw);
    }

    /** From the pool by the keyed hash; never the input itself (a real "Martin" may be in the pool), drawn again if so. */
    private String pick(List<String> pool, String domain, String key, int draw) {
        String fake = pool.get(hash.pick(drawn(domain, draw), key, pool.size()));
        for (int again = 2; fake.equalsIgnoreCase(key) && again < 10; again++) {
            fake = pool.get(hash.pick(drawn(domain, draw) + "#" + again, key, pool.size()));
        }
        return fake;
    }

    private static String drawn(String domain, int draw) {
        return draw == 1 ? domain : domain + "#draw" + draw;
    }
}
