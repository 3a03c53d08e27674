package io.envclone.anonymizer.discover;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a column's name says, in English and French: a kind of personal data, "nothing personal"
 * ({@code category.name}, {@code country}), or nothing (empty). Rules are tried in order, so
 * {@code email_address} is an email before it is an address and {@code ip_address} an IP.
 */
final class NameClassifier {

    /** What a name says: {@code kind} null means the name itself shows the column holds nothing personal. */
    record Verdict(Kind kind, String reason) {
    }

    private enum Match { CONTAINS, EXACT, PERSON_TABLE }

    private record Rule(Kind kind, Match match, List<List<String>> phrases) {
        boolean matches(List<String> words, boolean personTable) {
            return phrases.stream().anyMatch(phrase -> switch (match) {
                case CONTAINS -> Words.contains(words, phrase);
                case EXACT -> words.equals(phrase);
                case PERSON_TABLE -> personTable && words.equals(phrase);
            });
        }
    }

    private static final Rule NATIONAL_ID = rule(Kind.NATIONAL_ID, Match.CONTAINS, "national id", "nationalid", "nin",
            "ssn", "social security", "securite sociale", "nir", "nss", "cin", "passport", "passeport", "numero identite",
            "numero d identite", "id card", "carte identite", "carte d identite", "identity number", "tax id", "nif",
            "driver license", "driving licence");
    private static final List<Rule> RULES = List.of(
            rule(Kind.IP_ADDRESS, Match.CONTAINS, "ip", "ipaddress", "ipv4", "ipv6", "client addr", "remote addr",
                    "mac address", "macaddr", "adresse ip"),
            rule(Kind.EMAIL, Match.CONTAINS, "email", "mail", "courriel", "e mail", "emails"),
            rule(Kind.PASSWORD, Match.CONTAINS, "password", "passwd", "pwd", "mot de passe", "motdepasse", "mdp",
                    "passphrase"),
            rule(Kind.SECRET, Match.CONTAINS, "token", "secret", "api key", "apikey", "otp", "totp", "recovery code"),
            rule(Kind.PHONE, Match.CONTAINS, "phone", "telephone", "tel", "mobile", "portable", "fax", "gsm", "cellphone",
                    "msisdn", "whatsapp"),
            rule(Kind.USERNAME, Match.CONTAINS, "username", "user name", "login", "pseudo", "nickname", "nick name",
                    "screen name", "handle", "identifiant"),
            rule(Kind.FIRST_NAME, Match.CONTAINS, "first name", "firstname", "given name", "givenname", "forename",
                    "prenom", "middle name"),
            rule(Kind.LAST_NAME, Match.CONTAINS, "last name", "lastname", "surname", "family name", "familyname",
                    "maiden name", "nom famille", "nom de famille", "nom de naissance", "nom jeune fille"),
            rule(Kind.FULL_NAME, Match.CONTAINS, "full name", "fullname", "display name", "nom complet", "contact name",
                    "guest name", "customer name", "client name", "holder name", "cardholder", "card holder",
                    "account holder", "titulaire", "recipient name", "sender name", "owner name", "beneficiary",
                    "beneficiaire", "person name", "patient name", "employee name"),
            rule(Kind.FULL_NAME, Match.PERSON_TABLE, "name"),
            rule(Kind.LAST_NAME, Match.PERSON_TABLE, "nom"),
            rule(Kind.CITY, Match.CONTAINS, "birth place", "birthplace", "place of birth", "lieu de naissance",
                    "lieu naissance"),
            rule(Kind.BIRTH_DATE, Match.CONTAINS, "birth", "birthdate", "birthday", "dob", "naissance", "born"),
            NATIONAL_ID,
            rule(Kind.CARD, Match.EXACT, "card", "card number", "cardnumber", "card no", "card num", "pan", "carte",
                    "numero carte", "numero de carte", "carte bancaire", "credit card", "credit card number", "cc number"),
            rule(Kind.IBAN, Match.CONTAINS, "iban", "rib", "bank account", "compte bancaire"),
            rule(Kind.POSTAL_CODE, Match.CONTAINS, "postal code", "postalcode", "postcode", "post code", "zip", "zipcode",
                    "zip code", "code postal", "codepostal"),
            rule(Kind.POSTAL_CODE, Match.EXACT, "cp"),
            rule(Kind.SHORT_CODE, Match.PERSON_TABLE, "extension", "ext", "poste"),
            rule(Kind.SHORT_CODE, Match.CONTAINS, "card last", "last4", "last four", "last 4", "pan last"),
            rule(Kind.COMPANY, Match.CONTAINS, "company", "raison sociale", "entreprise", "societe", "employer",
                    "employeur"),
            rule(Kind.ADDRESS, Match.CONTAINS, "address", "adresse", "addr", "street", "rue", "voie", "lieu dit"),
            rule(Kind.CITY, Match.CONTAINS, "city", "ville", "commune", "town", "locality", "localite"),
            rule(Kind.GEO, Match.CONTAINS, "latitude", "longitude", "geo", "geolocation", "gps", "coordinates", "coords"),
            rule(Kind.GEO, Match.EXACT, "lat", "lng", "lon", "long"),
            rule(Kind.PAY, Match.CONTAINS, "salary", "salaire", "wage", "wages", "income", "revenu", "remuneration"),
            rule(Kind.LINK, Match.CONTAINS, "avatar", "photo", "picture", "website", "homepage", "home page", "linkedin",
                    "facebook", "twitter", "instagram", "site web"),
            rule(Kind.FREE_TEXT, Match.CONTAINS, "body", "message", "messages", "comment", "comments", "commentaire",
                    "note", "notes", "description", "bio", "biography", "content", "contenu", "remark", "remarks",
                    "remarque", "details", "about", "summary", "text", "texte", "observation", "observations", "memo",
                    "feedback", "review"));

    /** Names of things, when the table holds no people ({@code category.name}, {@code language.name}). */
    private static final Set<List<String>> THING_NAMES = Set.of(List.of("name"), List.of("nom"), List.of("label"),
            List.of("libelle"), List.of("title"), List.of("titre"));
    /** Too coarse to single out a person: a region or a country. */
    private static final Set<List<String>> REGIONS = Set.of(List.of("district"), List.of("region"), List.of("province"),
            List.of("country"), List.of("pays"), List.of("departement"), List.of("wilaya"), List.of("county"),
            List.of("country", "code"), List.of("continent"));
    /**
     * Words that make a name about the thing, not the thing: {@code email_status}, {@code address_type}.
     * Times ({@code email_confirmed_at}) need none: their type already says they hold no email.
     */
    private static final Set<String> QUALIFIERS = Set.of("type", "kind", "status", "count", "uuid", "length", "size",
            "flag", "format", "verified", "confirmed", "enabled", "changed", "sent", "consent", "optin", "provider", "domain", "template", "visibility", "preference", "preferences", "language", "locale",
            "policy", "is", "has", "nb");
    /** Words of tables that hold people: a bare {@code name} there is a person's. */
    private static final Set<String> PERSON_TABLES = Set.of("customer", "user", "staff", "employee", "guest", "client",
            "member", "person", "contact", "patient", "profile", "account", "student", "teacher", "driver", "passenger",
            "subscriber", "author", "owner", "tenant", "candidate", "applicant", "actor", "artist", "speaker", "buyer",
            "seller", "visitor", "traveler", "traveller", "beneficiary", "utilisateur", "employe", "salarie", "adherent",
            "personne", "abonne", "eleve", "etudiant", "locataire", "voyageur", "membre", "auteur", "proprietaire",
            "candidat", "contribuable", "beneficiaire");

    private NameClassifier() {
    }

    /** What the name {@code column} of {@code table} ({@code schema.table} or a bare table name) says. */
    static Optional<Verdict> classify(String table, String column) {
        List<String> words = Words.of(column);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        boolean personTable = isPersonTable(table);
        if (!aboutTheThing(words)) {
            for (Rule rule : RULES) {
                if (rule.matches(words, personTable)) {
                    String where = rule.match() == Match.PERSON_TABLE ? " in a table of people" : "";
                    return Optional.of(new Verdict(rule.kind(), "name '" + column + "'" + where + " reads as "
                            + rule.kind().what));
                }
            }
        }
        if (!personTable && THING_NAMES.contains(words)) {
            return Optional.of(new Verdict(null, "name '" + column + "' in " + tableName(table)
                    + ", which holds no people: the name of a thing"));
        }
        if (REGIONS.contains(words)) {
            return Optional.of(new Verdict(null, "name '" + column + "' reads as a region or a country: too coarse"
                    + " to single out a person"));
        }
        return Optional.empty();
    }

    /** {@code email_status}, {@code address_id}: the name is about the thing; {@code national_id} is the thing. */
    private static boolean aboutTheThing(List<String> words) {
        String last = words.get(words.size() - 1);
        if (last.equals("id") || last.equals("ids")) {
            return !NATIONAL_ID.matches(words, false);
        }
        return QUALIFIERS.contains(last) || QUALIFIERS.contains(words.get(0));
    }

    /** Whether a word of the table's own name ({@code customer}, {@code app_users}) is a kind of person. */
    static boolean isPersonTable(String table) {
        return Words.of(tableName(table)).stream().map(Words::singular).anyMatch(PERSON_TABLES::contains);
    }

    private static String tableName(String table) {
        String name = table == null ? "" : table;
        return name.substring(name.indexOf('.') + 1);
    }

    private static Rule rule(Kind kind, Match match, String... phrases) {
        return new Rule(kind, match, Arrays.stream(phrases).map(phrase -> List.of(phrase.split(" "))).toList());
    }
}
