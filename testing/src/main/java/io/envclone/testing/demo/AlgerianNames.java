package io.envclone.testing.demo;

/** Word lists datafaker lacks: Algerian given names, family names, streets and housing estates. */
final class AlgerianNames {

    static final String[] MALE_FIRST_NAMES = {
        "Mohamed", "Ahmed", "Abdelkader", "Karim", "Amine", "Yacine", "Sofiane", "Nassim", "Walid", "Riad",
        "Samir", "Mourad", "Farid", "Rachid", "Hakim", "Djamel", "Kamel", "Nabil", "Omar", "Youcef", "Bilal",
        "Islam", "Anis", "Rayan", "Adel", "Hichem", "Lotfi", "Mehdi", "Redouane", "Zakaria", "Ayoub", "Abdelhak",
        "Hamza", "Khaled", "Salim", "Tarek", "Toufik", "Fayçal", "Mustapha", "Noureddine", "Abderrahmane",
        "Fethi", "Lyes", "Massinissa", "Amar", "Saïd", "Idir", "Aghiles", "Yanis", "Ilyes", "Akram", "Oussama",
        "Ramzi", "Smaïl", "Brahim", "Boualem", "Mokhtar", "Azzedine", "Larbi", "Hocine", "Mohamed Amine",
        "Abdelaziz", "Chakib", "Hamid", "Nadir", "Réda", "Sid Ahmed", "Wassim", "Yazid", "Zinedine",
    };

    static final String[] FEMALE_FIRST_NAMES = {
        "Fatima", "Amina", "Yasmine", "Lina", "Meriem", "Sarah", "Imène", "Rania", "Nadia", "Samira", "Leïla",
        "Nesrine", "Asma", "Khadidja", "Hanane", "Souad", "Nawel", "Amel", "Wafa", "Sabrina", "Kahina", "Lynda",
        "Dalila", "Djamila", "Zineb", "Chaïma", "Ikram", "Manel", "Selma", "Soraya", "Fella", "Houda", "Malika",
        "Nour", "Aya", "Inès", "Lydia", "Thiziri", "Tinhinane", "Ryma", "Sonia", "Hayat", "Naïma", "Rym",
        "Wissam", "Maroua", "Feriel", "Katia", "Célia", "Fatma Zohra", "Hadjer", "Kenza", "Louiza", "Sihem",
    };

    static final String[] LAST_NAMES = {
        "Benali", "Belkacem", "Bouzid", "Haddad", "Meziane", "Saïdi", "Khelifi", "Cherif", "Mansouri", "Hamidi",
        "Brahimi", "Zerrouki", "Aït Ahmed", "Amrani", "Benaïssa", "Kaci", "Ouali", "Rahmani", "Slimani",
        "Touati", "Yahiaoui", "Ziani", "Lounis", "Mebarki", "Bensalem", "Boukhalfa", "Djebbar", "Ferhat",
        "Guerfi", "Hamadouche", "Larbi", "Messaoudi", "Ould Ali", "Sahraoui", "Benmansour", "Benyahia",
        "Bouchama", "Chaouch", "Dahmani", "Belaïd", "Benamar", "Berkani", "Bouazza", "Boukhari", "Chikhi",
        "Derradji", "Fodil", "Ghezali", "Hadjadj", "Hamdi", "Kaddour", "Kadri", "Khaldi", "Laïb", "Lakhdari",
        "Mahdi", "Mammeri", "Medjahed", "Mokrani", "Ouadah", "Rezig", "Saadi", "Sellami", "Abbas", "Achour",
        "Aïssaoui", "Allaoui", "Amara", "Aouadi", "Azzouz", "Bahri", "Belhadj", "Bellal", "Benabdallah",
        "Bennacer", "Benyoucef", "Bouabdallah", "Boudjemaa", "Bouras", "Chabane", "Djaballah", "Djellal",
        "Djoudi", "Gacem", "Guettaf", "Hammoudi", "Harbi", "Hamou", "Iguer", "Kebir", "Khodja", "Lahlou",
        "Mahmoudi", "Mekki", "Merabet", "Mihoubi", "Naceri", "Oukaci", "Rabhi", "Saci", "Seddiki", "Smaïli",
        "Taleb", "Tlemçani", "Yousfi", "Zitouni", "Aït Saïd", "Aït Kaci", "Belarbi", "Bouaziz", "Benhamou",
        "Benmoussa", "Benchikh", "Medjdoub", "Hadj Ali", "Cherifi", "Kheddar", "Bensaïd", "Boumaza",
    };

    static final String[] STREETS = {
        "rue Didouche Mourad", "boulevard Mohamed V", "rue Larbi Ben M'hidi", "rue Hassiba Ben Bouali",
        "boulevard Zighout Youcef", "rue Abane Ramdane", "rue Émir Abdelkader", "boulevard Colonel Amirouche",
        "rue Krim Belkacem", "avenue de l'ALN", "boulevard du 1er Novembre 1954", "rue du 5 Juillet",
        "avenue de l'Indépendance", "rue Ahmed Zabana", "boulevard Mustapha Ben Boulaïd", "rue Frantz Fanon",
        "boulevard Souidani Boudjemaa", "rue Asselah Hocine", "chemin Sfindja", "rue Ali Boumendjel",
        "boulevard de la Soummam", "avenue Pasteur", "boulevard Front de Mer", "rue des Frères Bouadou",
        "route de l'Université", "chemin des Crêtes", "rue Mohamed Belouizdad", "boulevard Che Guevara",
        "rue Hamani Arezki", "avenue Ahmed Ghermoul", "rue Tripoli", "boulevard de l'Émir Khaled",
        "rue Khelifa Boukhalfa", "rue des Martyrs", "avenue des Frères Hamia", "route nationale 11",
    };

    static final String[] ESTATES = {
        "Lotissement El Bina", "Lotissement Les Vergers", "Lotissement El Feth", "Lotissement Bouchaoui",
        "Lotissement El Yasmine", "Lotissement Les Oliviers", "Lotissement Ennakhil", "Lotissement El Amel",
    };

    static final String[] RESIDENCES = {
        "Résidence Les Pins", "Résidence El Djazair", "Résidence Sahel", "Résidence Les Palmiers",
        "Résidence Mont Fleuri", "Résidence El Kettani",
    };

    static final int[] CITE_SIZES = {200, 300, 500, 600, 720, 1000, 1200, 2000};

    private AlgerianNames() {
    }
}
