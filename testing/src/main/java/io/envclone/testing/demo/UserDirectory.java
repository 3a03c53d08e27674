package io.envclone.testing.demo;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Every user of the demo company. A user's row is rebuilt from its id on demand (see
 * {@link RowRandom}); only what needs the whole population is kept in memory: emails, which
 * must be unique, and which users are hosts, whom lofts are given to.
 */
final class UserDirectory {

    static final String COMPANY_DOMAIN = "baytlofts.dz";
    private static final String[] EMAIL_DOMAINS = {"gmail.com", "yahoo.fr", "hotmail.com", "hotmail.fr",
        "outlook.fr", "yahoo.com", "live.fr", "icloud.com", "outlook.com"};
    private static final RowRandom.Weights EMAIL_DOMAIN_WEIGHTS = new RowRandom.Weights(45, 14, 8, 8, 6, 6, 4, 3, 3);
    private static final Pattern NOT_EMAIL_CHARACTERS = Pattern.compile("[^a-z0-9]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final double HOST_SHARE = 0.12;
    private static final double DELETED_SHARE = 0.02;

    enum Role { GUEST, HOST, MANAGER, ADMIN;

        String sql() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What other tables copy from a user: the reservation's guest_name, a message's signature. */
    record Contact(long id, String firstName, String fullName, String email, String phone) {
    }

    record User(Contact contact, String lastName, String nationalId, int birthDay, String address,
            AlgerianPlaces.City city, String iban, Role role, Long managerId, long createdAt, long updatedAt,
            Long deletedAt) {
    }

    private final long seed;
    private final DemoPlan plan;
    private final FakePools pools;
    private final String[] emails;
    private final int[] hosts;

    private UserDirectory(long seed, DemoPlan plan, FakePools pools, String[] emails, int[] hosts) {
        this.seed = seed;
        this.plan = plan;
        this.pools = pools;
        this.emails = emails;
        this.hosts = hosts;
    }

    static UserDirectory build(long seed, DemoPlan plan, FakePools pools) {
        String[] emails = new String[plan.users() + 1];
        Set<String> taken = new HashSet<>(plan.users() * 2);
        int[] hosts = new int[plan.users()];
        int hostCount = 0;
        UserDirectory partial = new UserDirectory(seed, plan, pools, emails, hosts);
        // In id order, so the first holder of a name keeps the plain address and later ones get a number.
        for (int id = 1; id <= plan.users(); id++) {
            FakePools.PersonName name = partial.name(id);
            emails[id] = uniqueEmail(partial.emailCandidate(id, name), taken, id);
            if (partial.role(id) == Role.HOST) {
                hosts[hostCount++] = id;
            }
        }
        return new UserDirectory(seed, plan, pools, emails, Arrays.copyOf(hosts, hostCount));
    }

    private static String uniqueEmail(String candidate, Set<String> taken, int id) {
        String email = candidate;
        int at = candidate.indexOf('@');
        for (int n = id % 97 + 2; !taken.add(email); n++) {
            email = candidate.substring(0, at) + n + candidate.substring(at);
        }
        return email;
    }

    int size() {
        return plan.users();
    }

    long firstCustomer() {
        return plan.firstCustomer();
    }

    Role role(long id) {
        if (id == 1) {
            return Role.ADMIN;
        }
        if (id <= plan.staff()) {
            return Role.MANAGER;
        }
        if (id <= plan.staff() + 3) {
            return Role.HOST; // the founding hosts, so the first lofts have an owner
        }
        SplittableRandom random = RowRandom.of(seed, RowRandom.Stream.USER_ROLE, id);
        return RowRandom.chance(random, HOST_SHARE) ? Role.HOST : Role.GUEST;
    }

    long createdAt(long id) {
        if (id <= plan.staff()) {
            // Staff were hired along the years, the admin two months before opening.
            return DemoClock.START - 60 * DemoClock.DAY + (id - 1) * (DemoClock.NOW - DemoClock.START) / plan.staff();
        }
        double jitter = RowRandom.of(seed, RowRandom.Stream.USER_CREATED, id).nextDouble();
        return DemoClock.timeline(id - plan.staff(), plan.users() - plan.staff(), jitter);
    }

    /** The highest customer id that existed at {@code moment} (at least the first customer). */
    long lastCustomerAt(long moment) {
        long customers = plan.users() - plan.staff();
        return plan.staff() + Math.max(1, Math.min(customers, DemoClock.existingAt(moment, customers)));
    }

    /** A host who had joined by {@code moment}. */
    long hostAt(long moment, SplittableRandom random) {
        int known = Arrays.binarySearch(hosts, (int) lastCustomerAt(moment));
        int count = known >= 0 ? known + 1 : -known - 1;
        return hosts[random.nextInt(Math.max(1, count))];
    }

    /** A customer (guest or host, not staff) who had joined by {@code moment}. */
    long customerAt(long moment, SplittableRandom random) {
        long last = lastCustomerAt(moment);
        return plan.firstCustomer() + random.nextLong(last - plan.firstCustomer() + 1);
    }

    /** A manager (staff, not the admin). */
    long manager(SplittableRandom random) {
        return 2 + random.nextInt(plan.staff() - 1);
    }

    Contact contact(long id) {
        FakePools.PersonName name = name(id);
        String phone = AlgerianFormats.mobilePhone(details(id));
        return new Contact(id, name.first(), name.first() + " " + name.last(), emails[(int) id], phone);
    }

    User user(long id) {
        FakePools.PersonName name = name(id);
        SplittableRandom random = details(id);
        String phone = AlgerianFormats.mobilePhone(random); // first draw: contact() draws the same
        Contact contact = new Contact(id, name.first(), name.first() + " " + name.last(), emails[(int) id], phone);
        int age = 19 + (int) (55 * StrictMath.pow(random.nextDouble(), 1.8)); // StrictMath: same on every JVM
        int birthDay = DemoClock.day(DemoClock.NOW) - age * 365 - random.nextInt(365);
        AlgerianPlaces.City city = AlgerianPlaces.CITIES[AlgerianPlaces.userCity(random)];
        String nationalId = AlgerianFormats.nationalId(name.female(), LocalDate.ofEpochDay(birthDay).getYear(),
                city.wilaya(), RowRandom.between(random, 1, 60), id, seed);
        String address = pools.streetAddress(random);
        String iban = AlgerianFormats.iban(random);
        Role role = role(id);
        Long managerId = switch (role) {
            case HOST -> manager(random);
            case MANAGER -> 1L;
            default -> null;
        };
        long createdAt = createdAt(id);
        long lifetime = DemoClock.NOW - createdAt;
        Long deletedAt = role == Role.GUEST && RowRandom.chance(random, DELETED_SHARE)
                ? createdAt + (long) (lifetime * random.nextDouble()) : null;
        long updatedAt = deletedAt != null ? deletedAt
                : RowRandom.chance(random, 0.4) ? createdAt : createdAt + (long) (lifetime * random.nextDouble());
        return new User(contact, name.last(), nationalId, birthDay, address, city, iban, role, managerId, createdAt,
                updatedAt, deletedAt);
    }

    private FakePools.PersonName name(long id) {
        return pools.personName(RowRandom.of(seed, RowRandom.Stream.USER_NAMES, id));
    }

    private SplittableRandom details(long id) {
        return RowRandom.of(seed, RowRandom.Stream.USER_DETAILS, id);
    }

    private String emailCandidate(long id, FakePools.PersonName name) {
        String first = emailPart(name.first());
        String last = emailPart(name.last());
        if (id <= plan.staff()) {
            return first + "." + last + "@" + COMPANY_DOMAIN;
        }
        SplittableRandom random = RowRandom.of(seed, RowRandom.Stream.USER_EMAIL, id);
        String year = AlgerianFormats.digits(RowRandom.between(random, 60, 105) % 100, 2);
        String local = switch (random.nextInt(8)) {
            case 0, 1 -> first + "." + last;
            case 2 -> first + last;
            case 3 -> first.charAt(0) + "." + last;
            case 4 -> last + "." + first;
            case 5 -> first + "." + last + year;
            case 6 -> first + "_" + last + RowRandom.between(random, 1, 99);
            default -> first + year;
        };
        return local + "@" + EMAIL_DOMAINS[EMAIL_DOMAIN_WEIGHTS.pick(random)];
    }

    /** "Aït Saïd" → "aitsaid": mailboxes have no accents or spaces. */
    private static String emailPart(String name) {
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return NOT_EMAIL_CHARACTERS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
