package io.envclone.anonymizer.transform;

import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.fingerprint.PiiClass;
import java.util.List;
import java.util.Locale;

/**
 * The transformers by name, built from a rule with its options under the environment's key.
 * {@code financial} is {@code iban}, or {@code card} with {@code format: card}; {@code custom} is
 * {@code template}. A rule that cannot be built is refused with a message naming its column, the
 * option and the fix.
 */
public final class Transformers {

    public static final List<String> NAMES = List.of("email", "template", "custom", "name", "first_name", "last_name",
            "company", "address", "city", "phone", "national_id", "iban", "card", "financial", "date", "number",
            "amount", "constant", "null", "hash", "keep", "scrub", "password", "tsvector", "username", "postal_code");

    private final KeyedHash hash;
    private final SourceKnowledge known;

    public Transformers(KeyedHash hash) {
        this(hash, SourceKnowledge.NONE);
    }

    /** {@code known}: the clone's source fingerprints; a fake that is a source value of its class is drawn again. */
    public Transformers(KeyedHash hash, SourceKnowledge known) {
        this.hash = hash;
        this.known = known;
    }

    private RealValues real(PiiClass of) {
        return known.real(of);
    }

    public Transformer create(ColumnRule rule) {
        try {
            return build(rule);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(rule.column() + ": " + e.getMessage(), e);
        }
    }

    private Transformer build(ColumnRule rule) {
        String type = rule.type() == null ? "" : rule.type().toLowerCase(Locale.ROOT);
        if (!rule.paths().isEmpty()) {
            return withPaths(rule, type);
        }
        return switch (type) {
            case "email" -> new TemplateTransformer(new Template(rule.option("template", TemplateTransformer.DEFAULT_EMAIL),
                    "email", hash), real(PiiClass.EMAIL));
            case "template", "custom" -> new TemplateTransformer(new Template(required(rule, "template"), "template", hash),
                    real(PiiClass.SECRET));
            case "username" -> username(rule.option("template", USERNAME));
            case "postal_code" -> new PostalCodeTransformer(hash, integer(rule, "keep", 0));
            case "name" -> names(rule, NameTransformer.Kind.FULL_NAME);
            case "first_name" -> names(rule, NameTransformer.Kind.FIRST_NAME);
            case "last_name" -> names(rule, NameTransformer.Kind.LAST_NAME);
            case "company" -> names(rule, NameTransformer.Kind.COMPANY);
            case "address" -> names(rule, NameTransformer.Kind.ADDRESS);
            case "city" -> names(rule, NameTransformer.Kind.CITY);
            case "phone" -> new PhoneTransformer(hash, real(PiiClass.PHONE));
            case "national_id" -> new DigitsTransformer(hash, "national_id", integer(rule, "keep", 0),
                    "luhn".equals(rule.option("checkDigit", "none")), real(PiiClass.NATIONAL_ID));
            case "card" -> card(rule);
            case "iban" -> new IbanTransformer(hash, real(PiiClass.IBAN));
            case "financial" -> "card".equals(rule.option("format", "iban")) ? card(rule)
                    : new IbanTransformer(hash, real(PiiClass.IBAN));
            case "date" -> new DateTransformer(hash, integer(rule, "days", 30), keep(rule));
            case "number", "amount" -> new NumberTransformer(hash, decimal(rule, "percent", 10), rule.option("factorBy", null));
            case "constant" -> {
                String constant = required(rule, "value");
                yield (value, row) -> value == null ? null : constant;
            }
            case "null" -> (value, row) -> null;
            case "hash" -> {
                int length = integer(rule, "length", 16);
                if (length < 8 || length > 64) {
                    throw new IllegalArgumentException("option length must be between 8 and 64, was " + length);
                }
                yield (value, row) -> value == null ? null : hash.token("hash", value, length);
            }
            case "keep" -> (value, row) -> value;
            case "scrub" -> scrubber();
            case "tsvector" -> new TsVectorTransformer(required(rule, "from"));
            case "password" -> new PasswordTransformer(hash, rule.option("password", PasswordTransformer.DEFAULT_PASSWORD),
                    rule.option("format", "same"));
            default -> throw new IllegalArgumentException("unknown transformer '" + rule.type() + "': use one of " + NAMES);
        };
    }

    /** A JSON column whose paths have transformers of their own, the rest scrubbed ({@code scrub}) or kept ({@code keep}). */
    private Transformer withPaths(ColumnRule rule, String type) {
        if (!type.equals("scrub") && !type.equals("keep")) {
            throw new IllegalArgumentException("paths are for json columns of type scrub (the rest is scrubbed) or keep"
                    + " (the rest is kept), not " + rule.type());
        }
        java.util.Map<String, Transformer> paths = new java.util.HashMap<>();
        rule.paths().forEach((path, pathType) -> {
            if (path.isBlank() || path.startsWith(".") || path.endsWith(".")) {
                throw new IllegalArgumentException("path '" + path + "' is not key.key...: name the leaf, e.g. guest.email");
            }
            try {
                paths.put(path, build(ColumnRule.of(rule.column(), pathType)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("path " + path + ": " + e.getMessage(), e);
            }
        });
        return scrubber().withPaths(paths, type.equals("scrub"));
    }

    /**
     * The scrubber, with the default transformer of each kind and class: what it finds is replaced as
     * its column would be, so a value and its mention in text get the same fake.
     */
    private Scrubber scrubber() {
        Transformer email = build(ColumnRule.of("", "email"));
        Transformer phone = new PhoneTransformer(hash, real(PiiClass.PHONE));
        Transformer iban = new IbanTransformer(hash, real(PiiClass.IBAN));
        Transformer name = names(ColumnRule.of("", "name"), NameTransformer.Kind.FULL_NAME);
        Transformer first = names(ColumnRule.of("", "first_name"), NameTransformer.Kind.FIRST_NAME);
        Transformer last = names(ColumnRule.of("", "last_name"), NameTransformer.Kind.LAST_NAME);
        Transformer address = names(ColumnRule.of("", "address"), NameTransformer.Kind.ADDRESS);
        Transformer nationalId = new DigitsTransformer(hash, "national_id", 0, false, real(PiiClass.NATIONAL_ID));
        Transformer card = card(ColumnRule.of("", "card"));
        Transformer username = username(USERNAME);
        Transformer secret = (value, row) -> value == null ? null : hash.token("hash", value, 16);
        java.util.Map<String, Transformer> byKey = new java.util.HashMap<>();
        for (String key : List.of("email", "mail", "courriel", "guest_email")) {
            byKey.put(key, email);
        }
        for (String key : List.of("phone", "telephone", "téléphone", "tel", "mobile", "guest_phone")) {
            byKey.put(key, phone);
        }
        for (String key : List.of("name", "full_name", "fullname", "guest_name", "nom_complet")) {
            byKey.put(key, name);
        }
        for (String key : List.of("first_name", "firstname", "prenom", "prénom")) {
            byKey.put(key, first);
        }
        for (String key : List.of("last_name", "lastname", "nom")) {
            byKey.put(key, last);
        }
        for (String key : List.of("address", "adresse", "street")) {
            byKey.put(key, address);
        }
        for (String key : List.of("username", "user_name", "login", "pseudo", "handle", "user", "changed_by",
                "created_by", "updated_by")) {
            byKey.put(key, username);
        }
        for (String key : List.of("postal_code", "postcode", "zip", "zip_code", "zipcode", "code_postal", "card_last4", "last4",
                "extension")) {
            byKey.put(key, new PostalCodeTransformer(hash, 0));
        }
        Transformer birth = new DateTransformer(hash, 30, DateTransformer.Keep.YEAR);
        for (String key : List.of("birth_date", "birthdate", "date_of_birth", "dob", "birthday", "date_naissance")) {
            byKey.put(key, birth);
        }
        byKey.put("city", names(ColumnRule.of("", "city"), NameTransformer.Kind.CITY));
        byKey.put("company", names(ColumnRule.of("", "company"), NameTransformer.Kind.COMPANY));
        byKey.put("password", secret);
        byKey.put("iban", iban);
        byKey.put("national_id", nationalId);
        java.util.Map<PiiClass, Transformer> byClass = new java.util.EnumMap<>(PiiClass.class);
        byClass.put(PiiClass.EMAIL, email);
        byClass.put(PiiClass.PHONE, phone);
        byClass.put(PiiClass.IBAN, iban);
        byClass.put(PiiClass.CARD, card);
        byClass.put(PiiClass.NATIONAL_ID, nationalId);
        byClass.put(PiiClass.USERNAME, username);
        byClass.put(PiiClass.FULL_NAME, fullName(first, last));
        byClass.put(PiiClass.COMPANY, byKey.get("company"));
        byClass.put(PiiClass.STREET_ADDRESS, address);
        byClass.put(PiiClass.SECRET, secret);
        // a free text that would be a source one whole becomes a fake sentence, chosen by the text: the same text, the same
        // sentence, everywhere (a mark added to it would still hold the source text, word for word)
        List<String> sentences = FakePools.of("fr").sentences;
        byClass.put(PiiClass.FREE_TEXT, (value, row) -> value == null ? null
                : sentences.get(hash.pick("free_text", value, sentences.size())));
        return new Scrubber(email, phone, iban, card, nationalId, byKey).withSource(known.matcher(), byClass);
    }

    /** The template of {@code username}: a fake login that names nobody. */
    static final String USERNAME = "user-{hash}";

    private Transformer username(String template) {
        return new TemplateTransformer(new Template(template, "username", hash), real(PiiClass.USERNAME));
    }

    /**
     * A full name found in text: its first word as a first name and the rest as a last name, so
     * "Aaron Selby" becomes what the row's first_name and last_name columns became.
     */
    private static Transformer fullName(Transformer first, Transformer last) {
        return (value, row) -> {
            if (value == null) {
                return null;
            }
            java.util.List<io.envclone.api.fingerprint.Words.Span> words = io.envclone.api.fingerprint.Words.spans(value);
            if (words.size() < 2) {
                return first.apply(value, row);
            }
            int split = words.get(0).end();
            return first.apply(value.substring(0, split), row) + value.substring(split, words.get(1).start())
                    + last.apply(value.substring(words.get(1).start()), row);
        };
    }

    private Transformer card(ColumnRule rule) {
        return new DigitsTransformer(hash, "card", integer(rule, "keep", 1), true, real(PiiClass.CARD));
    }

    private Transformer names(ColumnRule rule, NameTransformer.Kind kind) {
        String locale = rule.option("locale", "fr");
        PiiClass of = switch (kind) {
            case FULL_NAME -> PiiClass.FULL_NAME;
            case COMPANY -> PiiClass.COMPANY;
            case ADDRESS -> PiiClass.STREET_ADDRESS;
            default -> null; // first names, last names, cities: quasi-identifiers
        };
        FakePools pools = FakePools.of(locale);
        Dealer dealer = kind == NameTransformer.Kind.CITY ? known.dealer(PiiClass.CITY, pools.cities) : Dealer.NONE;
        return new NameTransformer(kind, hash, pools, real(of), real(PiiClass.FULL_NAME), dealer);
    }

    private static DateTransformer.Keep keep(ColumnRule rule) {
        String keep = rule.option("keep", "none");
        return switch (keep) {
            case "none" -> DateTransformer.Keep.NONE;
            case "year" -> DateTransformer.Keep.YEAR;
            case "month" -> DateTransformer.Keep.MONTH;
            default -> throw new IllegalArgumentException("option keep is '" + keep + "': use none, year or month");
        };
    }

    private static String required(ColumnRule rule, String option) {
        String value = rule.options().get(option);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("transformer " + rule.type() + " needs the option " + option);
        }
        return value;
    }

    private static int integer(ColumnRule rule, String option, int fallback) {
        return parsed(rule, option, Integer.toString(fallback), Integer::parseInt, "a whole number");
    }

    private static double decimal(ColumnRule rule, String option, double fallback) {
        return parsed(rule, option, Double.toString(fallback), Double::parseDouble, "a number");
    }

    private static <T> T parsed(ColumnRule rule, String option, String fallback,
            java.util.function.Function<String, T> parser, String expected) {
        String value = rule.option(option, fallback);
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + option + " is '" + value + "': give " + expected);
        }
    }
}
