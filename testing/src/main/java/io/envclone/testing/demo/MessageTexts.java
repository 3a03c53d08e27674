package io.envclone.testing.demo;

import java.util.SplittableRandom;

/**
 * What guests, hosts and support write to each other, in French. Many messages carry personal
 * data in free text (phone numbers, emails, an IBAN, a relative's name and number), as real
 * messaging tables do: that is exactly what an anonymiser must find.
 */
final class MessageTexts {

    enum Author { GUEST, HOST, SUPPORT }

    /** The people and stay a message can mention; {@code stranger} is someone outside the conversation. */
    record Scene(ConversationPlan.Conversation conversation, UserDirectory.Contact guest, UserDirectory.Contact host,
            UserDirectory.Contact support, UserDirectory.Contact stranger, UserDirectory users) {
    }

    private static final String[] GUEST_OPENINGS = {
        "Bonjour, je souhaite réserver votre logement à {city} du {in} au {out}. Est-il toujours disponible ?",
        "Salam alikoum, est-ce qu'il y a un parking pour la voiture ? Merci.",
        "Bonjour, nous serons {guests} personnes. Vous pouvez me joindre au {phone} ou {email}. Merci d'avance !",
        "Bonsoir, nous arriverons vers 22h, est-il possible de récupérer les clés tard ?",
        "Bonjour,\nJe vous laisse mon numéro : {phone}.\nCordialement,\n{full}",
        "Bonjour, le logement est-il climatisé ? Il fait très chaud l'été à {city}.",
        "Bonjour {host}, c'est {full}, on s'est parlé au téléphone. Mon numéro : {phone}.",
    };

    private static final String[] GUEST_REPLIES = {
        "Mon mari {other} arrivera en premier, son numéro : {other_phone}.",
        "Merci beaucoup, à bientôt !",
        "Pour le remboursement, voici mon RIB : {iban}",
        "Mon adresse mail a changé, écrivez-moi plutôt à {email}",
        "D'accord, c'est noté.",
        "Merci pour l'accueil, tout était parfait. Je reviendrai inchallah !",
        "Je n'arrive pas à vous joindre, rappelez-moi au {phone} svp.",
        "Ma sœur {other} ({other_email}) va aussi vous écrire pour les détails.",
        "Est-ce qu'on peut payer le reste en espèces à l'arrivée ?",
        "Nous sommes bien arrivés, merci !",
    };

    private static final String[] HOST_REPLIES = {
        "Bonjour {guest}, oui le logement est disponible. Je vous confirme la réservation.",
        "Bienvenue ! Le code de la porte est {code}. Appelez-moi au {phone} en cas de souci.",
        "Le gardien s'appelle {other}, il vous attendra à l'entrée ({other_phone}).",
        "Merci pour votre séjour, n'hésitez pas à laisser un avis.",
        "Le parking est gratuit, juste en bas de l'immeuble.",
        "Pouvez-vous m'envoyer une copie de votre pièce d'identité à {email} ?",
        "Bonjour,\n\nLes draps et serviettes sont fournis. Wifi : BaytLoft_{code}\n\nBon séjour,\n{name}",
        "Oui, la climatisation fonctionne dans toutes les pièces.",
        "Pour toute urgence, mon numéro WhatsApp : {phone}",
    };

    private static final String[] SUPPORT_REPLIES = {
        "Bonjour, ici {full} du service client Bayt Lofts. Nous avons bien reçu votre demande.",
        "Un conseiller vous rappellera au {guest_phone} dans la journée.",
        "Le remboursement a été effectué sur votre compte.",
        "Vous pouvez aussi nous écrire à support@" + UserDirectory.COMPANY_DOMAIN + " en indiquant la référence {ref}.",
    };

    private MessageTexts() {
    }

    static String body(Scene scene, Author author, boolean opening, SplittableRandom random) {
        String template = switch (author) {
            case GUEST -> RowRandom.pick(random, opening ? GUEST_OPENINGS : GUEST_REPLIES);
            case HOST -> RowRandom.pick(random, HOST_REPLIES);
            case SUPPORT -> RowRandom.pick(random, SUPPORT_REPLIES);
        };
        UserDirectory.Contact sender = switch (author) {
            case GUEST -> scene.guest();
            case HOST -> scene.host();
            case SUPPORT -> scene.support();
        };
        return fill(template, scene, sender, random);
    }

    private static String fill(String template, Scene scene, UserDirectory.Contact sender, SplittableRandom random) {
        StringBuilder out = new StringBuilder(template.length() + 40);
        int from = 0;
        for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', from)) {
            int close = template.indexOf('}', open);
            out.append(template, from, open);
            out.append(value(template.substring(open + 1, close), scene, sender, random));
            from = close + 1;
        }
        return out.append(template, from, template.length()).toString();
    }

    private static String value(String key, Scene scene, UserDirectory.Contact sender, SplittableRandom random) {
        ConversationPlan.Conversation conversation = scene.conversation();
        ReservationBook.Reservation reservation = conversation.reservation();
        return switch (key) {
            case "name" -> sender.firstName();
            case "full" -> sender.fullName();
            case "phone" -> sender.phone();
            case "email" -> sender.email();
            case "iban" -> scene.users().user(sender.id()).iban();
            case "guest" -> scene.guest().firstName();
            case "guest_phone" -> scene.guest().phone();
            case "host" -> scene.host().firstName();
            case "other" -> scene.stranger().firstName();
            case "other_phone" -> scene.stranger().phone();
            case "other_email" -> scene.stranger().email();
            case "city" -> conversation.loft().city().name();
            case "in" -> reservation == null ? "15/07" : DemoClock.frenchDate(reservation.checkIn());
            case "out" -> reservation == null ? "20/07" : DemoClock.frenchDate(reservation.checkOut());
            case "guests" -> Integer.toString(reservation == null ? 2 : reservation.guests());
            case "code" -> AlgerianFormats.digits(random.nextInt(10_000), 4);
            case "ref" -> "BL-" + conversation.id();
            default -> throw new IllegalStateException("unknown placeholder {" + key + "}");
        };
    }
}
