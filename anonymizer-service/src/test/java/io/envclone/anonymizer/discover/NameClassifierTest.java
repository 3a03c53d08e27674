package io.envclone.anonymizer.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What column names say, in English and French, however they are spelled. */
class NameClassifierTest {

    private static Kind kind(String table, String column) {
        return NameClassifier.classify(table, column).map(NameClassifier.Verdict::kind).orElse(null);
    }

    @Test
    void wordsAreSplitOnCaseUnderscoresDashesAndDigitsWithoutAccents() {
        assertThat(Words.of("dateDeNaissance")).containsExactly("date", "de", "naissance");
        assertThat(Words.of("Date-de_Naissance")).containsExactly("date", "de", "naissance");
        assertThat(Words.of("prénom")).containsExactly("prenom");
        assertThat(Words.of("HTTPServerURL")).containsExactly("http", "server", "url");
        assertThat(Words.of("address2")).containsExactly("address", "2");
        assertThat(Words.of("User Name")).containsExactly("user", "name");
    }

    @Test
    void englishNames() {
        assertThat(kind("public.t", "email")).isEqualTo(Kind.EMAIL);
        assertThat(kind("public.t", "EmailAddress")).isEqualTo(Kind.EMAIL);
        assertThat(kind("public.t", "mobile_phone")).isEqualTo(Kind.PHONE);
        assertThat(kind("public.t", "firstName")).isEqualTo(Kind.FIRST_NAME);
        assertThat(kind("public.t", "given_name")).isEqualTo(Kind.FIRST_NAME);
        assertThat(kind("public.t", "surname")).isEqualTo(Kind.LAST_NAME);
        assertThat(kind("public.t", "full_name")).isEqualTo(Kind.FULL_NAME);
        assertThat(kind("public.t", "company_name")).isEqualTo(Kind.COMPANY);
        assertThat(kind("public.t", "address2")).isEqualTo(Kind.ADDRESS);
        assertThat(kind("public.t", "street")).isEqualTo(Kind.ADDRESS);
        assertThat(kind("public.t", "city")).isEqualTo(Kind.CITY);
        assertThat(kind("public.t", "zip")).isEqualTo(Kind.POSTAL_CODE);
        assertThat(kind("public.t", "postal_code")).isEqualTo(Kind.POSTAL_CODE);
        assertThat(kind("public.employees", "extension")).as("an employee's own line").isEqualTo(Kind.SHORT_CODE);
        assertThat(kind("public.payments", "card_last4")).isEqualTo(Kind.SHORT_CODE);
        assertThat(kind("public.files", "extension")).as("a file's: not a person's").isNull();
        assertThat(kind("public.t", "date_of_birth")).isEqualTo(Kind.BIRTH_DATE);
        assertThat(kind("public.t", "dob")).isEqualTo(Kind.BIRTH_DATE);
        assertThat(kind("public.t", "username")).isEqualTo(Kind.USERNAME);
        assertThat(kind("public.t", "login")).isEqualTo(Kind.USERNAME);
        assertThat(kind("public.t", "encrypted_password")).isEqualTo(Kind.PASSWORD);
        assertThat(kind("public.t", "password_hash")).isEqualTo(Kind.PASSWORD);
        assertThat(kind("public.t", "iban")).isEqualTo(Kind.IBAN);
        assertThat(kind("public.t", "national_id")).isEqualTo(Kind.NATIONAL_ID);
        assertThat(kind("public.t", "ssn")).isEqualTo(Kind.NATIONAL_ID);
        assertThat(kind("public.t", "passport_number")).isEqualTo(Kind.NATIONAL_ID);
        assertThat(kind("public.t", "card_number")).isEqualTo(Kind.CARD);
        assertThat(kind("public.t", "pan")).isEqualTo(Kind.CARD);
        assertThat(kind("public.t", "ip_address")).isEqualTo(Kind.IP_ADDRESS);
        assertThat(kind("public.t", "client_addr")).isEqualTo(Kind.IP_ADDRESS);
        assertThat(kind("public.t", "last_ip")).isEqualTo(Kind.IP_ADDRESS);
        assertThat(kind("public.t", "latitude")).isEqualTo(Kind.GEO);
        assertThat(kind("public.t", "lng")).isEqualTo(Kind.GEO);
        assertThat(kind("public.t", "body")).isEqualTo(Kind.FREE_TEXT);
        assertThat(kind("public.t", "description")).isEqualTo(Kind.FREE_TEXT);
        assertThat(kind("public.t", "avatar_url")).isEqualTo(Kind.LINK);
        assertThat(kind("public.t", "salary")).isEqualTo(Kind.PAY);
    }

    @Test
    void frenchNamesWithOrWithoutAccents() {
        assertThat(kind("public.t", "courriel")).isEqualTo(Kind.EMAIL);
        assertThat(kind("public.t", "téléphone")).isEqualTo(Kind.PHONE);
        assertThat(kind("public.t", "tel_portable")).isEqualTo(Kind.PHONE);
        assertThat(kind("public.t", "prénom")).isEqualTo(Kind.FIRST_NAME);
        assertThat(kind("public.t", "nom_de_famille")).isEqualTo(Kind.LAST_NAME);
        assertThat(kind("public.t", "raison_sociale")).isEqualTo(Kind.COMPANY);
        assertThat(kind("public.t", "adresse")).isEqualTo(Kind.ADDRESS);
        assertThat(kind("public.t", "ville")).isEqualTo(Kind.CITY);
        assertThat(kind("public.t", "codePostal")).isEqualTo(Kind.POSTAL_CODE);
        assertThat(kind("public.t", "date_naissance")).isEqualTo(Kind.BIRTH_DATE);
        assertThat(kind("public.t", "lieu_de_naissance")).as("a place, not a date").isEqualTo(Kind.CITY);
        assertThat(kind("public.t", "pseudo")).isEqualTo(Kind.USERNAME);
        assertThat(kind("public.t", "mot_de_passe")).isEqualTo(Kind.PASSWORD);
        assertThat(kind("public.t", "rib")).isEqualTo(Kind.IBAN);
        assertThat(kind("public.t", "numéro_d'identité")).isEqualTo(Kind.NATIONAL_ID);
        assertThat(kind("public.t", "carte")).isEqualTo(Kind.CARD);
        assertThat(kind("public.t", "commentaire")).isEqualTo(Kind.FREE_TEXT);
    }

    @Test
    void aBareNameIsAPersonsOnlyInATableOfPeople() {
        assertThat(kind("public.customer", "name")).isEqualTo(Kind.FULL_NAME);
        assertThat(kind("auth.users", "name")).isEqualTo(Kind.FULL_NAME);
        assertThat(kind("public.app_users", "name")).isEqualTo(Kind.FULL_NAME);
        assertThat(kind("public.people", "name")).isEqualTo(Kind.FULL_NAME);
        assertThat(kind("public.clients", "nom")).isEqualTo(Kind.LAST_NAME);
        for (String table : List.of("public.film", "public.category", "public.language", "public.group", "ref.countries")) {
            assertThat(NameClassifier.classify(table, "name")).as(table).hasValueSatisfying(verdict -> {
                assertThat(verdict.kind()).isNull();
                assertThat(verdict.reason()).contains("holds no people");
            });
        }
        assertThat(NameClassifier.classify("public.produit", "nom")).hasValueSatisfying(v -> assertThat(v.kind()).isNull());
    }

    @Test
    void namesAboutTheThingAreNotTheThing() {
        assertThat(kind("public.t", "email_verified")).isNull();
        assertThat(kind("public.t", "address_id")).isNull();
        assertThat(kind("public.t", "address_type")).isNull();
        assertThat(kind("public.t", "content_type")).isNull();
        assertThat(kind("public.t", "card_type")).isNull();
        assertThat(kind("public.t", "hotel")).as("tel is a word, not a part of one").isNull();
        assertThat(kind("public.t", "attribute")).as("rib is a word, not a part of one").isNull();
        assertThat(kind("public.t", "title")).isNull();
        assertThat(kind("public.t", "rating")).isNull();
        assertThat(kind("public.t", "last_update")).isNull();
    }

    @Test
    void regionsAreTooCoarseToSingleOutAPerson() {
        assertThat(NameClassifier.classify("public.address", "district"))
                .hasValueSatisfying(verdict -> assertThat(verdict.kind()).isNull());
        assertThat(NameClassifier.classify("public.country", "country"))
                .hasValueSatisfying(verdict -> assertThat(verdict.reason()).contains("too coarse"));
    }
}
